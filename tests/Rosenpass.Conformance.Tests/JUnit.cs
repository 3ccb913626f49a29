using System.Xml.Linq;
using Rosenpass.Conformance.Report;

namespace Rosenpass.Conformance.Tests;

/// <summary>Reads a JUnit report back the way a CI system does: testcases and their failure/skipped elements.</summary>
public static class JUnit
{
    public sealed record Case(string Name, Verdict Verdict, string Reason);

    private const string NotApplicablePrefix = "not applicable: ";

    public static IReadOnlyList<Case> Read(string path)
    {
        var suite = XDocument.Load(path).Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").Select(c =>
        {
            var failure = c.Element("failure");
            var skipped = c.Element("skipped");
            string reason = (string?)failure?.Attribute("message") ?? (string?)skipped?.Attribute("message") ?? c.Element("system-out")?.Value ?? "";
            // JUnit has no "not applicable": our report writes it as skipped, with this prefix.
            bool notApplicable = skipped != null && reason.StartsWith(NotApplicablePrefix, StringComparison.Ordinal);
            if (notApplicable) reason = reason[NotApplicablePrefix.Length..];
            var verdict = failure != null ? Verdict.Fail : notApplicable ? Verdict.NotApplicable : skipped != null ? Verdict.Skip : Verdict.Pass;
            return new Case((string)c.Attribute("name")!, verdict, reason);
        }).ToList();
        Assert.Equal(cases.Count, (int)suite.Attribute("tests")!);
        Assert.Equal(cases.Count(c => c.Verdict == Verdict.Fail), (int)suite.Attribute("failures")!);
        Assert.Equal(cases.Count(c => c.Verdict is Verdict.Skip or Verdict.NotApplicable), (int)suite.Attribute("skipped")!);
        return cases;
    }
}
