using System.Buffers.Binary;

namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>
/// EmptyData, 0x84, responder → initiator (spec §5.5): the key confirmation. Payload 28 bytes, 64 on the wire:
/// sid[4] ‖ ctr[8, u64 little-endian] ‖ auth[16].
/// </summary>
public sealed class EmptyData
{
    public const int PayloadLength = 28;
    public const int Length = Envelope.Overhead + PayloadLength;

    public byte[] Sid { get; } = new byte[4];
    public byte[] Ctr { get; } = new byte[8];
    public byte[] Auth { get; } = new byte[16];

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
