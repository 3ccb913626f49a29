using Rosenpass.Fuzz.Targets;

namespace Rosenpass.Fuzz;

/// <summary>Every fuzz target, and what they share: upstream's vector, read once per process.</summary>
public static class Harness
{
    private static string? _vectorPath;
    private static readonly Lazy<UpstreamVector> VectorValue = new(() => UpstreamVector.Load(_vectorPath ?? UpstreamVector.DefaultPath));

    /// <summary>Upstream's recorded handshake, read on first use.</summary>
    public static UpstreamVector Vector => VectorValue.Value;

    /// <summary>Names the vector file before first use (tests do; fuzz/run.sh sets ROSENPASS_VECTOR instead).</summary>
    public static void UseVector(string path) => _vectorPath ??= path;

    public static IReadOnlyList<FuzzTarget> Targets { get; } =
    [
        MessageParserTarget.Target,
        EnvelopeTarget.Target,
        HandlerTarget.Raw,
        HandlerTarget.Sealed,
        AssertTvTarget.Target,
        ConfigTarget.Target,
        KeyFilesTarget.Target,
        CommandLineTarget.Target,
    ];

    public static FuzzTarget? Find(string name) => Targets.FirstOrDefault(t => t.Name == name);
}
