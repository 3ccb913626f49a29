namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>
/// InitConf, 0x83, initiator → responder (spec §5.4). Payload 140 bytes, 176 on the wire:
/// sidi[4] ‖ sidr[4] ‖ biscuit[116] ‖ auth[16].
/// </summary>
public sealed class InitConf : IMessage
{
    public MessageType Type => MessageType.InitConf;

    public const int PayloadLength = 2 * FieldLength.SessionId + Protocol.Biscuit.CiphertextLength + FieldLength.Auth;
    public const int Length = Envelope.Overhead + PayloadLength;

    public byte[] Sidi { get; } = new byte[FieldLength.SessionId];
    public byte[] Sidr { get; } = new byte[FieldLength.SessionId];
    public byte[] Biscuit { get; } = new byte[Protocol.Biscuit.CiphertextLength];
    public byte[] Auth { get; } = new byte[FieldLength.Auth];

    public static InitConf Read(ReadOnlySpan<byte> payload)
    {
        var m = new InitConf();
        new FieldReader(payload).Read(m.Sidi).Read(m.Sidr).Read(m.Biscuit).Read(m.Auth).End();
        return m;
    }

    public void Write(Span<byte> payload) =>
        new FieldWriter(payload).Write(Sidi).Write(Sidr).Write(Biscuit).Write(Auth).End();
}
