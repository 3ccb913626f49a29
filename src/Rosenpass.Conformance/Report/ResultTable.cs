using System.Globalization;
using System.Text;

namespace Rosenpass.Conformance.Report;

/// <summary>The readable report: one row per scenario (scenario, result, seconds, reason) and a summary line.</summary>
public static class ResultTable
{
    public static string Format(IReadOnlyList<ScenarioResult> results)
    {
        string[] header = ["Scenario", "Result", "Seconds", "Reason"];
        var rows = results.Select(r => new[]
        {
            r.Scenario,
            VerdictText(r.Verdict),
            r.Seconds.ToString("0.0", CultureInfo.InvariantCulture),
            r.Reason,
        }).ToList();
        int[] widths = [.. Enumerable.Range(0, 3).Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max())];
        var text = new StringBuilder();
        AppendRow(text, header, widths);
        AppendRow(text, [.. widths.Select(w => new string('-', w)), "------"], widths);
        foreach (var row in rows) AppendRow(text, row, widths);
        text.AppendLine(Summary(results));
        return text.ToString();
    }

    public static string Summary(IReadOnlyList<ScenarioResult> results) =>
        $"{Count(results, Verdict.Pass)} passed, {Count(results, Verdict.Fail)} failed, {Count(results, Verdict.Skip)} skipped, "
        + $"{Count(results, Verdict.NotApplicable)} not applicable";

    /// <summary>The verdict as the table and the progress lines write it: PASS, FAIL, SKIP, N/A.</summary>
    public static string VerdictText(Verdict verdict) => verdict == Verdict.NotApplicable ? "N/A" : verdict.ToString().ToUpperInvariant();

    private static int Count(IReadOnlyList<ScenarioResult> results, Verdict verdict) => results.Count(r => r.Verdict == verdict);

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (int c = 0; c < widths.Length; c++) text.Append(cells[c].PadRight(widths[c])).Append("  ");
        text.AppendLine(cells[^1]);
    }
}
