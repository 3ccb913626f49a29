namespace Rosenpass.Reference.Protocol;

/// <summary>
/// Why a datagram was rejected (spec §10.6). Rejecting never changes the server's state.
/// </summary>
public enum RejectionKind
{
    /// <summary>The datagram's length is not exactly the size of its message type (spec §5.7).</summary>
    WrongLength,
    /// <summary>The first byte names no message type we handle (spec §5.7).</summary>
    UnknownMessageType,
    /// <summary>The envelope mac is wrong for our public key under every acceptable version (spec §8.1).</summary>
    BadMac,
    /// <summary>An AEAD tag did not verify: pidi_ct, an auth field, or EmptyData (spec §6).</summary>
    BadAuthTag,
    /// <summary>The peer id in the message belongs to no configured peer (spec §6.2, §6.4).</summary>
    UnknownPeer,
    /// <summary>No handshake or session has the session id the message names (spec §6.3, §6.5, §8.4).</summary>
    UnknownSession,
    /// <summary>The biscuit did not decrypt under the biscuit key it names (spec §7.1).</summary>
    BadBiscuit,
    /// <summary>The biscuit number is not greater than the last one used by that peer (spec §7.3).</summary>
    ReplayedBiscuit,
    /// <summary>The message does not fit the handshake's state, e.g. a replayed RespHello (spec §6.3, §6.5).</summary>
    UnexpectedMessage,
    /// <summary>The message is valid under a version other than the peer's configured one (spec §6.6).</summary>
    HashFunctionMismatch,
    /// <summary>An EmptyData counter below the receive counter (spec §6.5).</summary>
    StaleCounter,
    /// <summary>Under load with upstream's gate, only InitHello (with a cookie check) and InitConf are processed (spec §8.5.2).</summary>
    NotProcessedUnderLoad,
    /// <summary>Under load, an InitHello with a valid cookie from a source whose token bucket is empty (spec §8.5.4).</summary>
    RateLimited,
}
