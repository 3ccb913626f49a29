using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>
/// Every rejection is typed (spec §10.6) and changes nothing: each case hands a bad datagram to a server
/// that is in the state where the genuine message would be accepted, then checks the kind and the state.
/// </summary>
public class RejectionTests
{
    private static void AssertRejected(Server server, byte[] datagram, RejectionKind kind)
    {
        string before = server.DescribeState();
        var outcome = server.HandleMessage(datagram);
        Assert.False(outcome.Accepted, $"expected {kind}, but it was accepted");
        Assert.Equal(kind, outcome.Rejection!.Kind);
        Assert.Null(outcome.Response);
        Assert.Empty(outcome.Events);
        Assert.Equal(before, server.DescribeState());
    }

    [Theory]
    [InlineData(new byte[0], RejectionKind.WrongLength)]
    [InlineData(new byte[] { 0x81 }, RejectionKind.WrongLength)]
    [InlineData(new byte[] { 0x85, 0, 0, 0 }, RejectionKind.UnknownMessageType)]
    [InlineData(new byte[] { 0x00 }, RejectionKind.UnknownMessageType)]
    [InlineData(new byte[] { 0xff, 1, 2 }, RejectionKind.UnknownMessageType)]
    public void Frames_that_are_no_message(byte[] datagram, RejectionKind kind)
    {
        using var pair = new ServerPair();
        AssertRejected(pair.B, datagram, kind);
    }

    [Fact]
    public void Truncated_extended_and_retyped_messages_of_every_type()
    {
        using var pair = new ServerPair();
        byte[] ih = pair.A.Initiate(pair.PeerB);
        var rh = pair.B.HandleMessage(ih).Response!;
        foreach (var message in new[] { ih, rh })
        {
            var receiver = message == ih ? pair.B : pair.A;
            AssertRejected(receiver, message[..^1], RejectionKind.WrongLength);
            AssertRejected(receiver, [.. message, 0], RejectionKind.WrongLength);
            // Another known type at this length is the wrong size for that type.
            AssertRejected(receiver, [(byte)MessageType.InitConf, .. message[1..]], RejectionKind.WrongLength);
            AssertRejected(receiver, [0x85, .. message[1..]], RejectionKind.UnknownMessageType);
        }
    }

    [Fact]
    public void InitHello_rejections()
    {
        using var pair = new ServerPair();
        byte[] ih = pair.A.Initiate(pair.PeerB);
        byte[] b = pair.B.PublicKey;
        AssertRejected(pair.B, Forge.Flip(ih, Forge.At(10)), RejectionKind.BadMac);
        AssertRejected(pair.B, Forge.Flip(ih, Envelope.MacOffset(ih.Length)), RejectionKind.BadMac);
        AssertRejected(pair.B, Forge.FlipAndRemac(ih, Forge.At(960), b), RejectionKind.BadAuthTag); // pidi_ct, IHR6
        AssertRejected(pair.B, Forge.FlipAndRemac(ih, Forge.At(1008), b), RejectionKind.BadAuthTag); // auth, IHR8
        AssertRejected(pair.B, Forge.FlipAndRemac(ih, Forge.At(100), b), RejectionKind.BadAuthTag); // epki changes ck
        AssertRejected(pair.A, ih, RejectionKind.BadMac); // sent to the wrong recipient
    }

    [Fact]
    public void RespHello_rejections()
    {
        using var pair = new ServerPair();
        byte[] ih = pair.A.Initiate(pair.PeerB);
        byte[] rh = pair.B.HandleMessage(ih).Response!;
        byte[] a = pair.A.PublicKey;
        AssertRejected(pair.A, Forge.Flip(rh, Forge.At(20)), RejectionKind.BadMac);
        AssertRejected(pair.A, Forge.FlipAndRemac(rh, Forge.At(4), a), RejectionKind.UnknownSession); // sidi
        AssertRejected(pair.A, Forge.FlipAndRemac(rh, Forge.At(0), a), RejectionKind.BadAuthTag);     // sidr
        AssertRejected(pair.A, Forge.FlipAndRemac(rh, Forge.At(932), a), RejectionKind.BadAuthTag);   // auth, RHI7
        AssertRejected(pair.A, Forge.FlipAndRemac(rh, Forge.At(1000), a), RejectionKind.BadAuthTag);  // biscuit, RHI6
        AssertRejected(pair.A, Forge.FlipAndRemac(rh, Forge.At(10), a), RejectionKind.BadAuthTag);    // ecti, RHI4
    }

    [Fact]
    public void InitConf_and_EmptyData_rejections()
    {
        using var pair = new ServerPair();
        byte[] ih = pair.A.Initiate(pair.PeerB);
        byte[] rh = pair.B.HandleMessage(ih).Response!;
        byte[] ic = pair.A.HandleMessage(rh).Response!;
        byte[] b = pair.B.PublicKey, a = pair.A.PublicKey;
        AssertRejected(pair.B, Forge.Flip(ic, Forge.At(30)), RejectionKind.BadMac);
        AssertRejected(pair.B, Forge.FlipAndRemac(ic, Forge.At(30), b), RejectionKind.BadBiscuit);
        AssertRejected(pair.B, Forge.FlipAndRemac(ic, Forge.At(0), b), RejectionKind.BadBiscuit);   // sidi is in the biscuit's AD
        AssertRejected(pair.B, Forge.FlipAndRemac(ic, Forge.At(124), b), RejectionKind.BadAuthTag); // auth, ICR4

        byte[] ed = pair.B.HandleMessage(ic).Response!;
        AssertRejected(pair.A, Forge.Flip(ed, Forge.At(5)), RejectionKind.BadMac);
        AssertRejected(pair.A, Forge.FlipAndRemac(ed, Forge.At(12), a), RejectionKind.BadAuthTag);
        AssertRejected(pair.A, Forge.FlipAndRemac(ed, Forge.At(4), a), RejectionKind.BadAuthTag); // counter is the nonce
        AssertRejected(pair.A, Forge.FlipAndRemac(ed, Forge.At(0), a), RejectionKind.UnknownSession);
    }

    [Fact]
    public void Under_load_only_InitHello_and_InitConf_are_processed()
    {
        using var pair = new ServerPair(loadAtB: FixedLoadPolicy.Always);
        byte[] ih = pair.A.Initiate(pair.PeerB);
        using var normal = new ServerPair();
        byte[] rh = normal.B.HandleMessage(normal.A.Initiate(normal.PeerB)).Response!;
        AssertRejected(pair.B, rh, RejectionKind.NotProcessedUnderLoad);
        Assert.True(pair.B.HandleMessage(ih).Accepted); // answered with a CookieReply
    }

    [Fact]
    public void CookieReply_for_no_handshake_is_rejected()
    {
        using var pair = new ServerPair(loadAtB: FixedLoadPolicy.Always);
        byte[] ih = pair.A.Initiate(pair.PeerB);
        byte[] reply = pair.B.HandleMessage(ih).Response!;
        Assert.Equal((byte)MessageType.CookieReply, reply[0]);
        AssertRejected(pair.B, reply, RejectionKind.NotProcessedUnderLoad); // b is under load
        using var idle = new ServerPair();
        AssertRejected(idle.B, reply, RejectionKind.UnknownSession); // no handshake or session with that sid
        AssertRejected(pair.A, Forge.Flip(reply, 30), RejectionKind.BadAuthTag);
        AssertRejected(pair.A, Forge.Flip(reply, 4), RejectionKind.UnknownSession);
    }
}
