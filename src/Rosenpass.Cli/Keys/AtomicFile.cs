using System.Runtime.InteropServices;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Keys;

/// <summary>
/// Replacing a file so that no reader ever sees a partial one and no secret lands in an existing file: the bytes
/// go to a new temporary file in the same folder (created exclusively, with the final mode from the start), which
/// is flushed to disk, renamed over the name (atomic on POSIX), and then the folder itself is flushed so the
/// rename survives a crash. Errors name the file asked for, never the temporary one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Replaces the directory entry <paramref name="path"/> (a symlink there is replaced, not followed).</summary>
    public static void Replace(string path, ReadOnlySpan<byte> bytes, UnixFileMode mode)
    {
        string full = FullPath(path);
        string folder = Path.GetDirectoryName(full) ?? "/";
        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = CreateNew(temporary, mode))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
            FlushFolder(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InputFormatException(path, $"cannot write: {e.Message.Replace(temporary, full, StringComparison.Ordinal)}");
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>A new file opened for writing: fails if anything (also a dangling symlink) has that name.</summary>
    public static FileStream CreateNew(string path, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = mode; // never a moment with wider permissions
        return new FileStream(path, options);
    }

    /// <summary>The absolute path; a path that cannot name a file (empty, NUL inside) is our typed error.</summary>
    public static string FullPath(string path)
    {
        if (path.Length == 0) throw new InputFormatException(path, "is empty, not a file name");
        if (path.Contains('\0')) throw new InputFormatException(path, "contains a NUL character, which no file name can");
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputFormatException(path, "is not a valid path");
        }
    }

    /// <summary>fsync on the folder, so the rename itself is on disk (POSIX; a no-op where folders cannot be opened).</summary>
    private static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        // .NET opens no handle on a folder, so libc's open and fsync (the path as NUL-terminated UTF-8: no marshalling).
        int fd = Open(System.Text.Encoding.UTF8.GetBytes(folder + "\0"), 0 /* O_RDONLY */);
        if (fd < 0) return;
        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path); // no error when it is gone, as after a successful rename
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the file was written or the error was reported.
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
