namespace Rosenpass.Reference.Crypto;

/// <summary>
/// A key-encapsulation mechanism with liboqs's calling convention (spec §2.4, §2.5):
/// keypair(pk, sk), encaps(ct, shk, pk), decaps(shk, ct, sk).
/// The protocol reaches both of its KEMs through this interface, so that known-answer vectors can
/// replay recorded key pairs and encapsulations.
/// </summary>
public interface IKem
{
    int PublicKeyLength { get; }
    int SecretKeyLength { get; }
    int CiphertextLength { get; }
    int SharedKeyLength { get; }

    /// <summary>Fills <paramref name="publicKey"/> and <paramref name="secretKey"/> with a fresh key pair.</summary>
    void GenerateKeyPair(Span<byte> publicKey, Span<byte> secretKey);

    /// <summary>Encapsulates a fresh shared key to <paramref name="publicKey"/>.</summary>
    void Encapsulate(Span<byte> ciphertext, Span<byte> sharedKey, ReadOnlySpan<byte> publicKey);

    /// <summary>Recovers the shared key from <paramref name="ciphertext"/>. Both KEMs reject implicitly:
    /// a bad ciphertext yields an unrelated key, never an error.</summary>
    void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey);
}
