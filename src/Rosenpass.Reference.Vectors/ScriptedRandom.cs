using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// A randomness source that hands out recorded values in order, for replaying known-answer vectors. Each
/// draw must ask for exactly the length of the next value: a mismatch means the implementation draws in
/// another order than the recording, and is reported as such.
/// </summary>
public sealed class ScriptedRandom : IRandomSource
{
    private readonly Queue<(string Label, byte[] Value)> _values = new();

    /// <summary>Queues <paramref name="value"/>, named <paramref name="label"/> in error messages.</summary>
    public ScriptedRandom Then(string label, byte[] value)
    {
        _values.Enqueue((label, value));
        return this;
    }

    /// <summary>How many recorded values are still unused.</summary>
    public int Remaining => _values.Count;

    /// <summary>Drops every queued value.</summary>
    public void Clear() => _values.Clear();

    public void Fill(Span<byte> destination)
    {
        if (!_values.TryDequeue(out var next))
            throw new ScriptMismatchException($"a draw of {destination.Length} bytes, but no recorded value is left");
        if (next.Value.Length != destination.Length)
            throw new ScriptMismatchException($"a draw of {destination.Length} bytes, but the next recorded value '{next.Label}' has {next.Value.Length}");
        next.Value.CopyTo(destination);
    }
}

/// <summary>The implementation asked for randomness or a KEM operation that the recording does not have next.</summary>
public sealed class ScriptMismatchException(string message) : Exception(message);
