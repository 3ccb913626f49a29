using Rosenpass.Conformance.Report;

namespace Rosenpass.Conformance.Tests;

/// <summary>
/// The runner against our own <c>rosenpass</c>: a correct implementation passes every scenario of the default
/// run, each one PASS (the under-load cookie flow and simultaneous initiation included), and the same behind
/// tests/Rosenpass.FaultyIut, which plants a fault from outside it, fails exactly the scenario that checks for it.
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
        Assert.True(code == ConformanceTool.Passed, output.ToString());
        Assert.All(results, r => Assert.True(r.Verdict == Verdict.Pass, $"{r.Name}: {r.Verdict}: {r.Reason}"));
        Assert.Equal(ScenarioIds().Count(id => !id.StartsWith("rekey/", StringComparison.Ordinal) && !id.StartsWith("stale-key/", StringComparison.Ordinal)),
            results.Count(r => r.Name.EndsWith("/V03", StringComparison.Ordinal)));
        Assert.Contains(results, r => r.Name.EndsWith("/V02", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Name == "replay/init-conf/iut-responder/V03");
    }

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
            IutCommand = OwnRosenpass.FaultyIutCommand(),
            ReportPath = report,
            Version = Reference.Crypto.ProtocolVersion.V03,
            // The fault's scenario, and two where the IUT never answers an InitConf from its cache (the fault's trigger).
            Only = ["replay/init-conf/", "key-agreement/iut-initiator/", "replay/init-hello-after-session/"],
        };

        int code = await ConformanceTool.RunAsync(options, output);

        log.WriteLine(output.ToString());
        var results = JUnit.Read(report);
        Assert.True(code == ConformanceTool.Failed,
            $"the planted fault (tests/Rosenpass.FaultyIut) was not caught\n{output}");
        Assert.Equal(3, results.Count);
        var failed = Assert.Single(results, r => r.Verdict == Verdict.Fail);
        Assert.Equal("replay/init-conf/iut-responder/V03", failed.Name);
        Assert.Contains("more key event", failed.Reason, StringComparison.Ordinal);
        Assert.All(results.Where(r => r != failed), r => Assert.Equal(Verdict.Pass, r.Verdict));
    }
}
