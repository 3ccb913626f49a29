using Rosenpass.Reference;

namespace Rosenpass.Cli.Keys;

/// <summary>
/// File reads and writes whose every failure (missing, a directory, no permission, too long) is an
/// <see cref="InputFormatException"/> naming the path, never a raw IO exception.
/// </summary>
public static class SafeFile
{
    /// <summary>Configuration files larger than this are refused (upstream has no limit; 1 MiB is plenty).</summary>
    public const int MaxConfigBytes = 1 << 20;

    /// <summary>Owner read and write only: the mode of secret keys and outfiles.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The whole file, refusing more than <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadAll(string path, int maxBytes)
    {
        try
        {
            using var stream = OpenRead(path);
            if (stream.Length > maxBytes) throw new InputFormatException(path, $"file too long ({stream.Length} bytes, at most {maxBytes})");
            var buffer = new byte[stream.Length];
            stream.ReadExactly(buffer);
            return buffer;
        }
        catch (Exception e) when (Translate(path, e) is { } error)
        {
            throw error;
        }
    }

    /// <summary>Fills <paramref name="destination"/> from a file that must be exactly that long.</summary>
    public static void ReadExact(string path, Span<byte> destination, string what)
    {
        try
        {
            using var stream = OpenRead(path);
            if (stream.Length != destination.Length)
                throw new InputFormatException(path, $"{what} file must be exactly {destination.Length} bytes, this one has {stream.Length}");
            stream.ReadExactly(destination);
        }
        catch (Exception e) when (Translate(path, e) is { } error)
        {
            throw error;
        }
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/> with <paramref name="mode"/>. Without
    /// <paramref name="replace"/> the file must not exist yet (not even as a symlink: it is created exclusively).
    /// With it, the bytes go to a new file beside it that is then renamed over the name (<see cref="AtomicFile"/>):
    /// a secret is never written into an existing file, whose older, wider mode a reader may hold open, and a
    /// symlink at <paramref name="path"/> is replaced itself, never followed.
    /// </summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes, UnixFileMode mode, bool replace = false)
    {
        if (replace)
        {
            AtomicFile.Replace(path, bytes, mode);
            return;
        }
        try
        {
            using var stream = AtomicFile.CreateNew(path, mode);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InputFormatException(path, File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget != null
                ? "already exists (use --force to overwrite)"
                : $"cannot write: {e.Message}");
        }
    }

    private static FileStream OpenRead(string path)
    {
        if (Directory.Exists(path)) throw new InputFormatException(path, "is a directory, not a file");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    /// <summary>Our typed error for an IO failure; null for errors that are already ours (they pass unchanged).</summary>
    private static InputFormatException? Translate(string path, Exception e) => e switch
    {
        FileNotFoundException => new InputFormatException(path, "no such file"),
        DirectoryNotFoundException => new InputFormatException(path, "no such file (its folder does not exist)"),
        UnauthorizedAccessException => new InputFormatException(path, "permission denied"),
        EndOfStreamException => new InputFormatException(path, "file changed while being read"),
        IOException => new InputFormatException(path, $"cannot read: {e.Message}"),
        ArgumentException => new InputFormatException(path, "is not a valid path"),
        _ => null,
    };
}
