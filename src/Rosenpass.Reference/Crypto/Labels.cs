namespace Rosenpass.Reference.Crypto;

/// <summary>
/// The label tree of spec §3.2 for one protocol version, computed once:
/// protocol = 0³² → PROTOCOL string; every other label hangs below it.
/// </summary>
public sealed class Labels
{
    /// <summary>The V03 protocol string (spec §3.2).</summary>
    public const string ProtocolV03 = "Rosenpass v1 mceliece460896 Kyber512 ChaChaPoly1305 SHAKE256";

    /// <summary>
    /// The V02 protocol string. It says BLAKE2s although V02 hashes with BLAKE2b: a frozen mistake that
    /// every implementation must repeat to interoperate (spec §3.2, §11.1).
    /// </summary>
    public const string ProtocolV02 = "Rosenpass v1 mceliece460896 Kyber512 ChaChaPoly1305 BLAKE2s";

    /// <summary>The labels of V02 (incorrect HMAC-BLAKE2b).</summary>
    public static Labels V02 { get; } = new(ProtocolVersion.V02);

    /// <summary>The labels of V03 (keyed SHAKE256).</summary>
    public static Labels V03 { get; } = new(ProtocolVersion.V03);

    /// <summary>The labels of <paramref name="version"/>.</summary>
    public static Labels For(ProtocolVersion version) => version == ProtocolVersion.V02 ? V02 : V03;

    private Labels(ProtocolVersion version)
    {
        Version = version;
        Hash = KeyedHash.For(version);
        Protocol = HashDomain.Zero(Hash).Mix(version == ProtocolVersion.V02 ? ProtocolV02 : ProtocolV03);
        Mac = Protocol.Mix("mac");
        Cookie = Protocol.Mix("cookie");
        CookieValue = Protocol.Mix("cookie-value");
        CookieKey = Protocol.Mix("cookie-key");
        PeerId = Protocol.Mix("peer id");
        BiscuitAd = Protocol.Mix("biscuit additional data");
        CkInit = Protocol.Mix("chaining key init");
        CkExtract = Protocol.Mix("chaining key extract");
        CkMix = CkExtract.Mix("mix");
        HsEnc = CkExtract.Mix("handshake encryption");
        IniEnc = CkExtract.Mix("initiator handshake encryption");
        ResEnc = CkExtract.Mix("responder handshake encryption");
        CkeUser = CkExtract.Mix("user");
        CkeUserRosenpass = CkeUser.Mix("rosenpass.eu");
        WireGuardPskOsk = CkeUserRosenpass.Mix("wireguard psk");
    }

    /// <summary>The version these labels belong to.</summary>
    public ProtocolVersion Version { get; }

    /// <summary>The keyed hash of that version.</summary>
    public KeyedHash Hash { get; }

    /// <summary>protocol = 0³² → PROTOCOL.</summary>
    public HashDomain Protocol { get; }

    /// <summary>protocol → "mac" (spec §8.1).</summary>
    public HashDomain Mac { get; }

    /// <summary>protocol → "cookie" (spec §8.2).</summary>
    public HashDomain Cookie { get; }

    /// <summary>protocol → "cookie-value" (spec §8.3).</summary>
    public HashDomain CookieValue { get; }

    /// <summary>protocol → "cookie-key" (spec §8.3).</summary>
    public HashDomain CookieKey { get; }

    /// <summary>protocol → "peer id" (spec §4.7).</summary>
    public HashDomain PeerId { get; }

    /// <summary>protocol → "biscuit additional data" (spec §7.1).</summary>
    public HashDomain BiscuitAd { get; }

    /// <summary>protocol → "chaining key init" (spec §4.1).</summary>
    public HashDomain CkInit { get; }

    /// <summary>protocol → "chaining key extract": the parent of the labels below.</summary>
    public HashDomain CkExtract { get; }

    /// <summary>… → "mix" (spec §4.2).</summary>
    public HashDomain CkMix { get; }

    /// <summary>… → "handshake encryption" (spec §4.3).</summary>
    public HashDomain HsEnc { get; }

    /// <summary>… → "initiator handshake encryption" (spec §4.5).</summary>
    public HashDomain IniEnc { get; }

    /// <summary>… → "responder handshake encryption" (spec §4.5).</summary>
    public HashDomain ResEnc { get; }

    /// <summary>… → "user": the root of custom output-key domain separators (spec §4.6).</summary>
    public HashDomain CkeUser { get; }

    /// <summary>… → "user" → "rosenpass.eu".</summary>
    public HashDomain CkeUserRosenpass { get; }

    /// <summary>… → "rosenpass.eu" → "wireguard psk": the default output-key separator (spec §4.6).</summary>
    public HashDomain WireGuardPskOsk { get; }
}
