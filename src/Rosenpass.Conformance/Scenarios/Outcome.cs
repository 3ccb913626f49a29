using Rosenpass.Conformance.Report;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>What a scenario concluded, with a one-line reason.</summary>
internal sealed record Outcome(Verdict Verdict, string Reason)
{
    public static Outcome Pass(string reason) => new(Verdict.Pass, reason);

    public static Outcome Fail(string reason) => new(Verdict.Fail, reason);

    public static Outcome Skip(string reason) => new(Verdict.Skip, reason);

    public static Outcome NotApplicable(string reason) => new(Verdict.NotApplicable, reason);
}
