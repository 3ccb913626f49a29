using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Fuzz.Targets;

/// <summary>
/// The servers of upstream's recorded handshake (V03, a initiates to b, keys and psk from the vector), each in
/// the state in which one recorded message is valid for it:
/// b, the responder (accepts the recorded InitHello); b after that InitHello (accepts the recorded InitConf: it
/// cycled the recorded biscuit key); a after Initiate (accepts the recorded RespHello); a after that RespHello
/// (accepts the recorded EmptyData).
/// A server that accepted a message has changed state and is built again before the next input.
/// </summary>
public sealed class HandshakeServers
{
    private readonly UpstreamVector _v;
    private readonly Server?[] _servers = new Server?[4];
    private readonly Func<Server>[] _builders;

    public HandshakeServers(UpstreamVector vector)
    {
        _v = vector;
        _builders =
        [
            () => BuildResponder(afterInitHello: false), () => BuildResponder(afterInitHello: true),
            () => BuildInitiator(afterRespHello: false), () => BuildInitiator(afterRespHello: true),
        ];
    }

    /// <summary>The three servers' names, for messages.</summary>
    public static readonly string[] Names =
        ["b (awaiting InitHello)", "b (awaiting InitConf)", "a (awaiting RespHello)", "a (awaiting EmptyData)"];

    public int Count => _servers.Length;

    /// <summary>Server <paramref name="i"/>, built on first use and after it accepted something.</summary>
    public Server Get(int i) => _servers[i] ??= _builders[i]();

    /// <summary>Drops server <paramref name="i"/>; the next <see cref="Get"/> builds it afresh.</summary>
    public void Reset(int i)
    {
        _servers[i]?.Dispose();
        _servers[i] = null;
    }

    /// <summary>The public key of the server a message for server <paramref name="i"/> is addressed to.</summary>
    public byte[] RecipientPublicKey(int i) => _v.Value(i < 2 ? UpstreamVector.PeerBPublicKey : UpstreamVector.PeerAPublicKey);

    private byte[] V(int index) => _v.Value(index);

    private Server BuildResponder(bool afterInitHello)
    {
        var random = new RecordedThenSeeded([V(9), V(10), V(11), V(12), V(32), V(41), V(42)], seed: 2);
        var server = new Server(V(3), Secret.CopyOf(V(2)), new ServerOptions
        {
            Random = random, Jitter = random, Clock = new ManualClock(),
            EphemeralKem = new RecordedThenRealKem(new KyberKem(random), null, (V(35), V(34))),
            StaticKem = new RecordedThenRealKem(new McEliece460896(random), null, (V(38), V(37))),
        });
        server.AddPeer(V(1), Secret.CopyOf(V(4)), ProtocolVersion.V03);
        if (afterInitHello) Expect(server, UpstreamVector.InitHello, "b");
        return server;
    }

    private Server BuildInitiator(bool afterRespHello)
    {
        var random = new RecordedThenSeeded([V(5), V(6), V(7), V(8), V(13), V(14)], seed: 1);
        var server = new Server(V(1), Secret.CopyOf(V(0)), new ServerOptions
        {
            Random = random, Jitter = random, Clock = new ManualClock(),
            EphemeralKem = new RecordedThenRealKem(new KyberKem(random), (V(16), V(15)), null),
            StaticKem = new RecordedThenRealKem(new McEliece460896(random), null, (V(19), V(18))),
        });
        var peerB = server.AddPeer(V(3), Secret.CopyOf(V(4)), ProtocolVersion.V03);
        server.Initiate(peerB);
        if (afterRespHello) Expect(server, UpstreamVector.RespHello, "a");
        return server;
    }

    /// <summary>Setup: <paramref name="server"/> must accept the recorded message <paramref name="entry"/>.</summary>
    private void Expect(Server server, int entry, string name)
    {
        var outcome = server.HandleMessage(V(entry));
        HandlerTarget.DisposeKeys(outcome.Events);
        if (!outcome.Accepted) throw new InvalidOperationException($"setup: {name} rejected upstream's entry {entry}: {outcome.Rejection}");
    }
}
