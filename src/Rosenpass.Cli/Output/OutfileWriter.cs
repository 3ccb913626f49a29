using System.Buffers.Text;
using System.Security.Cryptography;
using Rosenpass.Cli.Keys;
using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Cli.Output;

/// <summary>
/// Writes an output key to its <c>key_out</c> file: base64, 44 characters, no newline, mode 0600
/// (upstream-facts §3.5). Unlike upstream, which truncates and rewrites in place, the key goes to a
/// temporary file in the same folder that is then renamed over the outfile: rename is atomic, so a reader
/// sees the old key or the new one, never a partial file.
/// </summary>
public static class OutfileWriter
{
    public const int Base64Length = 44;

    public static void Write(string path, Secret key)
    {
        var text = new byte[Base64Length];
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Base64.EncodeToUtf8(key.Expose(), text, out _, out _);
            SafeFile.Write(temporary, text, SafeFile.OwnerOnly);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException(path, $"cannot write the outfile: {e.Message}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the key is in the outfile or the error was reported.
        }
    }
}
