using Rosenpass.Conformance.Report;

namespace Rosenpass.Conformance.Tests;

/// <summary>
/// Every scenario of the catalogue is caught by a planted fault of tests/Rosenpass.FaultyIut: run against our
/// rosenpass with that one fault, each scenario meant for it FAILs. (That the same rosenpass without a fault passes
/// them is <see cref="SelfTests"/>; that the relay with <c>--fault none</c> passes every one was run by hand,
/// docs/conformance.md.) Only the target
/// scenarios run, with a 10 s key timeout, so the failing runs stay short. This class has a collection of its own:
/// its runs mostly wait out timeouts, so they overlap with the other IUT tests instead of adding to them.
/// The long scenarios (minutes of real timers) are not run here: their fault was run by hand, see
/// <see cref="CheckedByHand"/> and docs/conformance.md, Self-tests.
/// </summary>
[Collection(Name)]
public sealed class PlantedFaultTests(ITestOutputHelper log)
{
    public const string Name = "Planted faults";

    /// <summary>
    /// Fault, the scenarios (id prefixes) it must fail, and scenarios it must still pass (showing the faulty IUT
    /// works otherwise, so the failure is the fault's).
    /// </summary>
    public static TheoryData<string, string[], string[]> FaultsAndTheirScenarios => new()
    {
        {
            "wrong-key",
            ["key-agreement/iut-responder", "key-agreement/iut-initiator", "retransmission/our-init-hello-lost/", "replay/init-hello-during-handshake/"],
            []
        },
        {
            "no-retransmission",
            ["retransmission/their-resp-hello-lost/", "retransmission/their-init-hello-lost/", "retransmission/our-resp-hello-lost/",
             "retransmission/our-empty-data-lost/"],
            []
        },
        { "no-cache", ["replay/init-conf/", "cache/their-empty-data-lost/"], [] },
        { "echo-malformed", ["malformed-datagrams/"], [] },
        { "key-per-init-hello", ["replay/init-hello-after-session/", "wrong-psk/"], [] },
        { "wrong-version", ["version-mismatch/iut-responder", "version-mismatch/iut-initiator"], [] },
        { "drop-cookie-reply", ["cookie/iut-initiator", "cookie/iut-responder"], [] },
        { "ipv4-only", ["ipv6-loopback/iut-responder", "ipv6-loopback/iut-initiator"], [] },
        { "first-peer-only", ["two-peers/"], [] },
        { "no-tie-break", ["simultaneous-initiation/"], ["key-agreement/iut-initiator"] },
    };

    /// <summary>The long scenarios and their fault, run by hand with <c>--long</c> (docs/conformance.md records the run).</summary>
    public static readonly (string Fault, string[] Scenarios)[] CheckedByHand =
    [
        ("keep-first-key", ["rekey/iut-initiator", "rekey/iut-responder", "stale-key/iut-responder"]),
    ];

    [Theory]
    [MemberData(nameof(FaultsAndTheirScenarios))]
    public async Task Each_fault_fails_every_scenario_meant_for_it(string fault, string[] scenarios, string[] controls)
    {
        using var folder = new TempFolder();
        string report = folder.File("report.xml");
        var output = new StringWriter();
        var options = new ConformanceOptions
        {
            IutCommand = OwnRosenpass.FaultyIutCommand(fault),
            ReportPath = report,
            Version = Reference.Crypto.ProtocolVersion.V03,
            Only = [.. scenarios, .. controls],
            KeyTimeout = TimeSpan.FromSeconds(10),
        };

        int code = await ConformanceTool.RunAsync(options, output);

        log.WriteLine(output.ToString());
        var results = JUnit.Read(report);
        Assert.Equal(scenarios.Length + controls.Length, results.Count);
        Assert.True(code == ConformanceTool.Failed, $"fault {fault} was not caught:\n{output}");
        foreach (var result in results)
        {
            bool control = controls.Any(c => result.Name.StartsWith(c, StringComparison.Ordinal));
            var expected = control ? Verdict.Pass : Verdict.Fail;
            Assert.True(result.Verdict == expected, $"fault {fault}: {result.Name} {result.Verdict}, expected {expected}: {result.Reason}");
        }
    }

    [Fact]
    public void Every_scenario_of_the_catalogue_is_meant_to_be_caught_by_a_fault()
    {
        var meant = FaultsAndTheirScenarios.Select(row => (string[])row[1]).Concat(CheckedByHand.Select(f => f.Scenarios)).SelectMany(s => s).ToList();
        var ids = Scenarios.ScenarioCatalog.Full(Reference.Crypto.ProtocolVersion.V03).Select(s => s.Id);
        Assert.All(ids, id => Assert.True(meant.Any(prefix => id.StartsWith(prefix.TrimEnd('/'), StringComparison.Ordinal)), $"no planted fault is meant for {id}"));
    }
}
