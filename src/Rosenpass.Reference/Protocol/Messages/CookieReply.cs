using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>
/// CookieReply, 0x86, responder under load → initiator (spec §5.6). It has no envelope:
/// type(1) ‖ reserved(3) ‖ sid[4] ‖ cookie_encrypted[56 = nonce 24 ‖ ct 16 ‖ tag 16] ‖ padding,
/// padded with random bytes to the size of an InitHello (1060) so that it amplifies nothing.
/// </summary>
public sealed class CookieReply : IMessage
{
    public MessageType Type => MessageType.CookieReply;

    public const int HeaderLength = Envelope.HeaderLength;

    /// <summary>cookie_value: 16 bytes (spec §8.3).</summary>
    public const int CookieValueLength = 16;

    /// <summary>cookie_encrypted = nonce ‖ XAEAD(cookie_value) ‖ tag.</summary>
    public const int EncryptedCookieLength = XAead.Overhead + CookieValueLength;

    public const int Length = InitHello.Length;
    public const int PaddingOffset = HeaderLength + FieldLength.SessionId + EncryptedCookieLength;

    public byte[] Sid { get; } = new byte[FieldLength.SessionId];
    public byte[] CookieEncrypted { get; } = new byte[EncryptedCookieLength];

    /// <summary>Reads from a whole datagram of exactly <see cref="Length"/> bytes; the padding is ignored.</summary>
    public static CookieReply Read(ReadOnlySpan<byte> message)
    {
        var m = new CookieReply();
        new FieldReader(message[HeaderLength..PaddingOffset]).Read(m.Sid).Read(m.CookieEncrypted).End();
        return m;
    }

    /// <summary>Writes type, sid and cookie into <paramref name="message"/>; the caller fills the padding.</summary>
    public void Write(Span<byte> message)
    {
        message[0] = (byte)MessageType.CookieReply;
        new FieldWriter(message[HeaderLength..PaddingOffset]).Write(Sid).Write(CookieEncrypted).End();
    }
}
