using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Teaching;

/// <summary>
/// One complete handshake between two in-memory servers, a initiating to b, both reporting to one trace, so the
/// trace holds every value in the order it was computed.
/// </summary>
public static class TracedHandshake
{
    /// <summary>The exchanged output keys of a and b, or why the handshake stopped.</summary>
    public sealed record Result(byte[] KeyA, byte[] KeyB, string? Failure);

    /// <summary>Runs InitHello, RespHello, InitConf and EmptyData (spec §6.1-§6.5) under <paramref name="version"/>.</summary>
    public static Result Run(ProtocolVersion version, KeyPair a, KeyPair b, IProtocolTrace trace)
    {
        using var serverA = new Server(a.PublicKey, Secret.CopyOf(a.SecretKey), new ServerOptions { Trace = trace });
        using var serverB = new Server(b.PublicKey, Secret.CopyOf(b.SecretKey), new ServerOptions { Trace = trace });
        var peerB = serverA.AddPeer(b.PublicKey, version: version);
        serverB.AddPeer(a.PublicKey, version: version, initiates: false);

        byte[] keyA = [], keyB = [];
        byte[]? message = serverA.Initiate(peerB);
        foreach (var (server, expecting) in new[] { (serverB, "InitHello"), (serverA, "RespHello"), (serverB, "InitConf"), (serverA, "EmptyData") })
        {
            if (message == null) return new Result(keyA, keyB, $"no {expecting} was sent");
            var outcome = server.HandleMessage(message);
            if (!outcome.Accepted) return new Result(keyA, keyB, $"{expecting} rejected: {outcome.Rejection}");
            foreach (var exchanged in outcome.Events.OfType<KeyExchanged>())
            {
                if (server == serverA) keyA = exchanged.Key.Expose().ToArray();
                else keyB = exchanged.Key.Expose().ToArray();
                exchanged.Key.Dispose();
            }
            message = outcome.Response;
        }
        return new Result(keyA, keyB, null);
    }
}
