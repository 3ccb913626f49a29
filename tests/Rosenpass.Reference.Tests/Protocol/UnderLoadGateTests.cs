using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>
/// The two under-load gates (spec §8.5.2): upstream's (the vectors' <see cref="FixedLoadPolicy"/>) drops RespHello,
/// EmptyData and CookieReply; the daemon's processes them. And the token bucket's place: after the cookie check, before
/// any decapsulation, changing nothing when it refuses (spec §8.5.4).
/// </summary>
public class UnderLoadGateTests
{
    private static readonly byte[] HostA = [.. Enumerable.Range(0, 30).Select(i => (byte)i)];

    /// <summary>Always under load, with the daemon's gate and a bucket that grants <see cref="Tokens"/> tokens.</summary>
    private sealed class DaemonGate(int tokens) : IUnderLoadPolicy
    {
        public int Tokens { get; private set; } = tokens;
        public List<byte[]> Asked { get; } = [];

        public bool IsUnderLoad(double now) => true;

        public bool DropsOtherTypesUnderLoad => false;

        public bool TryTakeToken(ReadOnlySpan<byte> hostId, double now)
        {
            Asked.Add(hostId.ToArray());
            if (Tokens == 0) return false;
            Tokens--;
            return true;
        }
    }

    [Fact]
    public void With_the_daemons_gate_an_initiator_under_load_completes_its_own_handshake()
    {
        using var pair = new ServerPair(loadAtA: new DaemonGate(tokens: 0));
        var run = pair.Handshake(); // a is under load all along: RespHello and EmptyData still go through
        Assert.Equal(run.KeyA, run.KeyB);
    }

    [Fact]
    public void With_upstreams_gate_an_initiator_under_load_drops_the_RespHello()
    {
        using var pair = new ServerPair(loadAtA: FixedLoadPolicy.Always);
        byte[] ih = pair.A.Initiate(pair.PeerB);
        var rh = ServerPair.Accept(pair.B, ih);
        var outcome = pair.A.HandleMessage(rh.Response!);
        Assert.Equal(RejectionKind.NotProcessedUnderLoad, outcome.Rejection?.Kind);
    }

    [Fact]
    public void A_cookie_bearing_InitHello_beyond_the_sources_tokens_is_rate_limited_and_changes_nothing()
    {
        var gate = new DaemonGate(tokens: 1);
        using var pair = new ServerPair(loadAtB: gate);
        byte[] ih = pair.A.Initiate(pair.PeerB);
        var reply = pair.B.HandleMessage(ih, HostA);
        Assert.Equal((byte)MessageType.CookieReply, reply.Response![0]);
        Assert.True(reply.Response.Length <= ih.Length, "a CookieReply must never be larger than the InitHello it answers");
        Assert.Empty(gate.Asked); // no valid cookie: the bucket is not asked, so a spoofed flood cannot drain it
        byte[] withCookie = pair.A.HandleMessage(reply.Response).Response!;

        Assert.Equal(RespHello.Length, pair.B.HandleMessage(withCookie, HostA).Response?.Length); // the one token
        string before = pair.B.DescribeState();
        var limited = pair.B.HandleMessage(withCookie, HostA);
        Assert.Equal(RejectionKind.RateLimited, limited.Rejection?.Kind);
        Assert.Null(limited.Response);
        Assert.Equal(before, pair.B.DescribeState());
        Assert.Equal([HostA, HostA], gate.Asked);
    }

    [Fact]
    public void A_bad_mac_never_reaches_the_bucket()
    {
        var gate = new DaemonGate(tokens: 5);
        using var pair = new ServerPair(loadAtB: gate);
        byte[] ih = pair.A.Initiate(pair.PeerB);
        var outcome = pair.B.HandleMessage(Forge.Flip(ih, 10), HostA);
        Assert.Equal(RejectionKind.BadMac, outcome.Rejection?.Kind);
        Assert.Empty(gate.Asked);
    }
}
