using System.Buffers.Text;
using System.Security.Cryptography;
using Rosenpass.Cli.Keys;
using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Cli.Output;

/// <summary>
/// Writes an output key to its <c>key_out</c> file: base64, 44 characters, no newline, mode 0600 (upstream-facts
/// §3.5). A symlink is followed to its final target (<see cref="OutfileTarget"/>). A regular file (or none) is
/// replaced atomically (<see cref="AtomicFile"/>: temporary file in the same folder, fsync, rename, fsync of the
/// folder), so a reader sees the old key or the new one, never a partial file; upstream instead truncates and
/// rewrites in place. A FIFO or character device is written in place, as upstream does, so its reader gets the key.
/// Every failure is an <see cref="InputFormatException"/> naming the outfile, never the temporary file.
/// </summary>
public static class OutfileWriter
{
    public const int Base64Length = 44;

    public static void Write(string path, Secret key)
    {
        var text = new byte[Base64Length];
        try
        {
            Base64.EncodeToUtf8(key.Expose(), text, out _, out _);
            string target = OutfileTarget.Resolve(path);
            switch (OutfileTarget.KindOf(target))
            {
                case OutfileKind.Directory:
                    throw new InputFormatException(path, "cannot write the outfile: it is a directory");
                case OutfileKind.Special:
                    WriteInPlace(target, text);
                    break;
                default:
                    AtomicFile.Replace(target, text, SafeFile.OwnerOnly);
                    break;
            }
        }
        catch (InputFormatException e) when (e.Input != path)
        {
            throw new InputFormatException(path, $"cannot write the outfile: {e.Problem}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InputFormatException(path, $"cannot write the outfile: {e.Message}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    /// <summary>Like upstream's File::create on a FIFO or device: open for writing (blocks until a FIFO has a reader).</summary>
    private static void WriteInPlace(string target, byte[] text)
    {
        using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
        stream.Write(text);
        stream.Flush();
    }
}
