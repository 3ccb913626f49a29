namespace Rosenpass.Reference.Teaching;

/// <summary>A static Classic McEliece 460896 key pair (spec §2.4), for the teaching tools.</summary>
public sealed record KeyPair(byte[] PublicKey, byte[] SecretKey)
{
    /// <summary>A fresh key pair from the system's randomness (Classic McEliece key generation: 0.6 s or more).</summary>
    public static KeyPair Generate()
    {
        var kem = new Crypto.McEliece460896(Crypto.SystemRandom.Instance);
        var pair = new KeyPair(new byte[kem.PublicKeyLength], new byte[kem.SecretKeyLength]);
        kem.GenerateKeyPair(pair.PublicKey, pair.SecretKey);
        return pair;
    }
}
