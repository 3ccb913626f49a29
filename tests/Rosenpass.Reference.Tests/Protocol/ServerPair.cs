using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Tests.Vectors;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>
/// Two servers, a (initiator) and b (responder), on one fake clock, each knowing the other. They use the
/// static key pairs of upstream's vector, so no test pays for McEliece key generation.
/// </summary>
public sealed class ServerPair : IDisposable
{
    public ManualClock Clock { get; } = new();
    public Server A { get; }
    /// <summary>a's static secret key, owned (and disposed) by <see cref="A"/>.</summary>
    public Secret SecretKeyA { get; }
    public Server B { get; }
    /// <summary>b as a's peer.</summary>
    public Peer PeerB { get; }
    /// <summary>a as b's peer.</summary>
    public Peer PeerA { get; }

    public ServerPair(ProtocolVersion versionAtA = ProtocolVersion.V03, ProtocolVersion versionAtB = ProtocolVersion.V03,
        byte[]? pskAtA = null, byte[]? pskAtB = null, IUnderLoadPolicy? loadAtB = null, bool bInitiates = true,
        OskDomainSeparator? oskAtA = null, OskDomainSeparator? oskAtB = null, IRandomSource? jitter = null,
        IUnderLoadPolicy? loadAtA = null)
    {
        jitter ??= SystemRandom.Instance;
        SecretKeyA = Secret.CopyOf(UpstreamVector.Value(UpstreamVector.PeerASecretKey));
        A = new Server(UpstreamVector.Value(UpstreamVector.PeerAPublicKey), SecretKeyA,
            new ServerOptions { Clock = Clock, Jitter = jitter, LoadPolicy = loadAtA ?? FixedLoadPolicy.Never });
        B = new Server(UpstreamVector.Value(UpstreamVector.PeerBPublicKey), Secret.CopyOf(UpstreamVector.Value(UpstreamVector.PeerBSecretKey)),
            new ServerOptions { Clock = Clock, Jitter = jitter, LoadPolicy = loadAtB ?? FixedLoadPolicy.Never });
        PeerB = A.AddPeer(B.PublicKey, pskAtA == null ? null : Secret.CopyOf(pskAtA), versionAtA, oskAtA);
        PeerA = B.AddPeer(A.PublicKey, pskAtB == null ? null : Secret.CopyOf(pskAtB), versionAtB, oskAtB, initiates: bInitiates);
    }

    /// <summary>The messages and keys of one complete handshake a → b.</summary>
    public sealed record Run(byte[] InitHello, byte[] RespHello, byte[] InitConf, byte[] EmptyData, byte[] KeyA, byte[] KeyB);

    /// <summary>Runs a full handshake, a initiating; every step must be accepted.</summary>
    public Run Handshake()
    {
        byte[] ih = A.Initiate(PeerB);
        var rh = Accept(B, ih);
        var ic = Accept(A, rh.Response!);
        var ed = Accept(B, ic.Response!);
        Accept(A, ed.Response!);
        return new Run(ih, rh.Response!, ic.Response!, ed.Response!, TakeKey(ic), TakeKey(ed));
    }

    /// <summary>Hands <paramref name="message"/> to <paramref name="server"/> and requires acceptance.</summary>
    public static HandleOutcome Accept(Server server, byte[] message)
    {
        var outcome = server.HandleMessage(message);
        Assert.True(outcome.Accepted, $"expected acceptance, got {outcome}");
        return outcome;
    }

    /// <summary>The single key an outcome exchanged, as bytes (the secret is disposed).</summary>
    public static byte[] TakeKey(HandleOutcome outcome)
    {
        var exchanged = Assert.Single(outcome.Events.OfType<KeyExchanged>());
        byte[] key = exchanged.Key.Expose().ToArray();
        exchanged.Key.Dispose();
        return key;
    }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
