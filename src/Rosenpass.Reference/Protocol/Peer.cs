using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Protocol;

/// <summary>
/// What the server knows about one peer (spec §10.2): its static public key spkt, the pre-shared key
/// (32 zero bytes when none is configured), its protocol version, its output-key separator, and the live
/// state of the handshake we initiated and of the current session.
/// Values that depend only on static keys are computed once here (each hashes a 512 KiB public key).
/// </summary>
public sealed class Peer
{
    internal Peer(int index, byte[] spkt, Secret psk, ProtocolVersion version, OskDomainSeparator osk, bool initiates, byte[] ownPublicKey, bool tieBreak)
    {
        Index = index;
        PublicKey = spkt;
        Psk = psk;
        Version = version;
        OutputKeySeparator = osk;
        Initiates = initiates;
        Labels = Labels.For(version);
        PeerId = Labels.PeerId.Mix(spkt).ToArray();
        OwnPeerId = Labels.PeerId.Mix(ownPublicKey).ToArray();
        ChainingKeyInit = ChainingKey.InitValue(Labels, spkt);
        MacKey = Labels.Mac.Mix(spkt).ToArray();
        CookieKey = Labels.V03.CookieKey.Mix(spkt).ToArray();
        OskSeparatorValue = osk.Value(Labels);
        LeadsTieBreak = tieBreak && OwnPeerId.AsSpan().SequenceCompareTo(PeerId) > 0;
    }

    /// <summary>Position in the server's peer list.</summary>
    public int Index { get; }

    /// <summary>spkt: the peer's Classic McEliece public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The pre-shared key, 0³² when none is configured (spec §6.1, IHI7).</summary>
    internal Secret Psk { get; }

    /// <summary>The version configured for this peer; both sides must agree (spec §6.6).</summary>
    public ProtocolVersion Version { get; }

    /// <summary>The output-key domain separator (spec §4.6).</summary>
    public OskDomainSeparator OutputKeySeparator { get; }

    /// <summary>Whether the server starts handshakes with this peer (it has an endpoint); if not, it only responds.</summary>
    public bool Initiates { get; }

    /// <summary>The labels of this peer's version.</summary>
    public Labels Labels { get; }

    /// <summary>pidt = KH(lhash("peer id"), spkt) under the peer's version (spec §4.7).</summary>
    public byte[] PeerId { get; }

    /// <summary>pidm: our own peer id as this peer computes it (our public key, this peer's version).</summary>
    internal byte[] OwnPeerId { get; }

    /// <summary>init(spkt): the chaining key a handshake we initiate starts from (spec §4.1).</summary>
    internal byte[] ChainingKeyInit { get; }

    /// <summary>KH(lhash("mac"), spkt): the key of the macs we send to this peer (spec §8.1).</summary>
    internal byte[] MacKey { get; }

    /// <summary>KH_SHAKE(lhash("cookie-key"), spkt): decrypts CookieReplies from this peer (spec §8.4).</summary>
    internal byte[] CookieKey { get; }

    /// <summary>The output-key separator's value under this peer's version.</summary>
    internal byte[] OskSeparatorValue { get; }

    /// <summary>The highest biscuit number accepted from this peer (12 bytes, little-endian; spec §7.3).</summary>
    internal byte[] BiscuitUsed { get; set; } = new byte[Biscuit.NumberLength];

    /// <summary>The handshake we initiated with this peer, if any (spec §10.3).</summary>
    internal InitiatorHandshake? Handshake { get; set; }

    /// <summary>The current session, if any (spec §10.4).</summary>
    internal Session? Session { get; set; }

    /// <summary>The EmptyData that answered this peer's last InitConf, for retransmissions (spec §9.4).</summary>
    internal InitConfResponse? CachedResponse { get; set; }

    /// <summary>
    /// Whether our handshakes win over this peer's when both run at once (spec §9.6): our peer id, as this peer
    /// computes it, is the greater of the two, compared byte by byte. Both sides compute the same answer.
    /// </summary>
    public bool LeadsTieBreak { get; }

    /// <summary>
    /// The biscuit counter's value when we last emitted a key as initiator with this peer (ICI7), or null. A biscuit
    /// number below it was issued before that key (spec §9.6).
    /// </summary>
    internal byte[]? BiscuitCounterAtOwnKey { get; set; }

    /// <summary>Set once an initiation was requested for the current session's retirement; cleared by a new handshake.</summary>
    internal bool InitiationRequested { get; set; }

    /// <summary>Whether a session is established (for callers and tests).</summary>
    public bool HasSession => Session != null;

    /// <summary>Whether a handshake we initiated is in progress.</summary>
    public bool HasHandshake => Handshake != null;

    /// <summary>The peer id in base64, as upstream prints it.</summary>
    public string PeerIdBase64 => Convert.ToBase64String(PeerId);
}
