using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Benchmarks;

/// <summary>
/// Two servers that know each other, with upstream's recorded key pairs: a initiates, b only responds.
/// Each step throws if the server rejects, so a benchmark can never silently measure a rejection path.
/// </summary>
public sealed class HandshakePair : IDisposable
{
    /// <summary>A pair speaking <paramref name="version"/>; <paramref name="staticKem"/> null means real McEliece.</summary>
    public HandshakePair(ProtocolVersion version, IKem? staticKem = null)
    {
        byte[] psk = new byte[32];
        SystemRandom.Instance.Fill(psk);
        var options = new ServerOptions { StaticKem = staticKem };
        Initiator = new Server(FixedKeys.PeerAPublicKey, Secret.CopyOf(FixedKeys.PeerASecretKey), options);
        Responder = new Server(FixedKeys.PeerBPublicKey, Secret.CopyOf(FixedKeys.PeerBSecretKey), options);
        PeerB = Initiator.AddPeer(FixedKeys.PeerBPublicKey, Secret.CopyOf(psk), version);
        PeerA = Responder.AddPeer(FixedKeys.PeerAPublicKey, Secret.CopyOf(psk), version, initiates: false);
    }

    public Server Initiator { get; }
    public Server Responder { get; }

    /// <summary>b as the initiator knows it.</summary>
    public Peer PeerB { get; }

    /// <summary>a as the responder knows it.</summary>
    public Peer PeerA { get; }

    /// <summary>handle_initiation: the initiator's InitHello (spec §6.1).</summary>
    public byte[] Initiate() => Initiator.Initiate(PeerB);

    /// <summary>The responder answers InitHello with RespHello (spec §6.2).</summary>
    public byte[] HandleInitHello(byte[] initHello) => Accepted(Responder.HandleMessage(initHello));

    /// <summary>The initiator answers RespHello with InitConf (spec §6.3).</summary>
    public byte[] HandleRespHello(byte[] respHello) => Accepted(Initiator.HandleMessage(respHello));

    /// <summary>The responder answers InitConf with EmptyData (spec §6.4).</summary>
    public byte[] HandleInitConf(byte[] initConf) => Accepted(Responder.HandleMessage(initConf));

    private static byte[] Accepted(HandleOutcome outcome)
    {
        if (!outcome.Accepted || outcome.Response == null) throw new InvalidOperationException($"benchmark handshake failed: {outcome}");
        foreach (var e in outcome.Events)
        {
            if (e is KeyExchanged exchanged) exchanged.Key.Dispose();
        }
        return outcome.Response;
    }

    public void Dispose()
    {
        Initiator.Dispose();
        Responder.Dispose();
    }
}
