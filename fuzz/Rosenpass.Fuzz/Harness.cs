using Rosenpass.Fuzz.Targets;

namespace Rosenpass.Fuzz;

/// <summary>Every fuzz target, and what they share: upstream's vector, read once per process.</summary>
public static class Harness
{
    private static readonly Lazy<UpstreamVector> VectorValue = new(UpstreamVector.Load);

    /// <summary>Upstream's recorded handshake.</summary>
    public static UpstreamVector Vector => VectorValue.Value;

    public static IReadOnlyList<FuzzTarget> Targets { get; } =
    [
        MessageParserTarget.Target,
        EnvelopeTarget.Target,
        HandlerTarget.Raw,
        HandlerTarget.Sealed,
        AssertTvTarget.Target,
    ];

    public static FuzzTarget? Find(string name) => Targets.FirstOrDefault(t => t.Name == name);
}
