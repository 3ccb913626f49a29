namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>
/// InitHello, 0x81, initiator → responder (spec §5.2). Payload 1024 bytes, 1060 on the wire:
/// sidi[4] ‖ epki[800] ‖ sctr[156] ‖ pidi_ct[48] ‖ auth[16].
/// </summary>
public sealed class InitHello
{
    public const int PayloadLength = 1024;
    public const int Length = Envelope.Overhead + PayloadLength;

    public byte[] Sidi { get; } = new byte[4];
    public byte[] Epki { get; } = new byte[800];
    public byte[] Sctr { get; } = new byte[156];
    public byte[] PidiCt { get; } = new byte[48];
    public byte[] Auth { get; } = new byte[16];

    /// <summary>Reads the fields from a payload of exactly <see cref="PayloadLength"/> bytes.</summary>
    public static InitHello Read(ReadOnlySpan<byte> payload)
    {
        var m = new InitHello();
        new FieldReader(payload).Read(m.Sidi).Read(m.Epki).Read(m.Sctr).Read(m.PidiCt).Read(m.Auth).End();
        return m;
    }

    /// <summary>Writes the fields into a payload of exactly <see cref="PayloadLength"/> bytes.</summary>
    public void Write(Span<byte> payload) =>
        new FieldWriter(payload).Write(Sidi).Write(Epki).Write(Sctr).Write(PidiCt).Write(Auth).End();
}
