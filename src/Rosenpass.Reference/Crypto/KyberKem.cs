using Rosenpass.Reference.Crypto.Kyber512;

namespace Rosenpass.Reference.Crypto;

/// <summary>EKEM of spec §2.5: round-3 Kyber512 behind the <see cref="IKem"/> interface.</summary>
public sealed class KyberKem(IRandomSource random) : IKem
{
    public int PublicKeyLength => Kyber512Kem.PublicKeyLength;
    public int SecretKeyLength => Kyber512Kem.SecretKeyLength;
    public int CiphertextLength => Kyber512Kem.CiphertextLength;
    public int SharedKeyLength => Kyber512Kem.SharedKeyLength;

    public void GenerateKeyPair(Span<byte> publicKey, Span<byte> secretKey) =>
        Kyber512Kem.GenerateKeyPair(publicKey, secretKey, random);

    public void Encapsulate(Span<byte> ciphertext, Span<byte> sharedKey, ReadOnlySpan<byte> publicKey) =>
        Kyber512Kem.Encapsulate(ciphertext, sharedKey, publicKey, random);

    public void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey) =>
        Kyber512Kem.Decapsulate(sharedKey, ciphertext, secretKey);
}
