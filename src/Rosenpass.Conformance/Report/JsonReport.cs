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

    // Written with Utf8JsonWriter, not the reflection-based serializer, so the NativeAOT rosenpass writes the same bytes.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
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
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartObject("summary");
            foreach (var verdict in new[] { Verdict.Pass, Verdict.Fail, Verdict.Skip, Verdict.NotApplicable })
                json.WriteNumber(VerdictName(verdict), results.Count(r => r.Verdict == verdict));
            json.WriteEndObject();
            json.WriteStartArray("scenarios");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("id", r.Scenario);
                json.WriteString("spec", r.Spec);
                json.WriteString("verdict", VerdictName(r.Verdict));
                json.WriteNumber("seconds", Math.Round(r.Seconds, 3));
                json.WriteString("reason", r.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static void Write(IReadOnlyList<ScenarioResult> results, string path) =>
        File.WriteAllText(path, Build(results), new System.Text.UTF8Encoding(false));
}
