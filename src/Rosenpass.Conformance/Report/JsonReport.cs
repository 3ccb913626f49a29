using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rosenpass.Conformance.Report;

/// <summary>
/// The results as JSON, beside the JUnit XML (docs/conformance.md, "Output"): the format, the summary counts and one
/// entry per scenario with its id, spec sections, verdict (pass, fail, skip, not-applicable), seconds and reason.
/// UTF-8 without a byte-order mark.
/// </summary>
public static class JsonReport
{
    public const string Format = "rosenpass-conformance-report/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The verdict as the JSON report writes it.</summary>
    public static string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "fail",
        Verdict.Skip => "skip",
        _ => "not-applicable",
    };

    public static string Build(IReadOnlyList<ScenarioResult> results)
    {
        var document = new Dictionary<string, object>
        {
            ["format"] = Format,
            ["summary"] = new Dictionary<string, int>
            {
                ["pass"] = results.Count(r => r.Verdict == Verdict.Pass),
                ["fail"] = results.Count(r => r.Verdict == Verdict.Fail),
                ["skip"] = results.Count(r => r.Verdict == Verdict.Skip),
                ["not-applicable"] = results.Count(r => r.Verdict == Verdict.NotApplicable),
            },
            ["scenarios"] = results.Select(r => new Dictionary<string, object>
            {
                ["id"] = r.Scenario,
                ["spec"] = r.Spec,
                ["verdict"] = VerdictName(r.Verdict),
                ["seconds"] = Math.Round(r.Seconds, 3),
                ["reason"] = r.Reason,
            }).ToList(),
        };
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    public static void Write(IReadOnlyList<ScenarioResult> results, string path) =>
        File.WriteAllText(path, Build(results), new System.Text.UTF8Encoding(false));
}
