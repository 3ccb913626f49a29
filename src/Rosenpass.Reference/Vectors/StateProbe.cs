using System.Security.Cryptography;
using System.Text;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// A digest of a server's per-peer state, to show that a rejected datagram changed nothing (spec §10.6): every
/// field of each peer's handshake, session, biscuit_used and cached EmptyData. It is a SHA-256, so that a report
/// never shows the secrets it covers. Server-wide state (biscuit counter, session index, rotating keys) is not
/// reachable from here; a rejected step's follow-up step, which must give the recorded outputs, covers that.
/// </summary>
internal static class StateProbe
{
    public static string Digest(Server server)
    {
        var text = new StringBuilder();
        foreach (var peer in server.Peers) Describe(peer, text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Describe(Peer peer, StringBuilder text)
    {
        text.Append($"peer {peer.Index} used={Hex(peer.BiscuitUsed)} requested={peer.InitiationRequested}\n");
        if (peer.Handshake is { } h)
        {
            text.Append($" handshake sidi={Hex(h.Sidi)} sidr={Hex(h.Sidr)} ck={(h.Ck == null ? "-" : Hex(h.Ck.Value))} ")
                .Append($"eski={Hex(h.Eski.Expose())} epki={Hex(h.Epki)} next={h.Next} created={h.CreatedAt:R} ")
                .Append($"cookie={Hex(h.CookieValue.Expose())} stored={Hex(h.StoredMessage)} count={h.RetransmitCount} at={h.RetransmitAt:R}\n");
        }
        if (peer.Session is { } s)
        {
            text.Append($" session role={s.Role} sidm={Hex(s.Sidm)} sidt={Hex(s.Sidt)} txkm={Hex(s.Txkm.Expose())} ")
                .Append($"txkt={Hex(s.Txkt.Expose())} txnm={s.Txnm} txnt={s.Txnt} ck={Hex(s.Ck.Value)} created={s.CreatedAt:R}\n");
        }
        if (peer.CachedResponse is { } c)
            text.Append($" cached initconf={Hex(c.InitConfUpToCookie)} emptydata={Hex(c.EmptyData)} created={c.CreatedAt:R}\n");
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
