namespace Rosenpass.Reference.Crypto;

/// <summary>
/// A static Classic McEliece 460896 key pair (spec §2.4): the public key, and the secret key in a <see cref="Secret"/>
/// that <see cref="Dispose"/> zeroes. The one key-pair type of the library and its tools.
/// </summary>
public sealed class KeyPair : IDisposable
{
    /// <summary>A pair from its two halves; the pair owns <paramref name="secretKey"/>.</summary>
    public KeyPair(byte[] publicKey, Secret secretKey)
    {
        if (publicKey.Length != McEliece460896.PublicKeyLength) throw new ArgumentException("public key must be 524160 bytes", nameof(publicKey));
        if (secretKey.Length != McEliece460896.SecretKeyLength) throw new ArgumentException("secret key must be 13608 bytes", nameof(secretKey));
        PublicKey = publicKey;
        SecretKey = secretKey;
    }

    public byte[] PublicKey { get; }

    public Secret SecretKey { get; }

    /// <summary>A fresh pair drawn from <paramref name="random"/> (Classic McEliece key generation: 0.6 s or more).</summary>
    public static KeyPair Generate(IRandomSource random)
    {
        var publicKey = new byte[McEliece460896.PublicKeyLength];
        var secretKey = new Secret(McEliece460896.SecretKeyLength);
        new McEliece460896(random).GenerateKeyPair(publicKey, secretKey.Expose());
        return new KeyPair(publicKey, secretKey);
    }

    /// <summary>Zeroes the secret key.</summary>
    public void Dispose() => SecretKey.Dispose();
}
