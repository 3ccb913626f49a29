using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance;

/// <summary>A static McEliece key pair (spec §2.4), in upstream's raw key-file format (upstream-facts §3.4).</summary>
public sealed class KeyPair : IDisposable
{
    private KeyPair(byte[] publicKey, Secret secretKey)
    {
        PublicKey = publicKey;
        SecretKey = secretKey;
    }

    public byte[] PublicKey { get; }

    public Secret SecretKey { get; }

    /// <summary>A fresh pair (about 0.6 s).</summary>
    public static KeyPair Generate()
    {
        var publicKey = new byte[McEliece460896.PublicKeyBytes];
        var secretKey = new Secret(McEliece460896.SecretKeyBytes);
        new McEliece460896(SystemRandom.Instance).GenerateKeyPair(publicKey, secretKey.Expose());
        return new KeyPair(publicKey, secretKey);
    }

    /// <summary>Reads a pair from raw key files; a wrong length is an <see cref="InputFormatException"/>.</summary>
    public static KeyPair Load(string publicKeyPath, string secretKeyPath)
    {
        byte[] publicKey = ReadPublicKey(publicKeyPath);
        byte[] secret = ReadExactly(secretKeyPath, McEliece460896.SecretKeyBytes, "a secret key");
        try
        {
            return new KeyPair(publicKey, Secret.CopyOf(secret));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
        }
    }

    public static byte[] ReadPublicKey(string path) => ReadExactly(path, McEliece460896.PublicKeyBytes, "a public key");

    /// <summary>Writes the public key, and the secret key with mode 0600.</summary>
    public void Save(string publicKeyPath, string secretKeyPath)
    {
        File.WriteAllBytes(publicKeyPath, PublicKey);
        SecretFile.Write(secretKeyPath, SecretKey.Expose());
    }

    private static byte[] ReadExactly(string path, int length, string what)
    {
        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            if (bytes.Length != length)
                throw new InputFormatException(path, $"{what} file must be exactly {length} bytes, found {bytes.Length}");
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException(path, $"cannot read {what}: {e.Message}");
        }
    }

    public void Dispose() => SecretKey.Dispose();
}
