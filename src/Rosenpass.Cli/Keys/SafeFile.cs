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

    /// <summary>Creates or replaces <paramref name="path"/> with <paramref name="bytes"/>, created with <paramref name="mode"/>.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes, UnixFileMode mode)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = mode; // never a moment with wider permissions
            using var stream = new FileStream(path, options);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode); // also when the file existed before
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new InputFormatException(path, $"cannot write: {e.Message}");
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
