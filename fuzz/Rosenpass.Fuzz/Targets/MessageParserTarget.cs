using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Fuzz.Targets;

/// <summary>
/// MessageParser.TryParse on arbitrary datagrams (spec §5.7). It must never throw; a datagram it accepts must
/// have exactly its type's length, and writing the parsed fields back must give the same bytes (spec §5).
/// </summary>
public static class MessageParserTarget
{
    public static FuzzTarget Target { get; } = new("messages", "MessageParser.TryParse: every message type, arbitrary bytes",
        Run, Seeds.ValidMessages);

    private static void Run(byte[] input)
    {
        var rejection = MessageParser.TryParse(input, out var message);
        if (rejection != null)
        {
            if (message != null) throw new PropertyViolatedException("a rejected datagram produced a message");
            return;
        }
        if (message == null) throw new PropertyViolatedException("an accepted datagram produced no message");
        if (input.Length != MessageParser.LengthOf((MessageType)input[0]))
            throw new PropertyViolatedException($"accepted a {input.Length}-byte datagram of type 0x{input[0]:x2}");
        if (!Rewrite(input, message).AsSpan().SequenceEqual(input))
            throw new PropertyViolatedException("writing the parsed fields back changed the datagram");
    }

    /// <summary>The datagram with every parsed field written back over a copy of it.</summary>
    private static byte[] Rewrite(byte[] input, IMessage message)
    {
        var copy = (byte[])input.Clone();
        var payload = copy.AsSpan(Envelope.HeaderLength, Math.Max(0, Envelope.MacOffset(copy.Length) - Envelope.HeaderLength));
        switch (message)
        {
            case InitHello m: m.Write(payload); break;
            case RespHello m: m.Write(payload); break;
            case InitConf m: m.Write(payload); break;
            case EmptyData m: m.Write(payload); break;
            case CookieReply m: m.Write(copy); break;
            default: throw new PropertyViolatedException($"unexpected message object {message.GetType().Name}");
        }
        return copy;
    }
}
