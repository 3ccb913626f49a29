using System.Net;

namespace Rosenpass.Cli.Config;

/// <summary>
/// The configuration of <c>rosenpass exchange-config</c> (upstream-facts §3.3), read from TOML by
/// <see cref="ConfigLoader"/> or built from <c>exchange</c>'s tokens by <see cref="ExchangeArguments"/>.
/// </summary>
public sealed class RosenpassConfig
{
    /// <summary>Our McEliece public key file; set together with <see cref="SecretKey"/> or not at all.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Our McEliece secret key file.</summary>
    public string? SecretKey { get; set; }

    /// <summary>UDP addresses to listen on; empty means one socket on [::]:0 (dual-stack).</summary>
    public List<IPEndPoint> Listen { get; } = [];

    public Verbosity Verbosity { get; set; } = Verbosity.Quiet;

    /// <summary>Our addition (spec §8.5.3): <c>dos_defence</c>; absent, as in every upstream config, means auto.</summary>
    public DosDefence DosDefence { get; set; } = DosDefence.Auto;

    public List<PeerConfig> Peers { get; } = [];

    /// <summary>The file this came from, for messages; null for a config built from arguments.</summary>
    public string? SourcePath { get; set; }
}
