namespace Rosenpass.Conformance.Report;

/// <summary>How one scenario ended.</summary>
public enum Verdict
{
    Pass,
    Fail,
    Skip,
}
