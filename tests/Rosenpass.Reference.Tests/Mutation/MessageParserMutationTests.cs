using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;
using Rosenpass.Reference.Tests.Vectors;

namespace Rosenpass.Reference.Tests.Mutation;

/// <summary>
/// MessageParser.TryParse and the message layouts of spec §5 against upstream's recorded messages: each field
/// is where upstream put it, by comparing with the vector entries that recorded that field's value
/// (upstream-facts §4: 14 sidi, 16 epki, 19 sctr, 21 pidi_ct, 24 auth, 32 sidr, 35 ecti, 38 scti, 43 biscuit).
/// </summary>
public class MessageParserMutationTests
{
    private static T Parse<T>(int entry)
    {
        var rejection = MessageParser.TryParse(UpstreamVector.Value(entry), out var message);
        Assert.Null(rejection);
        return Assert.IsType<T>(message);
    }

    [Fact]
    public void InitHello_fields_are_the_recorded_values()
    {
        var m = Parse<InitHello>(UpstreamVector.InitHello);
        Assert.Equal(UpstreamVector.Value(14), m.Sidi);
        Assert.Equal(UpstreamVector.Value(UpstreamVector.Epki), m.Epki);
        Assert.Equal(UpstreamVector.Value(UpstreamVector.Ihi5Ciphertext), m.Sctr);
        Assert.Equal(UpstreamVector.Value(21), m.PidiCt);
        Assert.Equal(UpstreamVector.Value(24), m.Auth);
    }

    [Fact]
    public void RespHello_fields_are_the_recorded_values()
    {
        var m = Parse<RespHello>(UpstreamVector.RespHello);
        Assert.Equal(UpstreamVector.Value(32), m.Sidr);
        Assert.Equal(UpstreamVector.Value(14), m.Sidi);
        Assert.Equal(UpstreamVector.Value(UpstreamVector.Rhr4Ciphertext), m.Ecti);
        Assert.Equal(UpstreamVector.Value(UpstreamVector.Rhr5Ciphertext), m.Scti);
        Assert.Equal(UpstreamVector.Value(43), m.Biscuit);
    }

    [Fact]
    public void InitConf_and_EmptyData_fields_are_the_recorded_values()
    {
        var ic = Parse<InitConf>(UpstreamVector.InitConf);
        Assert.Equal(UpstreamVector.Value(14), ic.Sidi);
        Assert.Equal(UpstreamVector.Value(32), ic.Sidr);
        var ed = Parse<EmptyData>(UpstreamVector.EmptyData);
        Assert.Equal(UpstreamVector.Value(14), ed.Sid); // addressed to the recipient: the initiator's sidi
        Assert.Equal(0UL, ed.Counter); // the first data message of a session
    }

    [Fact]
    public void A_CookieReply_frame_parses_sid_and_encrypted_cookie_and_ignores_padding()
    {
        var frame = new byte[CookieReply.Length];
        frame[0] = (byte)MessageType.CookieReply;
        for (int i = 4; i < frame.Length; i++) frame[i] = (byte)i;
        var m = Assert.IsType<CookieReply>(Parsed(frame));
        Assert.Equal(frame[4..8], m.Sid);
        Assert.Equal(frame[8..(8 + CookieReply.EncryptedCookieLength)], m.CookieEncrypted);
        Assert.Equal(64, CookieReply.PaddingOffset);
    }

    private static object Parsed(byte[] datagram)
    {
        Assert.Null(MessageParser.TryParse(datagram, out var message));
        return message!;
    }

    [Theory]
    [InlineData(MessageType.InitHello, 1060)]
    [InlineData(MessageType.RespHello, 1100)]
    [InlineData(MessageType.InitConf, 176)]
    [InlineData(MessageType.EmptyData, 64)]
    [InlineData(MessageType.CookieReply, 1060)]
    [InlineData((MessageType)0x85, 0)]
    public void Each_type_has_the_size_of_spec_5(MessageType type, int length) =>
        Assert.Equal(length, MessageParser.LengthOf(type));

    [Theory]
    [InlineData(new byte[0], RejectionKind.WrongLength)]
    [InlineData(new byte[] { 0x84 }, RejectionKind.WrongLength)]
    [InlineData(new byte[] { 0x85 }, RejectionKind.UnknownMessageType)]
    [InlineData(new byte[] { 0x80 }, RejectionKind.UnknownMessageType)]
    public void A_bad_frame_gives_its_rejection_and_no_message(byte[] datagram, RejectionKind kind)
    {
        var rejection = MessageParser.TryParse(datagram, out var message);
        Assert.Equal(kind, rejection?.Kind);
        Assert.Null(message);
    }

    [Fact]
    public void One_byte_more_or_less_than_the_size_is_rejected_for_every_type()
    {
        foreach (int entry in new[] { UpstreamVector.InitHello, UpstreamVector.RespHello, UpstreamVector.InitConf, UpstreamVector.EmptyData })
        {
            byte[] message = UpstreamVector.Value(entry);
            Assert.Equal(RejectionKind.WrongLength, MessageParser.TryParse(message[..^1], out _)?.Kind);
            Assert.Equal(RejectionKind.WrongLength, MessageParser.TryParse([.. message, 0], out _)?.Kind);
            Assert.Null(MessageParser.CheckFrame(message, out var type));
            Assert.Equal((MessageType)message[0], type);
        }
    }
}
