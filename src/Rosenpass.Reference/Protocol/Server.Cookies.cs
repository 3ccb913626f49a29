using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Protocol;

/// <summary>
/// The cookie mechanism (spec §8.2-§8.4). Under load the responder answers an InitHello that lacks a valid
/// cookie with a CookieReply instead of doing expensive work; the initiator stores the cookie value and
/// retransmits. Only someone who receives at the sender's address learns the cookie value.
/// </summary>
public sealed partial class Server
{
    private const int CookieValueLength = CookieReply.CookieValueLength;

    /// <summary>cookie_value = lhash_SHAKE("cookie-value", cookie_secret, host_id)[..16] (spec §8.3).</summary>
    private static byte[] CookieValueFor(Secret cookieSecret, ReadOnlySpan<byte> hostId) =>
        Labels.V03.CookieValue.Mix(cookieSecret.Expose()).Mix(hostId).Value[..CookieValueLength].ToArray();

    /// <summary>Whether the message's cookie field is valid under a living cookie secret, youngest first.</summary>
    private bool CookieIsValid(ReadOnlySpan<byte> message, ReadOnlySpan<byte> hostId, double now)
    {
        foreach (int index in _cookieSecrets.AliveYoungestFirst(now))
        {
            if (EnvelopeSeal.CookieIsValid(CookieValueFor(_cookieSecrets[index], hostId), message)) return true;
        }
        return false;
    }

    /// <summary>
    /// A CookieReply for an InitHello (spec §8.3): sid = sidi; the cookie value encrypted with
    /// XAEAD(key = lhash_SHAKE("cookie-key", spkm), ad = the InitHello's mac); random padding up to 1060 bytes.
    /// </summary>
    private byte[] CreateCookieReply(ReadOnlySpan<byte> initHello, ReadOnlySpan<byte> hostId, double now)
    {
        int index = _cookieSecrets.Active(now, whileYoungOnly: false);
        byte[] cookieValue = CookieValueFor(_cookieSecrets[index], hostId);
        var reply = new CookieReply();
        initHello.Slice(InitHello.SidiOffset, FieldLength.SessionId).CopyTo(reply.Sid);
        Span<byte> nonce = stackalloc byte[XAead.NonceLength];
        _random.Fill(nonce);
        int macOffset = Envelope.MacOffset(initHello.Length);
        XAead.Encrypt(_ownCookieKey, nonce, initHello[macOffset..(macOffset + Envelope.MacLength)], cookieValue, reply.CookieEncrypted);

        var message = _sendBuffer.AsSpan(0, CookieReply.Length);
        reply.Write(message);
        _random.Fill(message[CookieReply.PaddingOffset..]);
        return message.ToArray();
    }

    /// <summary>
    /// The initiator handles a CookieReply (spec §8.4): decrypts the cookie value with the mac of the message
    /// we are retransmitting as additional data, keeps it, and retransmits that message at once, now with a
    /// valid cookie.
    /// </summary>
    private HandleOutcome HandleCookieReply(ReadOnlySpan<byte> datagram)
    {
        var msg = CookieReply.Read(datagram);
        var peer = PeerBySessionId(msg.Sid);
        if (peer == null) return HandleOutcome.Reject(MessageType.CookieReply, RejectionKind.UnknownSession, "no handshake or session with this sid");
        var handshake = peer.Handshake;
        if (handshake == null) return HandleOutcome.Reject(MessageType.CookieReply, RejectionKind.UnexpectedMessage, "no handshake in progress");

        byte[] stored = handshake.StoredMessage;
        int macOffset = Envelope.MacOffset(stored.Length);
        using var cookieValue = new Secret(CookieValueLength);
        if (!XAead.Decrypt(peer.CookieKey, stored.AsSpan(macOffset, Envelope.MacLength), msg.CookieEncrypted, cookieValue.Expose()))
            return HandleOutcome.Reject(MessageType.CookieReply, RejectionKind.BadAuthTag, "cookie does not decrypt");
        handshake.CookieValue.Dispose();
        handshake.CookieValue = cookieValue.Clone();
        return HandleOutcome.Accept(MessageType.CookieReply, peer, Retransmission(handshake));
    }

    /// <summary>
    /// The stored message, as retransmitted: byte-identical, except that an InitHello's cookie is sealed again
    /// with the current cookie value (spec §9.2).
    /// </summary>
    private static byte[] Retransmission(InitiatorHandshake handshake)
    {
        byte[] message = handshake.StoredMessage;
        if (message.Length == InitHello.Length && message[0] == (byte)MessageType.InitHello)
            EnvelopeSeal.WriteCookie(handshake.CookieValue.Expose(), message);
        return (byte[])message.Clone();
    }
}
