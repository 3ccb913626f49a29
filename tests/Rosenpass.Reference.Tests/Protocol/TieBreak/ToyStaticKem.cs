using System.Security.Cryptography;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Tests.Protocol.TieBreak;

/// <summary>
/// A stand-in for Classic McEliece with its sizes, for simulations that run thousands of handshakes: correct as a KEM
/// (decapsulation recovers the encapsulated key) and deliberately insecure (the public key carries the secret's first
/// 32 bytes). Only the protocol's control flow is under test where it is used; the real KEM is tested elsewhere.
/// </summary>
internal sealed class ToyStaticKem(IRandomSource random) : IKem
{
    public int PublicKeyLength => McEliece460896.PublicKeyBytes;
    public int SecretKeyLength => McEliece460896.SecretKeyBytes;
    public int CiphertextLength => McEliece460896.CiphertextBytes;
    public int SharedKeyLength => McEliece460896.SharedKeyBytes;

    public void GenerateKeyPair(Span<byte> publicKey, Span<byte> secretKey)
    {
        random.Fill(secretKey);
        random.Fill(publicKey);
        secretKey[..32].CopyTo(publicKey);
    }

    public void Encapsulate(Span<byte> ciphertext, Span<byte> sharedKey, ReadOnlySpan<byte> publicKey)
    {
        random.Fill(ciphertext);
        Derive(publicKey[..32], ciphertext, sharedKey);
    }

    public void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey) =>
        Derive(secretKey[..32], ciphertext, sharedKey);

    private static void Derive(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> ciphertext, Span<byte> sharedKey) =>
        SHA256.HashData([.. seed, .. ciphertext], sharedKey);
}

/// <summary>Deterministic randomness from a seed, so a failing simulation can be replayed (CsCheck prints the seed).</summary>
internal sealed class SeededRandom(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public void Fill(Span<byte> destination) => _random.NextBytes(destination);

    public double NextDouble() => _random.NextDouble();
}
