using System.Security.Cryptography;
using System.Text;

namespace Rosenpass.Reference.Protocol;

/// <summary>
/// A text summary of everything a server could change (spec §10), so tests can show that handling a bad
/// message changed nothing. Secrets appear only as truncated SHA-256 fingerprints.
/// </summary>
internal static class StateDigest
{
    public static string Fingerprint(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];

    public static string Describe(Peer peer)
    {
        var text = new StringBuilder();
        text.Append($"peer {peer.Index}: used={Convert.ToHexStringLower(peer.BiscuitUsed)}");
        if (peer.Handshake is { } h)
        {
            text.Append($" hs[sidi={Convert.ToHexStringLower(h.Sidi)} sidr={Convert.ToHexStringLower(h.Sidr)} next={h.Next}");
            text.Append($" ck={(h.Ck == null ? "-" : Fingerprint(h.Ck.Value))} cookie={Fingerprint(h.CookieValue.Expose())}");
            text.Append($" stored={Fingerprint(h.StoredMessage)} rt={h.RetransmitCount}@{h.RetransmitAt}]");
        }
        if (peer.Session is { } s)
        {
            text.Append($" session[{s.Role} sidm={Convert.ToHexStringLower(s.Sidm)} sidt={Convert.ToHexStringLower(s.Sidt)}");
            text.Append($" txnm={s.Txnm} txnt={s.Txnt} at={s.CreatedAt} ck={Fingerprint(s.Ck.Value)}]");
        }
        if (peer.CachedResponse is { } c) text.Append($" cached[{Fingerprint(c.EmptyData)}@{c.CreatedAt}]");
        if (peer.BiscuitCounterAtOwnKey is { } mark) text.Append($" own-key-mark={Convert.ToHexStringLower(mark)}");
        return text.ToString();
    }
}
