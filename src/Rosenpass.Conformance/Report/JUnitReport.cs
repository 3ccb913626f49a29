using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Rosenpass.Conformance.Report;

/// <summary>
/// The results as JUnit XML, the format CI systems read: one testsuite, one testcase per scenario, with a
/// <c>failure</c> or <c>skipped</c> element carrying the reason.
/// </summary>
public static class JUnitReport
{
    public const string SuiteName = "rosenpass-conformance";

    public static XDocument Build(IReadOnlyList<ScenarioResult> results)
    {
        var suite = new XElement("testsuite",
            new XAttribute("name", SuiteName),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => r.Verdict == Verdict.Fail)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", results.Count(r => r.Verdict is Verdict.Skip or Verdict.NotApplicable)),
            new XAttribute("time", Seconds(results.Sum(r => r.Seconds))));
        foreach (var result in results) suite.Add(TestCase(result));
        return new XDocument(new XElement("testsuites", suite));
    }

    /// <summary>Writes the report as UTF-8 without a byte-order mark (some CI readers refuse one).</summary>
    public static void Write(IReadOnlyList<ScenarioResult> results, string path)
    {
        var settings = new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true };
        using var writer = XmlWriter.Create(path, settings);
        Build(results).Save(writer);
    }

    private static XElement TestCase(ScenarioResult result)
    {
        var testCase = new XElement("testcase",
            new XAttribute("classname", SuiteName),
            new XAttribute("name", XmlSafe(result.Scenario)),
            new XAttribute("time", Seconds(result.Seconds)));
        string reason = XmlSafe(result.Reason);
        if (result.Verdict == Verdict.Fail) testCase.Add(new XElement("failure", new XAttribute("message", reason), reason));
        else if (result.Verdict == Verdict.Skip) testCase.Add(new XElement("skipped", new XAttribute("message", reason)));
        // JUnit has no "not applicable": a skipped test case whose message says so.
        else if (result.Verdict == Verdict.NotApplicable) testCase.Add(new XElement("skipped", new XAttribute("message", "not applicable: " + reason)));
        else testCase.Add(new XElement("system-out", reason));
        return testCase;
    }

    /// <summary>A reason can quote the IUT's stderr, which may hold characters XML cannot carry (terminal colours): '?' for those.</summary>
    private static string XmlSafe(string text) => string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '?'));

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
