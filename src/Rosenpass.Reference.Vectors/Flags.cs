namespace Rosenpass.Reference.Vectors;

/// <summary>The flags cases carry, naming what they exercise (as Wycheproof's flags do), with their meanings.</summary>
internal static class Flags
{
    public const string CompleteHandshake = "CompleteHandshake";
    public const string Psk = "Psk";
    public const string NoPsk = "NoPsk";
    public const string CustomOutputKey = "CustomOutputKey";
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

    public static readonly IReadOnlyDictionary<string, string> Meanings = new Dictionary<string, string>
    {
        [CompleteHandshake] = "A full handshake: InitHello, RespHello, InitConf, EmptyData (spec §6).",
        [Psk] = "Both peers share a pre-shared key, mixed at IHI7/IHR7 (spec §6.1).",
        [NoPsk] = "No pre-shared key: 32 zero bytes are mixed instead (spec §6.1).",
        [CustomOutputKey] = "A custom output-key domain separator (spec §4.6).",
        [Retransmission] = "A message is retransmitted after the retransmission delay (spec §9.2); a retransmitted InitConf gets the cached EmptyData and no second key (spec §9.4).",
        [CookieReply] = "The responder answers an InitHello without a valid cookie with a CookieReply (spec §8.3, §8.4).",
        [UnderLoad] = "The responder is under load for the whole case (spec §8.5).",
        [Rekey] = "A second handshake on the same peers after the session retires (spec §9.3).",
        [Truncated] = "The datagram lacks its last byte (spec §5.7).",
        [Extended] = "The datagram has one byte too many (spec §5.7).",
        [WrongType] = "The type byte is changed, to an unknown type or to another type of other length (spec §5.7).",
        [FlippedMac] = "One bit of the envelope mac is flipped (spec §8.1).",
        [FlippedAuthTag] = "One bit of an AEAD-protected field is flipped and the mac recomputed, so that the AEAD check is reached (spec §6).",
        [FlippedBiscuit] = "One bit of the biscuit is flipped and the mac recomputed (spec §7).",
        [UnknownSession] = "The session id names no handshake or session of the receiver (spec §6.3, §6.5, §8.4).",
        [UnknownPeer] = "The message's peer id names no configured peer (spec §6.2, §6.4).",
        [Replay] = "A message that was accepted before is delivered again (spec §6.3, §7.3).",
        [VersionMismatch] = "The peers are configured with different protocol versions (spec §6.6).",
        [StateUnchanged] = "A rejected datagram changes no state: the step states stateUnchanged, and a later step delivers the genuine message and expects the recorded outputs (spec §10.6).",
    };
}
