namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>
/// The envelope around every message but CookieReply (spec §5.1):
/// type(1) ‖ reserved(3) ‖ payload ‖ mac(16) ‖ cookie(16). No padding, no length fields.
/// </summary>
public static class Envelope
{
    public const int HeaderLength = 4;
    public const int MacLength = 16;
    public const int CookieLength = 16;

    /// <summary>Bytes the envelope adds to a payload.</summary>
    public const int Overhead = HeaderLength + MacLength + CookieLength;

    /// <summary>Where the mac starts in a message of <paramref name="length"/> bytes; it covers everything before.</summary>
    public static int MacOffset(int length) => length - MacLength - CookieLength;

    /// <summary>Where the cookie starts; it covers everything before, the mac included.</summary>
    public static int CookieOffset(int length) => length - CookieLength;

    /// <summary>The payload of an envelope-wrapped message.</summary>
    public static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> message) => message[HeaderLength..MacOffset(message.Length)];

    /// <summary>Writes type and payload into <paramref name="message"/>; reserved is left as the buffer holds it
    /// (zero in a fresh buffer), mac and cookie are written by the sealing step (spec §8).</summary>
    public static void WriteHeader(Span<byte> message, MessageType type) => message[0] = (byte)type;
}
