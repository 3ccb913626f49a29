using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance;

/// <summary>
/// What <see cref="ConformanceTool.RunAsync"/> tests. Exactly one of <see cref="IutCommand"/> (managed mode: the
/// runner starts and stops the IUT per scenario) and <see cref="Running"/> (an IUT that is already running) is set.
/// </summary>
public sealed record ConformanceOptions
{
    /// <summary>The command that starts the IUT, with <c>{config}</c> where the path of its TOML config goes.
    /// Run through <c>/bin/sh -c</c>, so environment prefixes and quoting work as in a shell.</summary>
    public string? IutCommand { get; init; }

    /// <summary>An IUT that is already running and configured with our public key.</summary>
    public RunningIut? Running { get; init; }

    /// <summary>The protocol version to test; null in managed mode means the whole suite in V03 plus key
    /// agreement in V02. In running mode null means V02, upstream's default when protocol_version is absent.</summary>
    public ProtocolVersion? Version { get; init; }

    /// <summary>Where to write the JUnit XML report; null for none.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Run only the scenarios whose name contains one of these strings; empty for all.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>How long to wait for a key before a scenario fails; waits end as soon as their condition holds.</summary>
    public TimeSpan KeyTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Where to write the JSON report; null for none.</summary>
    public string? JsonReportPath { get; init; }

    /// <summary>Also run the long scenarios (rekey at 120/130 s, stale key at 180 s; about 7 minutes).</summary>
    public bool Long { get; init; }

    /// <summary>How the cookie-as-responder scenario puts the IUT under load; None marks it not applicable.</summary>
    public Scenarios.UnderLoadMode UnderLoad { get; init; } = Scenarios.UnderLoadMode.Flood;
}
