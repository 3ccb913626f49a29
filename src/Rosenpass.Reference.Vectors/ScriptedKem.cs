using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// A KEM whose key generation and encapsulation return recorded values in order (a vector injects the
/// (shared key, ciphertext) of every encapsulation), while decapsulation is the real one: what a vector
/// checks is exactly what the other side computes.
/// </summary>
public sealed class ScriptedKem(IKem real) : IKem
{
    private readonly Queue<(byte[] PublicKey, byte[] SecretKey)> _keyPairs = new();
    private readonly Queue<(byte[] Ciphertext, byte[] SharedKey)> _encapsulations = new();

    /// <summary>How many queued key pairs and encapsulations are still unused.</summary>
    public int Remaining => _keyPairs.Count + _encapsulations.Count;

    /// <summary>Drops every queued value.</summary>
    public void Clear()
    {
        _keyPairs.Clear();
        _encapsulations.Clear();
    }

    public int PublicKeyLength => real.PublicKeyLength;
    public int SecretKeyLength => real.SecretKeyLength;
    public int CiphertextLength => real.CiphertextLength;
    public int SharedKeyLength => real.SharedKeyLength;

    /// <summary>Queues a key pair for the next <see cref="GenerateKeyPair"/>.</summary>
    public ScriptedKem ThenKeyPair(byte[] publicKey, byte[] secretKey)
    {
        _keyPairs.Enqueue((publicKey, secretKey));
        return this;
    }

    /// <summary>Queues the result of the next <see cref="Encapsulate"/>.</summary>
    public ScriptedKem ThenEncapsulation(byte[] ciphertext, byte[] sharedKey)
    {
        _encapsulations.Enqueue((ciphertext, sharedKey));
        return this;
    }

    public void GenerateKeyPair(Span<byte> publicKey, Span<byte> secretKey)
    {
        if (!_keyPairs.TryDequeue(out var pair)) throw new ScriptMismatchException("a key generation, but no recorded key pair is left");
        pair.PublicKey.CopyTo(publicKey);
        pair.SecretKey.CopyTo(secretKey);
    }

    public void Encapsulate(Span<byte> ciphertext, Span<byte> sharedKey, ReadOnlySpan<byte> publicKey)
    {
        if (!_encapsulations.TryDequeue(out var e)) throw new ScriptMismatchException("an encapsulation, but no recorded one is left");
        e.Ciphertext.CopyTo(ciphertext);
        e.SharedKey.CopyTo(sharedKey);
    }

    public void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey) =>
        real.Decapsulate(sharedKey, ciphertext, secretKey);
}
