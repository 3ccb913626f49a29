using Rosenpass.Cli.Keys;
using Rosenpass.Cli.Net;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Config;

/// <summary>
/// Upstream's logical checks of a loaded configuration (upstream-facts §3.3, <c>validate()</c>): the key files
/// load with the right sizes, endpoints resolve, each peer's key goes somewhere, the OSK keys come in pairs.
/// </summary>
public static class ConfigValidator
{
    /// <summary>Every problem found, in config order; empty when the config passes.</summary>
    public static IReadOnlyList<InputFormatException> Problems(RosenpassConfig config)
    {
        var problems = new List<InputFormatException>();
        if (config.PublicKey is { } pk) Check(problems, () => KeyFiles.ReadPublicKey(pk));
        if (config.SecretKey is { } sk) Check(problems, () => KeyFiles.ReadSecretKey(sk).Dispose());
        for (int i = 0; i < config.Peers.Count; i++) CheckPeer(problems, config, i);
        return problems;
    }

    /// <summary>Throws the first problem, if any.</summary>
    public static void Ensure(RosenpassConfig config)
    {
        var problems = Problems(config);
        if (problems.Count > 0) throw problems[0];
    }

    private static void CheckPeer(List<InputFormatException> problems, RosenpassConfig config, int index)
    {
        var peer = config.Peers[index];
        string Field(string key) => $"{config.SourcePath ?? "arguments"}: peers[{index}].{key}";
        Check(problems, () => KeyFiles.ReadPublicKey(peer.PublicKey));
        if (peer.PreSharedKey is { } psk) Check(problems, () => KeyFiles.ReadPsk(psk).Dispose());
        if (peer.Endpoint is { } endpoint) Check(problems, () => EndpointResolver.Resolve(endpoint, Field("endpoint")));
        bool hasWireGuard = peer.WireGuard is { Device.Length: > 0, Peer.Length: > 0 };
        if (peer.KeyOut is null && !hasWireGuard)
            problems.Add(new InputFormatException(Field("key_out"), "the peer needs key_out, or device and peer, to put its key somewhere"));
        if ((peer.OskOrganization is null) != (peer.OskLabel is null))
            problems.Add(new InputFormatException(Field("osk_organization"), "osk_organization and osk_label must be set together"));
    }

    private static void Check(List<InputFormatException> problems, Action check)
    {
        try
        {
            check();
        }
        catch (InputFormatException e)
        {
            problems.Add(e);
        }
    }
}
