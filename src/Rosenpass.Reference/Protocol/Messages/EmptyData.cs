using System.Buffers.Binary;

namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>
/// EmptyData, 0x84, responder → initiator (spec §5.5): the key confirmation. Payload 28 bytes, 64 on the wire:
/// sid[4] ‖ ctr[8, u64 little-endian] ‖ auth[16].
/// </summary>
public sealed class EmptyData : IMessage
{
    public MessageType Type => MessageType.EmptyData;

    public const int PayloadLength = FieldLength.SessionId + FieldLength.Counter + FieldLength.Auth;
    public const int Length = Envelope.Overhead + PayloadLength;

    public byte[] Sid { get; } = new byte[FieldLength.SessionId];
    public byte[] Ctr { get; } = new byte[FieldLength.Counter];
    public byte[] Auth { get; } = new byte[FieldLength.Auth];

    /// <summary>The counter as a number.</summary>
    public ulong Counter => BinaryPrimitives.ReadUInt64LittleEndian(Ctr);

    public static EmptyData Read(ReadOnlySpan<byte> payload)
    {
        var m = new EmptyData();
        new FieldReader(payload).Read(m.Sid).Read(m.Ctr).Read(m.Auth).End();
        return m;
    }

    public void Write(Span<byte> payload) => new FieldWriter(payload).Write(Sid).Write(Ctr).Write(Auth).End();
}
