using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Crypto.Kyber512;

namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>
/// InitHello, 0x81, initiator → responder (spec §5.2). Payload 1024 bytes, 1060 on the wire:
/// sidi[4] ‖ epki[800] ‖ sctr[156] ‖ pidi_ct[48] ‖ auth[16].
/// </summary>
public sealed class InitHello : IMessage
{
    public MessageType Type => MessageType.InitHello;

    public const int PayloadLength = FieldLength.SessionId + Kyber512Kem.PublicKeyLength + McEliece460896.CiphertextLength
        + FieldLength.PeerIdCiphertext + FieldLength.Auth;
    public const int Length = Envelope.Overhead + PayloadLength;

    /// <summary>Where sidi starts in the whole message: it opens the payload (a CookieReply echoes it, spec §8.3).</summary>
    public const int SidiOffset = Envelope.HeaderLength;

    public byte[] Sidi { get; } = new byte[FieldLength.SessionId];
    public byte[] Epki { get; } = new byte[Kyber512Kem.PublicKeyLength];
    public byte[] Sctr { get; } = new byte[McEliece460896.CiphertextLength];
    public byte[] PidiCt { get; } = new byte[FieldLength.PeerIdCiphertext];
    public byte[] Auth { get; } = new byte[FieldLength.Auth];

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
