using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance;

/// <summary>Static McEliece key pairs (spec §2.4) in upstream's raw key-file format (upstream-facts §3.4).</summary>
public static class KeyPairFiles
{
    /// <summary>Reads a pair from raw key files; a wrong length is an <see cref="InputFormatException"/>.</summary>
    public static KeyPair Load(string publicKeyPath, string secretKeyPath)
    {
        byte[] publicKey = ReadPublicKey(publicKeyPath);
        byte[] secret = ReadExactly(secretKeyPath, McEliece460896.SecretKeyLength, "a secret key");
        try
        {
            return new KeyPair(publicKey, Secret.CopyOf(secret));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
        }
    }

    public static byte[] ReadPublicKey(string path) => ReadExactly(path, McEliece460896.PublicKeyLength, "a public key");

    /// <summary>Writes the public key, and the secret key with mode 0600.</summary>
    public static void Save(KeyPair pair, string publicKeyPath, string secretKeyPath)
    {
        File.WriteAllBytes(publicKeyPath, pair.PublicKey);
        SecretFile.Write(secretKeyPath, pair.SecretKey.Expose());
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
}
