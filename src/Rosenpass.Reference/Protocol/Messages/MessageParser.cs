namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>
/// The framing rules of spec §5.7: a datagram is a message only if its first byte is a known type and its
/// length is exactly that type's size. Nothing here throws; a bad frame is a typed <see cref="Rejection"/>.
/// </summary>
public static class MessageParser
{
    /// <summary>The exact wire size of each message type.</summary>
    public static int LengthOf(MessageType type) => type switch
    {
        MessageType.InitHello => InitHello.Length,
        MessageType.RespHello => RespHello.Length,
        MessageType.InitConf => InitConf.Length,
        MessageType.EmptyData => EmptyData.Length,
        MessageType.CookieReply => CookieReply.Length,
        _ => 0,
    };

    /// <summary>Checks type and length; on success <paramref name="type"/> names the message.</summary>
    public static Rejection? CheckFrame(ReadOnlySpan<byte> datagram, out MessageType type)
    {
        type = default;
        if (datagram.IsEmpty) return new Rejection(RejectionKind.WrongLength, "empty datagram");
        var candidate = (MessageType)datagram[0];
        int expected = LengthOf(candidate);
        if (expected == 0) return new Rejection(RejectionKind.UnknownMessageType, $"type 0x{datagram[0]:x2}");
        if (datagram.Length != expected)
            return new Rejection(RejectionKind.WrongLength, $"{candidate} must be {expected} bytes, got {datagram.Length}");
        type = candidate;
        return null;
    }

    /// <summary>
    /// Parses a datagram into its message object (InitHello, RespHello, InitConf, EmptyData or CookieReply),
    /// or returns the rejection. The envelope's mac and cookie are not checked here (spec §8).
    /// </summary>
    public static Rejection? TryParse(ReadOnlySpan<byte> datagram, out IMessage? message)
    {
        message = null;
        var rejection = CheckFrame(datagram, out var type);
        if (rejection != null) return rejection;
        message = type switch
        {
            MessageType.InitHello => InitHello.Read(Envelope.Payload(datagram)),
            MessageType.RespHello => RespHello.Read(Envelope.Payload(datagram)),
            MessageType.InitConf => InitConf.Read(Envelope.Payload(datagram)),
            MessageType.EmptyData => EmptyData.Read(Envelope.Payload(datagram)),
            _ => CookieReply.Read(datagram),
        };
        return null;
    }
}
