using System.Security.Cryptography;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Benchmarks;

/// <summary>
/// A stand-in for Classic McEliece with its sizes and almost no cost, for measuring the protocol's own overhead
/// precisely (<see cref="OverheadBenchmarks"/>). NOT a KEM: the shared key is SHA-256 of the ciphertext, so anyone
/// can compute it. Benchmarks only.
/// </summary>
public sealed class CostlessStaticKem : IKem
{
    public int PublicKeyLength => McEliece460896.PublicKeyLength;
    public int SecretKeyLength => McEliece460896.SecretKeyLength;
    public int CiphertextLength => McEliece460896.CiphertextLength;
    public int SharedKeyLength => McEliece460896.SharedKeyLength;

    public void GenerateKeyPair(Span<byte> publicKey, Span<byte> secretKey) => throw new NotSupportedException("use fixed keys");

    public void Encapsulate(Span<byte> ciphertext, Span<byte> sharedKey, ReadOnlySpan<byte> publicKey)
    {
        RandomNumberGenerator.Fill(ciphertext);
        SHA256.HashData(ciphertext, sharedKey);
    }

    public void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey) =>
        SHA256.HashData(ciphertext, sharedKey);
}
