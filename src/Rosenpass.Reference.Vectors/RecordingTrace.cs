using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Vectors;

/// <summary>Keeps every traced value in order, for comparison with a vector; optionally passes each on to another trace.</summary>
public sealed class RecordingTrace(IProtocolTrace? forwardTo = null) : IProtocolTrace
{
    private readonly List<(string Step, string Name, byte[] Value)> _values = [];

    public IReadOnlyList<(string Step, string Name, byte[] Value)> Values => _values;

    public void Record(string step, string name, ReadOnlySpan<byte> value)
    {
        _values.Add((step, name, value.ToArray()));
        forwardTo?.Record(step, name, value);
    }

    /// <summary>The last value recorded under <paramref name="step"/> and <paramref name="name"/>.</summary>
    public byte[]? Find(string step, string name) =>
        _values.LastOrDefault(v => v.Step == step && v.Name == name).Value;
}
