using System.Runtime.InteropServices;
using Rosenpass.Cli.Keys;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Output;

/// <summary>What an outfile path leads to, after following symlinks (issue #17, spec-free: CLI behaviour).</summary>
public enum OutfileKind
{
    /// <summary>Nothing there yet: the key file will be created (its folder must exist).</summary>
    Missing,
    /// <summary>A regular file: replaced atomically.</summary>
    Regular,
    /// <summary>A FIFO, character or block device or socket: written in place, as upstream does.</summary>
    Special,
    /// <summary>A folder: no key can go there.</summary>
    Directory,
}

/// <summary>
/// Resolves an outfile path as the writer will use it: a symlink (or a chain of them) is followed to its final
/// target, which is then classified with stat(2). Paths that cannot name a file are our typed error.
/// </summary>
public static class OutfileTarget
{
    /// <summary>The absolute path the key will really be written to.</summary>
    public static string Resolve(string path)
    {
        string full = AtomicFile.FullPath(path);
        try
        {
            var info = new FileInfo(full);
            if (info.LinkTarget == null) return full;
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException(path, $"cannot follow the symlink: {e.Message}");
        }
    }

    /// <summary>What <paramref name="resolved"/> (from <see cref="Resolve"/>) is.</summary>
    public static OutfileKind KindOf(string resolved)
    {
        if (System.IO.Directory.Exists(resolved)) return OutfileKind.Directory;
        if (!File.Exists(resolved)) return OutfileKind.Missing;
        return IsSpecial(resolved) ? OutfileKind.Special : OutfileKind.Regular;
    }

    /// <summary>
    /// Why <paramref name="path"/> cannot receive keys, or null if it can: it must name a file, not a folder, in a
    /// folder that exists.
    /// </summary>
    public static string? Problem(string path)
    {
        string resolved;
        try
        {
            resolved = Resolve(path);
        }
        catch (InputFormatException e)
        {
            return e.Problem;
        }
        var kind = KindOf(resolved);
        if (kind == OutfileKind.Directory) return resolved == AtomicFile.FullPath(path) ? "is a directory, not a file" : $"leads to {resolved}, a directory";
        string folder = Path.GetDirectoryName(resolved) ?? "/";
        if (kind == OutfileKind.Missing && !System.IO.Directory.Exists(folder)) return $"its folder {folder} does not exist";
        return null;
    }

    /// <summary>
    /// Whether stat(2) says the file is not a regular one. .NET reports no file type beyond folder and link, so this
    /// reads st_mode from libc's struct stat where its layout is known (Linux x64 and arm64); elsewhere: regular.
    /// </summary>
    private static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux()) return false;
        int modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24, // st_dev, st_ino, st_nlink (8 bytes each), then st_mode
            Architecture.Arm64 => 16, // st_dev, st_ino (8 bytes each), then st_mode
            _ => -1,
        };
        if (modeOffset < 0) return false;
        var buffer = new byte[256]; // larger than struct stat on both
        if (Stat(System.Text.Encoding.UTF8.GetBytes(path + "\0"), buffer) != 0) return false;
        const uint typeMask = 0xF000; // S_IFMT
        const uint regular = 0x8000; // S_IFREG
        uint mode = BitConverter.ToUInt32(buffer, modeOffset);
        return (mode & typeMask) != regular;
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat(byte[] path, byte[] buffer);
}
