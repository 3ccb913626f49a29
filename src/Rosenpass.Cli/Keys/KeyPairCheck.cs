using System.Security.Cryptography;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Cli.Keys;

/// <summary>
/// Whether a McEliece public key belongs to a secret key: a shared key encapsulated to the public key must come
/// back out of the secret key. McEliece rejects implicitly, so a mismatched pair yields an unrelated key, not an
/// error; a mismatch would otherwise only show as handshakes that never complete.
/// </summary>
public static class KeyPairCheck
{
    public static bool Matches(ReadOnlySpan<byte> publicKey, Secret secretKey)
    {
        var kem = new McEliece460896(SystemRandom.Instance);
        var ciphertext = new byte[kem.CiphertextLength];
        using var sent = new Secret(kem.SharedKeyLength);
        using var received = new Secret(kem.SharedKeyLength);
        kem.Encapsulate(ciphertext, sent.Expose(), publicKey);
        kem.Decapsulate(received.Expose(), ciphertext, secretKey.Expose());
        return CryptographicOperations.FixedTimeEquals(sent.Expose(), received.Expose());
    }
}
