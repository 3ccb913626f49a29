using System.Net;
using Rosenpass.Cli.Net;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Config;

/// <summary>
/// The token grammar of <c>rosenpass exchange</c> (upstream-facts §3.2):
/// <code>
/// OWN  := public-key PATH secret-key PATH [listen ADDR:PORT]... [verbose]      (private-key: old name)
/// PEER := peer public-key PATH [endpoint HOST:PORT] [preshared-key PATH] [outfile PATH]
///              [wireguard DEV PEER_B64 [EXTRA_WG_ARGS...]]
/// </code>
/// <c>peer</c> always starts a new peer, also among WireGuard's extra arguments; repeating a key word is an error.
/// </summary>
/// <remarks>
/// Upstream has a bug here (config.rs:644): <c>preshared-key</c> marks the <em>endpoint</em> as set, so
/// <c>endpoint X preshared-key Y</c> fails with "peer psk was already set". We track each key word on its own
/// and do not reproduce that. A peer given this way is always V02 with the default output key, as upstream.
/// </remarks>
public static class ExchangeArguments
{
    private const string Input = "exchange arguments";

    /// <param name="tokens">The arguments after <c>exchange</c>.</param>
    /// <param name="resolveListen">
    /// Turns a <c>listen</c> value into addresses; default <see cref="EndpointResolver.Resolve"/>, which asks DNS for a
    /// name. The command-line fuzz target passes one that takes literal addresses only, so no input waits on a resolver.
    /// </param>
    public static RosenpassConfig Parse(IReadOnlyList<string> tokens, Func<string, string, IReadOnlyList<IPEndPoint>>? resolveListen = null)
    {
        resolveListen ??= EndpointResolver.Resolve;
        var config = new RosenpassConfig();
        var seen = new HashSet<string>();
        PeerConfig? peer = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            string token = tokens[i];
            if (token == "peer")
            {
                if (peer is null && (config.PublicKey is null || config.SecretKey is null))
                    throw Error($"{(config.PublicKey is null ? "public-key" : "secret-key")} file must be set before the first peer");
                peer = StartPeer(config, seen);
                continue;
            }
            if (peer is null) i = ParseOwn(config, seen, tokens, i, resolveListen);
            else i = ParsePeer(peer, seen, tokens, i);
        }
        if (config.PublicKey is null) throw Error("public-key file must be set");
        if (config.SecretKey is null) throw Error("secret-key file must be set");
        int missing = config.Peers.FindIndex(p => p.PublicKey.Length == 0);
        if (missing >= 0) throw Error($"peer {missing} has no public-key");
        return config;
    }

    private static PeerConfig StartPeer(RosenpassConfig config, HashSet<string> seen)
    {
        var peer = new PeerConfig();
        config.Peers.Add(peer);
        seen.Clear();
        return peer;
    }

    /// <summary>One key word (and its value) of our own part; returns the index of the last token used.</summary>
    private static int ParseOwn(RosenpassConfig config, HashSet<string> seen, IReadOnlyList<string> tokens, int i,
        Func<string, string, IReadOnlyList<IPEndPoint>> resolveListen)
    {
        switch (tokens[i])
        {
            case "public-key":
                config.PublicKey = Once(seen, "public-key", Value(tokens, i));
                return i + 1;
            case "secret-key" or "private-key":
                config.SecretKey = Once(seen, "secret-key", Value(tokens, i));
                return i + 1;
            case "listen":
                // Upstream passes listen through to_socket_addrs: a name may give several addresses.
                string listen = Value(tokens, i);
                config.Listen.AddRange(resolveListen(listen, $"{Input}: listen {listen}"));
                return i + 1;
            case "verbose":
                config.Verbosity = Verbosity.Verbose;
                return i;
            default:
                throw Error($"unrecognised argument {tokens[i]}");
        }
    }

    private static int ParsePeer(PeerConfig peer, HashSet<string> seen, IReadOnlyList<string> tokens, int i)
    {
        switch (tokens[i])
        {
            case "public-key":
                peer.PublicKey = Once(seen, "public-key", Value(tokens, i));
                return i + 1;
            case "endpoint":
                peer.Endpoint = Once(seen, "endpoint", Value(tokens, i));
                return i + 1;
            case "preshared-key":
                peer.PreSharedKey = Once(seen, "preshared-key", Value(tokens, i));
                return i + 1;
            case "outfile":
                peer.KeyOut = Once(seen, "outfile", Value(tokens, i));
                return i + 1;
            case "wireguard":
                Once(seen, "wireguard", "");
                return ParseWireGuard(peer, tokens, i);
            default:
                throw Error($"unrecognised argument {tokens[i]}");
        }
    }

    /// <summary><c>wireguard DEV PEER EXTRA…</c>: the extra arguments run until the next <c>peer</c> or the end.</summary>
    private static int ParseWireGuard(PeerConfig peer, IReadOnlyList<string> tokens, int i)
    {
        string device = Value(tokens, i);
        string wgPeer = Value(tokens, i + 1);
        int end = i + 3;
        while (end < tokens.Count && tokens[end] != "peer") end++;
        peer.WireGuard = new WireGuardConfig(device, wgPeer, tokens.Skip(i + 3).Take(end - (i + 3)).ToArray());
        return end - 1;
    }

    private static string Value(IReadOnlyList<string> tokens, int keyIndex) =>
        keyIndex + 1 < tokens.Count && tokens[keyIndex + 1] != "peer"
            ? tokens[keyIndex + 1]
            : throw Error($"{tokens[keyIndex]} needs a value");

    private static string Once(HashSet<string> seen, string key, string value) =>
        seen.Add(key) ? value : throw Error($"{key} was already set");

    private static InputFormatException Error(string problem) => new(Input, problem);
}
