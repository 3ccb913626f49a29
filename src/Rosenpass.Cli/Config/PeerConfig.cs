using Rosenpass.Reference.Crypto;

namespace Rosenpass.Cli.Config;

/// <summary>One <c>[[peers]]</c> table (upstream-facts §3.3). Paths are as written, with <c>~</c> expanded.</summary>
public sealed class PeerConfig
{
    /// <summary>The peer's McEliece public key file (required).</summary>
    public string PublicKey { get; set; } = "";

    /// <summary><c>host:port</c>; null means we only answer this peer (responder only).</summary>
    public string? Endpoint { get; set; }

    /// <summary>A base64 file holding 32 bytes; null means no psk (zeros).</summary>
    public string? PreSharedKey { get; set; }

    /// <summary>The outfile for exchanged keys (upstream-facts §3.5).</summary>
    public string? KeyOut { get; set; }

    public WireGuardConfig? WireGuard { get; set; }

    /// <summary>V02 unless configured; both sides must agree (there is no negotiation).</summary>
    public ProtocolVersion ProtocolVersion { get; set; } = ProtocolVersion.V02;

    /// <summary>Custom output-key separator: organisation (together with <see cref="OskLabel"/>).</summary>
    public string? OskOrganization { get; set; }

    /// <summary>Custom output-key separator: labels below the organisation.</summary>
    public IReadOnlyList<string>? OskLabel { get; set; }
}
