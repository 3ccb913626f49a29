using CsCheck;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;
using Rosenpass.Reference.Tests.Vectors;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>The wire format (spec §5): sizes, field offsets, round trips, and framing that never throws.</summary>
public class MessageFormatTests
{
    [Fact]
    public void Sizes_match_upstreams_messages()
    {
        Assert.Equal(InitHello.Length, UpstreamVector.Value(UpstreamVector.InitHello).Length);
        Assert.Equal(RespHello.Length, UpstreamVector.Value(UpstreamVector.RespHello).Length);
        Assert.Equal(InitConf.Length, UpstreamVector.Value(UpstreamVector.InitConf).Length);
        Assert.Equal(EmptyData.Length, UpstreamVector.Value(UpstreamVector.EmptyData).Length);
        Assert.Equal(InitHello.Length, CookieReply.Length); // no amplification
    }

    [Fact]
    public void Fields_sit_where_upstreams_bytes_put_them()
    {
        byte[] ih = UpstreamVector.Value(UpstreamVector.InitHello);
        var parsed = InitHello.Read(Envelope.Payload(ih));
        Assert.Equal(UpstreamVector.Value(14), parsed.Sidi);          // hs.core.sidi
        Assert.Equal(UpstreamVector.Value(UpstreamVector.Epki), parsed.Epki);
        Assert.Equal(UpstreamVector.Value(UpstreamVector.Ihi5Ciphertext), parsed.Sctr);
        Assert.Equal(UpstreamVector.Value(21), parsed.PidiCt);        // ih.pidi_ct
        Assert.Equal(UpstreamVector.Value(24), parsed.Auth);          // ih.auth

        var rh = RespHello.Read(Envelope.Payload(UpstreamVector.Value(UpstreamVector.RespHello)));
        Assert.Equal(UpstreamVector.Value(32), rh.Sidr);              // session_id
        Assert.Equal(UpstreamVector.Value(UpstreamVector.Rhr4Ciphertext), rh.Ecti);
        Assert.Equal(UpstreamVector.Value(UpstreamVector.Rhr5Ciphertext), rh.Scti);
        Assert.Equal(UpstreamVector.Value(43), rh.Biscuit);           // biscuit ciphertext
    }

    [Fact]
    public void Every_message_round_trips()
    {
        RoundTrip(InitHello.PayloadLength, p => { var m = InitHello.Read(p); var o = new byte[p.Length]; m.Write(o); return o; });
        RoundTrip(RespHello.PayloadLength, p => { var m = RespHello.Read(p); var o = new byte[p.Length]; m.Write(o); return o; });
        RoundTrip(InitConf.PayloadLength, p => { var m = InitConf.Read(p); var o = new byte[p.Length]; m.Write(o); return o; });
        RoundTrip(EmptyData.PayloadLength, p => { var m = EmptyData.Read(p); var o = new byte[p.Length]; m.Write(o); return o; });
        Gen.Byte.Array[CookieReply.Length].Sample(bytes =>
        {
            bytes[0] = (byte)MessageType.CookieReply;
            var m = CookieReply.Read(bytes);
            var o = new byte[CookieReply.Length];
            m.Write(o);
            Assert.Equal(bytes[4..CookieReply.PaddingOffset], o[4..CookieReply.PaddingOffset]);
        }, iter: 500);
    }

    private static void RoundTrip(int length, Func<byte[], byte[]> readThenWrite) =>
        Gen.Byte.Array[length].Sample(payload => Assert.Equal(payload, readThenWrite(payload)), iter: 500);

    [Fact]
    public void Framing_accepts_exactly_the_known_sizes_and_never_throws()
    {
        Gen.Byte.Array[0, 1300].Sample(datagram =>
        {
            var rejection = MessageParser.TryParse(datagram, out var message);
            bool known = datagram.Length > 0 && MessageParser.LengthOf((MessageType)datagram[0]) is var n && n != 0;
            if (rejection == null)
            {
                Assert.NotNull(message);
                Assert.Equal(MessageParser.LengthOf((MessageType)datagram[0]), datagram.Length);
            }
            else
            {
                Assert.Null(message);
                Assert.Equal(known ? RejectionKind.WrongLength : datagram.Length == 0 ? RejectionKind.WrongLength : RejectionKind.UnknownMessageType,
                    rejection.Kind);
            }
        }, iter: 10_000);
    }

    [Fact]
    public void EmptyData_counter_is_little_endian()
    {
        var m = EmptyData.Read(Envelope.Payload(UpstreamVector.Value(UpstreamVector.EmptyData)));
        Assert.Equal(0UL, m.Counter); // the responder's first transport nonce
        m.Ctr[0] = 1;
        m.Ctr[7] = 0;
        Assert.Equal(1UL, m.Counter);
    }
}
