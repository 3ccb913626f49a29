using CsCheck;
using Rosenpass.Conformance.Report;

namespace Rosenpass.Conformance.Tests;

/// <summary>The table and the JUnit XML say the same as the results they were made from.</summary>
public sealed class ReportTests
{
    private static readonly Gen<ScenarioResult> Result =
        Gen.Select(Gen.String[1, 30], Gen.Enum<Verdict>(), Gen.Double[0, 100], Gen.String.AlphaNumeric, Gen.OneOf(Gen.Const(""), Gen.Const("<&\"'>"), Gen.Const("a\tb")),
            (name, verdict, seconds, reason, special) => new ScenarioResult("s/" + name, verdict, seconds, reason + special));

    [Fact]
    public void JUnit_round_trips_every_result()
    {
        Result.List[0, 12].Sample(results =>
        {
            using var folder = new TempFolder();
            JUnitReport.Write(results, folder.File("r.xml"));
            var read = JUnit.Read(folder.File("r.xml"));
            Assert.Equal(results.Select(r => (r.Scenario, r.Verdict)), read.Select(c => (c.Name, c.Verdict)));
            Assert.Equal(results.Select(r => r.Reason), read.Select(c => c.Reason));
        }, iter: 200);
    }

    [Fact]
    public void Characters_XML_cannot_carry_become_question_marks()
    {
        using var folder = new TempFolder();
        JUnitReport.Write([new ScenarioResult("s", Verdict.Fail, 1, "stderr: \u001b[31merror\u001b[0m")], folder.File("r.xml"));
        Assert.Equal("stderr: ?[31merror?[0m", Assert.Single(JUnit.Read(folder.File("r.xml"))).Reason);
    }

    [Fact]
    public void The_table_has_one_row_per_result_and_a_true_summary()
    {
        Result.List[0, 12].Sample(results =>
        {
            var lines = ResultTable.Format(results).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(results.Count + 3, lines.Length);
            for (int i = 0; i < results.Count; i++) Assert.StartsWith(results[i].Scenario, lines[i + 2], StringComparison.Ordinal);
            Assert.Equal(
                $"{results.Count(r => r.Verdict == Verdict.Pass)} passed, {results.Count(r => r.Verdict == Verdict.Fail)} failed, {results.Count(r => r.Verdict == Verdict.Skip)} skipped, "
                + $"{results.Count(r => r.Verdict == Verdict.NotApplicable)} not applicable",
                lines[^1]);
            for (int i = 0; i < results.Count; i++)
                Assert.Contains($"  {ResultTable.VerdictText(results[i].Verdict)}  ", lines[i + 2], StringComparison.Ordinal);
        }, iter: 200);
    }

    [Fact]
    public void JSON_round_trips_every_result_with_its_verdict_and_true_counts()
    {
        Result.List[0, 12].Sample(results =>
        {
            using var document = System.Text.Json.JsonDocument.Parse(JsonReport.Build(results));
            var root = document.RootElement;
            Assert.Equal(JsonReport.Format, root.GetProperty("format").GetString());
            var scenarios = root.GetProperty("scenarios").EnumerateArray().ToList();
            Assert.Equal(results.Select(r => (r.Scenario, JsonReport.VerdictName(r.Verdict), r.Reason)),
                scenarios.Select(s => (s.GetProperty("id").GetString()!, s.GetProperty("verdict").GetString()!, s.GetProperty("reason").GetString()!)));
            foreach (var verdict in Enum.GetValues<Verdict>())
                Assert.Equal(results.Count(r => r.Verdict == verdict), root.GetProperty("summary").GetProperty(JsonReport.VerdictName(verdict)).GetInt32());
        }, iter: 200);
    }

    [Fact]
    public void Every_verdict_has_its_own_name_in_every_report()
    {
        var verdicts = Enum.GetValues<Verdict>();
        Assert.Equal(verdicts.Length, verdicts.Select(JsonReport.VerdictName).Distinct().Count());
        Assert.Equal(verdicts.Length, verdicts.Select(ResultTable.VerdictText).Distinct().Count());
    }

    [Fact]
    public void Both_report_files_are_UTF8_without_a_byte_order_mark()
    {
        using var folder = new TempFolder();
        ScenarioResult[] results = [new("s/ä", Verdict.NotApplicable, 1, "no under-load mode ü")];
        JUnitReport.Write(results, folder.File("r.xml"));
        JsonReport.Write(results, folder.File("r.json"));
        foreach (string file in new[] { "r.xml", "r.json" })
        {
            byte[] bytes = File.ReadAllBytes(folder.File(file));
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xef, 0xbb, 0xbf }), $"{file} starts with a byte-order mark");
            Assert.Contains("ü", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
        Assert.Equal(Verdict.NotApplicable, Assert.Single(JUnit.Read(folder.File("r.xml"))).Verdict);
    }
}
