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
                $"{results.Count(r => r.Verdict == Verdict.Pass)} passed, {results.Count(r => r.Verdict == Verdict.Fail)} failed, {results.Count(r => r.Verdict == Verdict.Skip)} skipped",
                lines[^1]);
        }, iter: 200);
    }
}
