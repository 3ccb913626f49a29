using Rosenpass.Reference.Protocol.Messages;
using Rosenpass.Reference.Tests.Vectors;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>
/// MessageParser.TryParse's dispatch (beside Protocol/MessageFormatTests.cs, which reads payloads directly): each
/// recorded message comes back as its own type, read from the right part of the datagram. Session ids are compared
/// with the vector entries that recorded them (upstream-facts §4: 14 sidi, 32 sidr).
/// </summary>
public class MessageParserTests
{
    private static T Parse<T>(byte[] datagram)
    {
        Assert.Null(MessageParser.TryParse(datagram, out var message));
        return Assert.IsType<T>(message);
    }

    [Fact]
    public void Each_recorded_message_parses_as_its_own_type_from_its_payload()
    {
        Assert.Equal(UpstreamVector.Value(14), Parse<InitHello>(UpstreamVector.Value(UpstreamVector.InitHello)).Sidi);
        Assert.Equal(UpstreamVector.Value(32), Parse<RespHello>(UpstreamVector.Value(UpstreamVector.RespHello)).Sidr);
        var ic = Parse<InitConf>(UpstreamVector.Value(UpstreamVector.InitConf));
        Assert.Equal(UpstreamVector.Value(14), ic.Sidi);
        Assert.Equal(UpstreamVector.Value(32), ic.Sidr);
        // EmptyData is addressed to the initiator: its sid is the initiator's sidi.
        Assert.Equal(UpstreamVector.Value(14), Parse<EmptyData>(UpstreamVector.Value(UpstreamVector.EmptyData)).Sid);
    }

    [Fact]
    public void A_CookieReply_is_read_from_the_whole_datagram_and_its_padding_is_ignored()
    {
        var frame = new byte[CookieReply.Length];
        frame[0] = (byte)MessageType.CookieReply;
        for (int i = 4; i < frame.Length; i++) frame[i] = (byte)i;
        var m = Parse<CookieReply>(frame);
        Assert.Equal(frame[4..8], m.Sid);
        Assert.Equal(frame[8..(8 + CookieReply.EncryptedCookieLength)], m.CookieEncrypted);
    }
}
