using Rosenpass.Reference.Crypto;

namespace Rosenpass.Fuzz;

/// <summary>
/// Randomness for a fuzzed server: upstream's recorded values while the server draws them in the recorded order
/// (so upstream's messages verify against it), then a fixed-seed generator, so that every run of the harness
/// behaves the same. Unlike ScriptedRandom it never throws: a fuzzed message may make the server draw out of order.
/// Not a cryptographic source; for fuzzing only.
/// </summary>
public sealed class RecordedThenSeeded(IEnumerable<byte[]> recorded, int seed) : IRandomSource
{
    private readonly Queue<byte[]> _recorded = new(recorded);
    private readonly Random _seeded = new(seed);

    public void Fill(Span<byte> destination)
    {
        if (_recorded.TryPeek(out var next) && next.Length == destination.Length)
        {
            _recorded.Dequeue().CopyTo(destination);
            return;
        }
        _recorded.Clear();
        _seeded.NextBytes(destination);
    }
}

/// <summary>
/// A KEM that returns upstream's recorded key pair / encapsulation once and then works for real;
/// decapsulation is always real.
/// </summary>
public sealed class RecordedThenRealKem(IKem real, (byte[] Pk, byte[] Sk)? keyPair, (byte[] Ct, byte[] Shk)? encapsulation) : IKem
{
    private (byte[] Pk, byte[] Sk)? _keyPair = keyPair;
    private (byte[] Ct, byte[] Shk)? _encapsulation = encapsulation;

    public int PublicKeyLength => real.PublicKeyLength;
    public int SecretKeyLength => real.SecretKeyLength;
    public int CiphertextLength => real.CiphertextLength;
    public int SharedKeyLength => real.SharedKeyLength;

    public void GenerateKeyPair(Span<byte> publicKey, Span<byte> secretKey)
    {
        if (_keyPair is not { } pair) { real.GenerateKeyPair(publicKey, secretKey); return; }
        _keyPair = null;
        pair.Pk.CopyTo(publicKey);
        pair.Sk.CopyTo(secretKey);
    }

    public void Encapsulate(Span<byte> ciphertext, Span<byte> sharedKey, ReadOnlySpan<byte> publicKey)
    {
        if (_encapsulation is not { } e) { real.Encapsulate(ciphertext, sharedKey, publicKey); return; }
        _encapsulation = null;
        e.Ct.CopyTo(ciphertext);
        e.Shk.CopyTo(sharedKey);
    }

    public void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey) =>
        real.Decapsulate(sharedKey, ciphertext, secretKey);
}
