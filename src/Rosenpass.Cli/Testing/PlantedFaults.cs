namespace Rosenpass.Cli.Testing;

/// <summary>
/// Faults that only tests switch on, through the environment variable <see cref="Variable"/>, so that the
/// conformance runner's self-tests (tests/Rosenpass.Conformance.Tests) can show it catches a faulty IUT.
/// Unset, as everywhere outside those tests, nothing changes.
/// </summary>
internal static class PlantedFaults
{
    public const string Variable = "ROSENPASS_TEST_PLANTED_FAULT";

    /// <summary>An InitConf answered from the responder's cache (spec §9.4) gives a second key event.</summary>
    public static bool ReplayedInitConfKey { get; } = Environment.GetEnvironmentVariable(Variable) == "replayed-initconf-key";
}
