using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>The cookie mechanism under load (spec §8.2-§8.5).</summary>
public class CookieTests
{
    private static readonly byte[] HostA = [.. Enumerable.Range(0, 30).Select(i => (byte)i)];
    private static readonly byte[] HostElsewhere = [.. Enumerable.Range(100, 30).Select(i => (byte)i)];

    [Fact]
    public void Under_load_an_InitHello_without_cookie_gets_a_CookieReply_and_the_handshake_then_completes()
    {
        using var pair = new ServerPair(loadAtB: FixedLoadPolicy.Always);
        byte[] ih = pair.A.Initiate(pair.PeerB);
        string stateB = pair.B.DescribeState();

        var first = pair.B.HandleMessage(ih, HostA);
        Assert.True(first.Accepted);
        Assert.Equal(CookieReply.Length, first.Response!.Length);
        Assert.Equal((byte)MessageType.CookieReply, first.Response[0]);
        Assert.Equal(ih[4..8], first.Response[4..8]); // sid = sidi

        // The initiator takes the cookie value and retransmits at once, with a valid cookie.
        var retransmit = pair.A.HandleMessage(first.Response);
        Assert.True(retransmit.Accepted);
        byte[] ih2 = retransmit.Response!;
        Assert.Equal(ih[..Envelope.CookieOffset(ih.Length)], ih2[..Envelope.CookieOffset(ih2.Length)]);
        Assert.NotEqual(ih[^16..], ih2[^16..]);

        var rh = pair.B.HandleMessage(ih2, HostA);
        Assert.Equal(RespHello.Length, rh.Response?.Length);
        var ic = ServerPair.Accept(pair.A, rh.Response!);
        var ed = pair.B.HandleMessage(ic.Response!, HostA); // InitConf is processed normally under load
        Assert.True(ed.Accepted);
        Assert.Equal(ServerPair.TakeKey(ic), ServerPair.TakeKey(ed));
        Assert.NotEqual(stateB, pair.B.DescribeState());
    }

    [Fact]
    public void A_cookie_is_bound_to_the_senders_address()
    {
        using var pair = new ServerPair(loadAtB: FixedLoadPolicy.Always);
        byte[] ih = pair.A.Initiate(pair.PeerB);
        byte[] withCookie = pair.A.HandleMessage(pair.B.HandleMessage(ih, HostA).Response!).Response!;
        var fromElsewhere = pair.B.HandleMessage(withCookie, HostElsewhere);
        Assert.Equal((byte)MessageType.CookieReply, fromElsewhere.Response![0]);
    }

    [Fact]
    public void A_CookieReply_only_works_for_the_InitHello_it_answers()
    {
        using var pair = new ServerPair(loadAtB: FixedLoadPolicy.Always);
        byte[] ih = pair.A.Initiate(pair.PeerB);
        byte[] reply = pair.B.HandleMessage(ih, HostA).Response!;
        pair.A.Initiate(pair.PeerB); // a new InitHello with another sidi and mac
        Assert.False(pair.A.HandleMessage(reply).Accepted);
    }

    [Fact]
    public void Cookie_secrets_expire_after_two_epochs()
    {
        using var pair = new ServerPair(loadAtB: FixedLoadPolicy.Always);
        byte[] ih = pair.A.Initiate(pair.PeerB);
        byte[] withCookie = pair.A.HandleMessage(pair.B.HandleMessage(ih, HostA).Response!).Response!;
        pair.Clock.Advance(2 * Timing.CookieSecretEpoch + 1);
        pair.B.Poll();
        Assert.Equal((byte)MessageType.CookieReply, pair.B.HandleMessage(withCookie, HostA).Response![0]);
    }

    [Fact]
    public void Not_under_load_the_cookie_field_is_ignored()
    {
        using var pair = new ServerPair();
        byte[] ih = pair.A.Initiate(pair.PeerB);
        var rh = pair.B.HandleMessage(Forge.Flip(ih, ih.Length - 1));
        Assert.Equal(RespHello.Length, rh.Response?.Length);
    }
}
