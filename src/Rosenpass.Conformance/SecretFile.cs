using System.Security.Cryptography;
using System.Text;
using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance;

/// <summary>Files holding secrets: created with mode 0600; pre-shared keys as base64 of 32 bytes (upstream-facts §3.4).</summary>
public static class SecretFile
{
    public const int PskBytes = 32;

    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        stream.Write(bytes);
    }

    public static void WritePsk(string path, Secret psk)
    {
        byte[] text = Encoding.ASCII.GetBytes(Convert.ToBase64String(psk.Expose()));
        try
        {
            Write(path, text);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    /// <summary>Reads a psk file (one trailing newline allowed); anything but base64 of 32 bytes is an <see cref="InputFormatException"/>.</summary>
    public static Secret ReadPsk(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).TrimEnd('\n', '\r');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException(path, $"cannot read the pre-shared key: {e.Message}");
        }
        var psk = new Secret(PskBytes);
        if (Convert.TryFromBase64String(text, psk.Expose(), out int written) && written == PskBytes) return psk;
        psk.Dispose();
        throw new InputFormatException(path, "a pre-shared key file must hold the base64 of 32 bytes");
    }
}
