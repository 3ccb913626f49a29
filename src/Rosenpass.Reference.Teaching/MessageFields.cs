using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Teaching;

/// <summary>One field of a message on the wire: its spec name, absolute offset and bytes (spec §5).</summary>
public sealed record MessageField(string Name, int Offset, byte[] Value);

/// <summary>
/// Splits a handshake message into the fields of spec §5.2-§5.5, using the message classes themselves, so the
/// offsets shown are those the code reads.
/// </summary>
public static class MessageFields
{
    /// <summary>The fields of <paramref name="message"/> (an InitHello, RespHello, InitConf or EmptyData), or null for another type.</summary>
    public static IReadOnlyList<MessageField>? Of(byte[] message)
    {
        if (MessageParser.CheckFrame(message, out var type) != null || type == MessageType.CookieReply) return null;
        var payload = Envelope.Payload(message);
        (string, byte[])[] body = type switch
        {
            MessageType.InitHello => InitHelloFields(InitHello.Read(payload)),
            MessageType.RespHello => RespHelloFields(RespHello.Read(payload)),
            MessageType.InitConf => InitConfFields(InitConf.Read(payload)),
            _ => EmptyDataFields(EmptyData.Read(payload)),
        };
        int macOffset = Envelope.MacOffset(message.Length), cookieOffset = Envelope.CookieOffset(message.Length);
        var fields = new List<MessageField> { new("msg_type", 0, message[..1]), new("reserved", 1, message[1..Envelope.HeaderLength]) };
        int offset = Envelope.HeaderLength;
        foreach (var (name, value) in body)
        {
            fields.Add(new MessageField(name, offset, value));
            offset += value.Length;
        }
        fields.Add(new MessageField("mac", macOffset, message[macOffset..cookieOffset]));
        fields.Add(new MessageField("cookie", cookieOffset, message[cookieOffset..]));
        return fields;
    }

    private static (string, byte[])[] InitHelloFields(InitHello m) =>
        [("sidi", m.Sidi), ("epki", m.Epki), ("sctr", m.Sctr), ("pidi_ct", m.PidiCt), ("auth", m.Auth)];

    private static (string, byte[])[] RespHelloFields(RespHello m) =>
        [("sidr", m.Sidr), ("sidi", m.Sidi), ("ecti", m.Ecti), ("scti", m.Scti), ("auth", m.Auth), ("biscuit_ct", m.Biscuit)];

    private static (string, byte[])[] InitConfFields(InitConf m) =>
        [("sidi", m.Sidi), ("sidr", m.Sidr), ("biscuit_ct", m.Biscuit), ("auth", m.Auth)];

    private static (string, byte[])[] EmptyDataFields(EmptyData m) => [("sid", m.Sid), ("ctr", m.Ctr), ("auth", m.Auth)];
}
