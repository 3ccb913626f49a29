using System.Globalization;
using System.Text;

namespace Rosenpass.Cli.Config;

/// <summary>
/// Writes a configuration as TOML that <see cref="ConfigLoader"/> reads back (for <c>exchange -c FILE</c>,
/// which saves the configuration given as arguments). Key order follows upstream's serializer.
/// </summary>
public static class ConfigWriter
{
    public static string ToToml(RosenpassConfig config)
    {
        var toml = new StringBuilder();
        if (config.PublicKey is { } pk) Line(toml, "public_key", Quote(pk));
        if (config.SecretKey is { } sk) Line(toml, "secret_key", Quote(sk));
        Line(toml, "listen", Array(config.Listen.Select(SocketAddressParser.Format)));
        Line(toml, "verbosity", Quote(config.Verbosity.ToString()));
        // Our addition (spec §8.5.3): written only when it is not the default, so the file stays upstream's format.
        if (config.DosDefence != DosDefence.Auto) Line(toml, "dos_defence", Quote(config.DosDefence.ToString().ToLowerInvariant()));
        if (config.Peers.Count == 0) Line(toml, "peers", "[]");
        foreach (var peer in config.Peers) WritePeer(toml, peer);
        return toml.ToString();
    }

    private static void WritePeer(StringBuilder toml, PeerConfig peer)
    {
        toml.Append("\n[[peers]]\n");
        Line(toml, "public_key", Quote(peer.PublicKey));
        if (peer.Endpoint is { } endpoint) Line(toml, "endpoint", Quote(endpoint));
        if (peer.PreSharedKey is { } psk) Line(toml, "pre_shared_key", Quote(psk));
        if (peer.KeyOut is { } keyOut) Line(toml, "key_out", Quote(keyOut));
        if (peer.WireGuard is { } wg)
        {
            Line(toml, "device", Quote(wg.Device));
            Line(toml, "peer", Quote(wg.Peer));
            Line(toml, "extra_params", Array(wg.ExtraParams));
        }
        Line(toml, "protocol_version", Quote(peer.ProtocolVersion.ToString()));
        if (peer.OskOrganization is { } organization) Line(toml, "osk_organization", Quote(organization));
        if (peer.OskLabel is { } labels) Line(toml, "osk_label", Array(labels));
    }

    private static void Line(StringBuilder toml, string key, string value) => toml.Append(key).Append(" = ").Append(value).Append('\n');

    private static string Array(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";

    /// <summary>A TOML basic string: quotes, backslashes and control characters escaped.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
