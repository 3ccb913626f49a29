namespace Rosenpass.Cli.Config;

/// <summary>
/// The config's <c>dos_defence</c> (spec §8.5.3), our addition to upstream's format: when the daemon counts as under
/// load, so that InitHellos need a cookie and are rate-limited per source.
/// </summary>
public enum DosDefence
{
    /// <summary>The default: under load by the measured rule of spec §8.5.3.</summary>
    Auto,
    /// <summary>Always under load: every InitHello needs a cookie.</summary>
    Always,
    /// <summary>Never under load: upstream's default build. Load is still measured and logged.</summary>
    Never,
}
