using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Protocol;

/// <summary>
/// The envelope's two authenticators (spec §8.1, §8.2).
/// mac = KH(KH(lhash("mac"), spk_recipient), msg[..mac])[..16] proves the sender knew the recipient's
/// public key: cheap to check, so junk is dropped before any expensive work.
/// cookie = KH_SHAKE(KH_SHAKE(lhash("cookie"), cookie_value), msg[..cookie])[..16] proves, under load,
/// that the sender can receive at its address.
/// </summary>
public static class EnvelopeSeal
{
    /// <summary>The mac of <paramref name="message"/> under <paramref name="macKey"/> = KH(lhash("mac"), spk_recipient).</summary>
    public static byte[] Mac(KeyedHash hash, ReadOnlySpan<byte> macKey, ReadOnlySpan<byte> message) =>
        hash.Compute(macKey, message[..Envelope.MacOffset(message.Length)])[..Envelope.MacLength];

    /// <summary>Writes the mac into its field.</summary>
    public static void WriteMac(KeyedHash hash, ReadOnlySpan<byte> macKey, Span<byte> message) =>
        Mac(hash, macKey, message).CopyTo(message[Envelope.MacOffset(message.Length)..]);

    /// <summary>Whether the mac field is right, compared in constant time.</summary>
    public static bool MacIsValid(KeyedHash hash, ReadOnlySpan<byte> macKey, ReadOnlySpan<byte> message)
    {
        int offset = Envelope.MacOffset(message.Length);
        return ConstantTime.Equals(Mac(hash, macKey, message), message[offset..(offset + Envelope.MacLength)]);
    }

    /// <summary>The cookie of <paramref name="message"/> under a 16-byte cookie value; always SHAKE256.</summary>
    public static byte[] Cookie(ReadOnlySpan<byte> cookieValue, ReadOnlySpan<byte> message) =>
        Labels.V03.Cookie.Mix(cookieValue).Mix(message[..Envelope.CookieOffset(message.Length)]).Value[..Envelope.CookieLength].ToArray();

    /// <summary>Writes the cookie into its field.</summary>
    public static void WriteCookie(ReadOnlySpan<byte> cookieValue, Span<byte> message) =>
        Cookie(cookieValue, message).CopyTo(message[Envelope.CookieOffset(message.Length)..]);

    /// <summary>Whether the cookie field is right, compared in constant time.</summary>
    public static bool CookieIsValid(ReadOnlySpan<byte> cookieValue, ReadOnlySpan<byte> message) =>
        ConstantTime.Equals(Cookie(cookieValue, message), message[Envelope.CookieOffset(message.Length)..]);
}
