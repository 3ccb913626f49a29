namespace Rosenpass.Conformance.Report;

/// <summary>One scenario's outcome, with the reason in one line (also for a pass: what was observed).</summary>
public sealed record ScenarioResult(string Scenario, Verdict Verdict, double Seconds, string Reason);
