using System.Diagnostics;
using Rosenpass.Conformance.Iut;
using Rosenpass.Conformance.Report;
using Rosenpass.Conformance.Scenarios;
using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance;

/// <summary>
/// The conformance runner: plays the peer against an implementation under test (IUT) on loopback, scenario by
/// scenario, and reports each as pass, fail, skip or not applicable with a reason (a table on <c>output</c>, JUnit XML
/// and JSON on request). Exit code 0 only if no scenario failed; 1 if one did; 2 if the run could not start.
/// </summary>
public static class ConformanceTool
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int SetupError = 2;

    /// <param name="options">what to test</param>
    /// <param name="output">progress lines and the table</param>
    /// <param name="cancel">stops the run (the running scenario's IUT is stopped)</param>
    /// <param name="errors">where a run that cannot start says why; <paramref name="output"/> if null</param>
    public static async Task<int> RunAsync(ConformanceOptions options, TextWriter output, CancellationToken cancel = default,
        TextWriter? errors = null)
    {
        errors ??= output;
        if ((options.IutCommand is null) == (options.Running is null))
        {
            await errors.WriteLineAsync("error: give either --iut-cmd or the running IUT's --iut-address, --iut-public-key and --iut-outfile").ConfigureAwait(false);
            return SetupError;
        }
        try
        {
            if (options.Running is { } running && RunningIutKeys.GenerateIfAbsent(running, VersionOf(options) ?? ProtocolVersion.V02, output))
                return SetupError;
            return await RunInFolderAsync(options, output, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InputFormatException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return SetupError;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await errors.WriteLineAsync("cancelled; the IUT of the running scenario was stopped").ConfigureAwait(false);
            return SetupError;
        }
    }

    /// <summary>The version to test: as given; else, for a running IUT, V02 (upstream's default); else null (both).</summary>
    private static ProtocolVersion? VersionOf(ConformanceOptions options) =>
        options.Version ?? (options.Running is null ? null : ProtocolVersion.V02);

    private static async Task<int> RunInFolderAsync(ConformanceOptions options, TextWriter output, CancellationToken cancel)
    {
        string runFolder = Directory.CreateTempSubdirectory("rosenpass-conformance-").FullName;
        try
        {
            var results = await RunScenariosAsync(options, output, runFolder, cancel).ConfigureAwait(false);
            await output.WriteAsync(ResultTable.Format(results)).ConfigureAwait(false);
            if (options.ReportPath is { } report) JUnitReport.Write(results, report);
            if (options.JsonReportPath is { } json) JsonReport.Write(results, json);
            return results.Any(r => r.Verdict == Verdict.Fail) ? Failed : Passed;
        }
        finally
        {
            Directory.Delete(runFolder, recursive: true);
        }
    }

    private static async Task<List<ScenarioResult>> RunScenariosAsync(ConformanceOptions options, TextWriter output, string runFolder,
        CancellationToken cancel)
    {
        using var keys = RunKeys.Create(options, runFolder);
        var context = new ScenarioContext(keys.Ours, keys.Psk, keys.Launcher, options.KeyTimeout, runFolder, keys.Second, options.UnderLoad);
        var scenarios = ScenarioCatalog.For(VersionOf(options), options.Long)
            .Where(s => options.Only.Count == 0 || options.Only.Any(o => s.Name.Contains(o, StringComparison.Ordinal)))
            .ToList();
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            var result = await RunOneAsync(scenario, context, cancel).ConfigureAwait(false);
            await output.WriteLineAsync($"{ResultTable.VerdictText(result.Verdict),-4} {result.Scenario}").ConfigureAwait(false);
            results.Add(result);
        }
        return results;
    }

    /// <summary>Runs one scenario; anything that goes wrong in it (the IUT not starting included) fails that scenario only.</summary>
    private static async Task<ScenarioResult> RunOneAsync(Scenario scenario, ScenarioContext context, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        Outcome outcome;
        try
        {
            outcome = await scenario.RunAsync(context, cancel).ConfigureAwait(false);
        }
        catch (IutStartException e)
        {
            outcome = Outcome.Fail(e.Message);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
        {
            outcome = Outcome.Fail($"{e.GetType().Name}: {e.Message}");
        }
        return new ScenarioResult(scenario.Name, outcome.Verdict, watch.Elapsed.TotalSeconds, outcome.Reason, scenario.Spec);
    }
}
