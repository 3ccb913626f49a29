namespace Rosenpass.Cli.Config;

/// <summary>
/// Where a peer's key goes in WireGuard (upstream-facts §3.6): <c>wg set Device peer Peer preshared-key /dev/stdin
/// ExtraParams…</c>. Config keys <c>device</c>, <c>peer</c>, <c>extra_params</c>.
/// </summary>
public sealed record WireGuardConfig(string Device, string Peer, IReadOnlyList<string> ExtraParams);
