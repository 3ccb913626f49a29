namespace Rosenpass.Conformance.Report;

/// <summary>How one scenario ended. Every report names it explicitly, with a reason.</summary>
public enum Verdict
{
    /// <summary>The IUT behaved as the scenario requires.</summary>
    Pass,
    /// <summary>It did not: a conformance failure (exit code 1).</summary>
    Fail,
    /// <summary>The scenario could not run in this mode (e.g. the IUT is already running and cannot be made to initiate).</summary>
    Skip,
    /// <summary>The behaviour does not exist in this IUT by its own declaration (e.g. no under-load mode, spec §8.5).</summary>
    NotApplicable,
}
