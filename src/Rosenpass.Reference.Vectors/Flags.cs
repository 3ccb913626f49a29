namespace Rosenpass.Reference.Vectors;

/// <summary>
/// The flags cases carry, naming what they exercise, and the notes of acceptable differences, each with its meaning
/// as a Wycheproof note: bug type, description, effect of the bug, links (vectors/README.md, "Notes").
/// </summary>
internal static class Flags
{
    public const string CompleteHandshake = "CompleteHandshake";
    public const string Psk = "Psk";
    public const string NoPsk = "NoPsk";
    public const string CustomOutputKey = "CustomOutputKey";
    public const string SeveralPeers = "SeveralPeers";
    public const string Retransmission = "Retransmission";
    public const string CookieReply = "CookieReply";
    public const string UnderLoad = "UnderLoad";
    public const string Rekey = "Rekey";
    public const string Truncated = "Truncated";
    public const string Extended = "Extended";
    public const string WrongType = "WrongType";
    public const string FlippedMac = "FlippedMac";
    public const string FlippedAuthTag = "FlippedAuthTag";
    public const string FlippedBiscuit = "FlippedBiscuit";
    public const string UnknownSession = "UnknownSession";
    public const string UnknownPeer = "UnknownPeer";
    public const string Replay = "Replay";
    public const string VersionMismatch = "VersionMismatch";
    public const string StateUnchanged = "StateUnchanged";
    public const string ConcurrentHandshake = "ConcurrentHandshake";

    /// <summary>Note of an acceptable difference: the cookie field of a RespHello or EmptyData (spec §8.2).</summary>
    public const string UnspecifiedCookieField = "UnspecifiedCookieField";

    /// <summary>Note of an acceptable difference: the rejection kind, whose precedence is ours (spec §10.6).</summary>
    public const string RejectionKindOrder = "RejectionKindOrder";

    private static Note N(string bugType, string description, string? effect, params string[] links) =>
        new() { BugType = bugType, Description = description, Effect = effect, Links = links.Length == 0 ? null : [.. links] };

    private const string Forgery = "An attacker's datagram would be processed as genuine, or change the receiver's state.";

    public static readonly IReadOnlyDictionary<string, Note> Meanings = new Dictionary<string, Note>
    {
        [CompleteHandshake] = N("BASIC", "A full handshake: InitHello, RespHello, InitConf, EmptyData.",
            "The peers derive no key or different keys: no interoperability.", "spec §6"),
        [Psk] = N("BASIC", "Both peers share a pre-shared key, mixed at IHI7/IHR7.", "Keys differ from a conforming peer's.", "spec §6.1"),
        [NoPsk] = N("EDGE_CASE", "No pre-shared key: 32 zero bytes are mixed instead.", "Keys differ from a conforming peer's.", "spec §6.1"),
        [CustomOutputKey] = N("FUNCTIONALITY", "A custom output-key domain separator.", "The output key differs from a conforming peer's.", "spec §4.6"),
        [SeveralPeers] = N("FUNCTIONALITY", "A server with more than one peer: each handshake is with the peer its peer id names, and each key goes to that peer.",
            "Keys are delivered for the wrong peer, or one peer's handshake disturbs another's.", "spec §10.1"),
        [Retransmission] = N("FUNCTIONALITY", "A message is retransmitted after the retransmission delay; a retransmitted InitConf gets the cached EmptyData and no second key.",
            "A lost message stalls the handshake until it is abandoned, or a duplicate yields a second key.", "spec §9.2", "spec §9.4"),
        [CookieReply] = N("FUNCTIONALITY", "The responder answers an InitHello without a valid cookie with a CookieReply.",
            "Under load, a responder spends a McEliece decapsulation on every spoofed InitHello, or an initiator never completes with a loaded responder.", "spec §8.3", "spec §8.4"),
        [UnderLoad] = N("FUNCTIONALITY", "The responder is under load for the whole case.", null, "spec §8.5"),
        [Rekey] = N("FUNCTIONALITY", "A second handshake on the same peers after the session retires.", "Keys are not renewed every 2 minutes.", "spec §9.3"),
        [Truncated] = N("MODIFIED_PARAMETER", "The datagram lacks its last byte.", "A parser reads past the datagram, or accepts a malformed one.", "spec §5.7"),
        [Extended] = N("MODIFIED_PARAMETER", "The datagram has one byte too many.", "A parser accepts trailing bytes, which an attacker controls.", "spec §5.7"),
        [WrongType] = N("MODIFIED_PARAMETER", "The type byte is changed, to an unknown type or to another type of other length.",
            "A message is parsed as another type.", "spec §5.7"),
        [FlippedMac] = N("AUTH_BYPASS", "One bit of the envelope mac is flipped.", "The receiver spends work on datagrams not meant for it (denial of service).", "spec §8.1"),
        [FlippedAuthTag] = N("AUTH_BYPASS", "One bit of an AEAD-protected field is flipped and the mac recomputed, so that the AEAD check is reached.", Forgery, "spec §6"),
        [FlippedBiscuit] = N("AUTH_BYPASS", "One bit of the biscuit is flipped and the mac recomputed.", Forgery, "spec §7"),
        [UnknownSession] = N("MISSING_STEP", "The session id names no handshake or session of the receiver.", Forgery, "spec §6.3", "spec §6.5", "spec §8.4"),
        [UnknownPeer] = N("AUTH_BYPASS", "The message's peer id names no configured peer.", "A stranger completes a handshake.", "spec §6.2", "spec §6.4"),
        [Replay] = N("AUTH_BYPASS", "A message that was accepted before is delivered again.", "A replayed message yields a second key or disturbs a live session.", "spec §6.3", "spec §7.3"),
        [VersionMismatch] = N("FUNCTIONALITY", "The peers are configured with different protocol versions.", "A handshake completes across versions.", "spec §6.6"),
        [ConcurrentHandshake] = N("FUNCTIONALITY", "Both peers initiate at once; the tie-break's leader does not answer the other's InitHello while its own handshake awaits EmptyData (rule 1), so both end with the leader's key.",
            "Both sides end with the other handshake's key (the boot race): the peers disagree until the next rekey, which races again.", "spec §9.6"),
        [StateUnchanged] = N("MISSING_STEP", "A rejected datagram changes no state: the step states stateUnchanged, and a later step delivers the genuine message and expects the recorded outputs.",
            "A forged datagram moves counters or drops handshakes (denial of service).", "spec §10.6"),
        [UnspecifiedCookieField] = N("DEFINED", "The last 16 bytes (the cookie field) of a RespHello or EmptyData are not defined by the protocol: ours hold what upstream's send buffer held (zeros, or bytes of the previous message). A receiver ignores them.",
            "None: another implementation MAY write anything there; a consumer compares the rest of the value.", "spec §8.2"),
        [RejectionKindOrder] = N("DEFINED", "The rejection kind and the order of the checks are ours; a conforming implementation may reject the same datagram with another kind (e.g. upstream checks some macs later). That the datagram is rejected is required; the kind is informative.",
            "None, as long as the datagram is rejected and changes no state.", "spec §10.6", "spec §11.2"),
    };
}
