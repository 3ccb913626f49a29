using System.Buffers.Text;
using System.Security.Cryptography;
using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Cli.Keys;

/// <summary>
/// Upstream's key-file formats (upstream-facts §3.4): McEliece keys raw (public exactly 524160 bytes, secret
/// exactly 13608, secret written 0600); pre-shared keys base64 of 32 bytes in a file of at most 1000 bytes.
/// </summary>
public static class KeyFiles
{
    /// <summary>Upstream's limit on base64 secret files.</summary>
    public const int MaxPskFileBytes = 1000;

    public const int PskBytes = 32;

    public static byte[] ReadPublicKey(string path)
    {
        var key = new byte[McEliece460896.PublicKeyBytes];
        SafeFile.ReadExact(path, key, "a public key");
        return key;
    }

    public static Secret ReadSecretKey(string path)
    {
        var key = new Secret(McEliece460896.SecretKeyBytes);
        try
        {
            SafeFile.ReadExact(path, key.Expose(), "a secret key");
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A psk file: standard padded base64 of 32 bytes. One trailing newline (as <c>wg genpsk</c> writes) is
    /// accepted; anything else around the 44 characters is refused, as upstream's strict decoder does.
    /// </summary>
    public static Secret ReadPsk(string path)
    {
        byte[] text = SafeFile.ReadAll(path, MaxPskFileBytes);
        try
        {
            int length = text.Length;
            if (length > 0 && text[length - 1] == '\n') length--;
            if (length > 0 && text[length - 1] == '\r') length--;
            return DecodePsk(text.AsSpan(0, length)) ?? throw new InputFormatException(path,
                "a pre-shared key file must hold the base64 of 32 bytes (44 characters, e.g. from `wg genpsk`)");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    private static Secret? DecodePsk(ReadOnlySpan<byte> base64)
    {
        if (base64.Length != 44 || base64[43] != '=' || base64[42] == '=') return null;
        var psk = new Secret(PskBytes);
        var status = Base64.DecodeFromUtf8(base64, psk.Expose(), out _, out int written);
        // Strict like base64ct: the unused low bits of the last character must be zero (one encoding per key).
        if (status == System.Buffers.OperationStatus.Done && written == PskBytes && HasCanonicalTail(base64[42]))
            return psk;
        psk.Dispose();
        return null;
    }

    /// <summary>With 32 bytes, the 43rd character carries 2 padding bits; they must be zero.</summary>
    private static bool HasCanonicalTail(byte c)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int value = alphabet.IndexOf((char)c);
        return value >= 0 && (value & 3) == 0;
    }

    /// <summary>Writes a psk file as upstream does: base64, no newline, mode 0600.</summary>
    public static void WritePsk(string path, Secret psk)
    {
        var text = new byte[44];
        try
        {
            Base64.EncodeToUtf8(psk.Expose(), text, out _, out _);
            SafeFile.Write(path, text, SafeFile.OwnerOnly, replace: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    /// <summary>
    /// Generates a McEliece key pair and writes it: the public key world-readable, the secret key 0600.
    /// Refuses to overwrite existing files unless <paramref name="force"/> (upstream's <c>gen-keys</c>); with it, each
    /// file is replaced through a new file and a rename, never written into. One path for both keys is refused.
    /// </summary>
    public static void GenerateKeyPair(string publicKeyPath, string secretKeyPath, bool force)
    {
        if (AtomicFile.FullPath(publicKeyPath) == AtomicFile.FullPath(secretKeyPath))
            throw new InputFormatException(secretKeyPath, $"the public key and the secret key would be the same file ({publicKeyPath}); give two paths");
        foreach (var path in new[] { publicKeyPath, secretKeyPath })
        {
            if (!force && (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget != null))
                throw new InputFormatException(path, "already exists (use --force to overwrite)");
            if (Directory.Exists(path)) throw new InputFormatException(path, "is a directory, not a file");
        }
        var publicKey = new byte[McEliece460896.PublicKeyBytes];
        using var secretKey = new Secret(McEliece460896.SecretKeyBytes);
        new McEliece460896(SystemRandom.Instance).GenerateKeyPair(publicKey, secretKey.Expose());
        SafeFile.Write(secretKeyPath, secretKey.Expose(), SafeFile.OwnerOnly, replace: force);
        SafeFile.Write(publicKeyPath, publicKey, SafeFile.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead, replace: force);
    }
}
