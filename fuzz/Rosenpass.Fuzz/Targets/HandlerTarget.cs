using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Fuzz.Targets;

/// <summary>
/// Server.HandleMessage, the whole handler, on servers with upstream's fixed keys (<see cref="HandshakeServers"/>).
/// Every input goes to each server. Handling must never throw (network input gets a typed Rejection, spec §10.6),
/// and a rejection carries no response and no events.
/// Two targets: "handler" feeds the bytes as they are (arbitrary bytes and mutations of the recorded messages;
/// nearly every mutation fails the mac), "handler-sealed" first writes a valid mac for the recipient, so that
/// mutated fields reach the handshake steps behind the mac check.
/// </summary>
public static class HandlerTarget
{
    public static FuzzTarget Raw { get; } = new("handler", "Server.HandleMessage: arbitrary bytes and mutated recorded messages",
        input => Run(input, reseal: false), Seeds.ValidMessages);

    public static FuzzTarget Sealed { get; } = new("handler-sealed", "Server.HandleMessage: mutated messages re-sealed with a valid mac",
        input => Run(input, reseal: true), Seeds.ValidMessages);

    private static readonly Lazy<HandshakeServers> Servers = new(() => new HandshakeServers(Harness.Vector));

    private static void Run(byte[] input, bool reseal)
    {
        var servers = Servers.Value;
        for (int i = 0; i < servers.Count; i++)
        {
            byte[] datagram = reseal ? Resealed(input, servers.RecipientPublicKey(i)) : input;
            var outcome = servers.Get(i).HandleMessage(datagram);
            DisposeKeys(outcome.Events);
            if (outcome.Accepted)
            {
                servers.Reset(i);
                continue;
            }
            if (outcome.Response != null || outcome.Events.Count != 0)
                throw new PropertyViolatedException($"{HandshakeServers.Names[i]}: a rejection ({outcome.Rejection}) came with a response or events");
        }
    }

    /// <summary>The input with its V03 mac rewritten for <paramref name="recipientPublicKey"/>, if it is a well-framed enveloped message.</summary>
    private static byte[] Resealed(byte[] input, byte[] recipientPublicKey)
    {
        if (MessageParser.CheckFrame(input, out var type) != null || type == MessageType.CookieReply) return input;
        var copy = (byte[])input.Clone();
        EnvelopeSeal.WriteMac(KeyedHash.For(ProtocolVersion.V03), MacKey(recipientPublicKey), copy);
        return copy;
    }

    private static readonly Dictionary<string, byte[]> MacKeys = [];

    private static byte[] MacKey(byte[] publicKey)
    {
        string id = Convert.ToHexString(publicKey, 0, 32);
        if (!MacKeys.TryGetValue(id, out var key)) MacKeys[id] = key = Labels.V03.Mac.Mix(publicKey).ToArray();
        return key;
    }

    /// <summary>Zeroes the keys that key events carry (the receiver owns them).</summary>
    public static void DisposeKeys(IEnumerable<ServerEvent> events)
    {
        foreach (var e in events)
        {
            if (e is KeyExchanged k) k.Key.Dispose();
            else if (e is KeyStale s) s.Key.Dispose();
        }
    }
}
