using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>
/// The lengths of the fields several messages carry (spec §5), named from what produces them. Each message's
/// payload length is the compile-time sum of its fields, so its link to the KEM and AEAD sizes is in the code.
/// </summary>
public static class FieldLength
{
    /// <summary>sidi, sidr: a session id of 4 random bytes (spec §10.1).</summary>
    public const int SessionId = 4;

    /// <summary>pidi: a peer id, KH(lhash("peer id"), spk) (spec §4.7).</summary>
    public const int PeerId = KeyedHash.OutputLength;

    /// <summary>pidi_ct = encrypt_and_mix(pidi): the peer id and an AEAD tag (spec §4.3).</summary>
    public const int PeerIdCiphertext = PeerId + Aead.TagLength;

    /// <summary>auth = encrypt_and_mix(""): an AEAD tag over nothing (spec §4.3).</summary>
    public const int Auth = Aead.TagLength;

    /// <summary>ctr: a transport counter, u64 little-endian (spec §6.4).</summary>
    public const int Counter = sizeof(ulong);
}
