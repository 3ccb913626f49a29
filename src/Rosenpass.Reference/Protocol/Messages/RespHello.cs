using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Crypto.Kyber512;

namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>
/// RespHello, 0x82, responder → initiator (spec §5.3). Payload 1064 bytes, 1100 on the wire:
/// sidr[4] ‖ sidi[4] ‖ ecti[768] ‖ scti[156] ‖ auth[16] ‖ biscuit[116].
/// auth precedes the biscuit on the wire although it is computed after it (RHR6, then RHR7).
/// </summary>
public sealed class RespHello : IMessage
{
    public MessageType Type => MessageType.RespHello;

    public const int PayloadLength = 2 * FieldLength.SessionId + Kyber512Kem.CiphertextLength + McEliece460896.CiphertextLength
        + FieldLength.Auth + Protocol.Biscuit.CiphertextLength;
    public const int Length = Envelope.Overhead + PayloadLength;

    public byte[] Sidr { get; } = new byte[FieldLength.SessionId];
    public byte[] Sidi { get; } = new byte[FieldLength.SessionId];
    public byte[] Ecti { get; } = new byte[Kyber512Kem.CiphertextLength];
    public byte[] Scti { get; } = new byte[McEliece460896.CiphertextLength];
    public byte[] Auth { get; } = new byte[FieldLength.Auth];
    public byte[] Biscuit { get; } = new byte[Protocol.Biscuit.CiphertextLength];

    public static RespHello Read(ReadOnlySpan<byte> payload)
    {
        var m = new RespHello();
        new FieldReader(payload).Read(m.Sidr).Read(m.Sidi).Read(m.Ecti).Read(m.Scti).Read(m.Auth).Read(m.Biscuit).End();
        return m;
    }

    public void Write(Span<byte> payload) =>
        new FieldWriter(payload).Write(Sidr).Write(Sidi).Write(Ecti).Write(Scti).Write(Auth).Write(Biscuit).End();
}
