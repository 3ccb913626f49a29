namespace Rosenpass.Conformance.Report;

/// <summary>One scenario's outcome, with the reason in one line (also for a pass: what was observed) and the spec sections it checks.</summary>
public sealed record ScenarioResult(string Scenario, Verdict Verdict, double Seconds, string Reason, string Spec = "");
