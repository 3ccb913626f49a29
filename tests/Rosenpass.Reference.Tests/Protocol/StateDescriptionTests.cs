using Rosenpass.Reference.Protocol;
using static Rosenpass.Reference.Tests.Protocol.DescribedState;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>
/// <see cref="Server.DescribeState"/> is what the "a rejected message changes no state" tests compare, so it must show
/// every part of the state (spec §10) and be deterministic. Each test changes one part through a legitimate operation
/// and checks that the description shows it. Written to kill Stryker's mutants of Server.DescribeState and StateDigest.
/// </summary>
public class StateDescriptionTests
{
    private static string PeerLine(Server server, int index) => Line(server, $"peer {index}:");

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [Fact]
    public void Answering_an_InitHello_changes_only_server_wide_state_and_the_description_shows_it()
    {
        // The responder keeps no per-peer state for an InitHello: only its biscuit counter, keys and send buffer change.
        using var pair = new ServerPair();
        string peerBefore = PeerLine(pair.B, 0);
        string before = pair.B.DescribeState();
        ServerPair.Accept(pair.B, pair.A.Initiate(pair.PeerB));
        Assert.Equal(peerBefore, PeerLine(pair.B, 0));
        Assert.NotEqual(before, pair.B.DescribeState());
    }

    [Fact]
    public void A_handshake_is_described_with_its_ids_step_chaining_key_and_cookie()
    {
        using var pair = new ServerPair();
        pair.A.Initiate(pair.PeerB);
        var h = pair.PeerB.Handshake!;
        string line = PeerLine(pair.A, 0);
        Assert.Contains($"sidi={Hex(h.Sidi)}", line);
        Assert.Contains("next=RespHello", line);
        Assert.Contains($"ck={StateDigest.Fingerprint(h.Ck!.Value)}", line);
        Assert.Contains($"cookie={StateDigest.Fingerprint(h.CookieValue.Expose())}", line);

        var ic = ServerPair.Accept(pair.A, ServerPair.Accept(pair.B, h.StoredMessage).Response!);
        ServerPair.TakeKey(ic);
        string afterRespHello = PeerLine(pair.A, 0);
        Assert.Contains($"sidr={Hex(pair.PeerB.Session!.Sidt)}", afterRespHello); // the responder's sid, now known
        Assert.Contains("next=EmptyData", afterRespHello);
        Assert.Contains(" ck=- ", afterRespHello);
    }

    [Fact]
    public void A_retransmission_changes_the_description()
    {
        // Only the peer's retransmission count and time change: no key, index entry or send buffer does.
        using var pair = new ServerPair();
        pair.A.Initiate(pair.PeerB);
        string before = pair.A.DescribeState();
        pair.Clock.Now = pair.PeerB.Handshake!.RetransmitAt;
        Assert.Single(pair.A.Poll().Events);
        Assert.NotEqual(before, pair.A.DescribeState());
        Assert.Contains($"rt=1@{pair.PeerB.Handshake.RetransmitAt}", PeerLine(pair.A, 0));
    }

    [Fact]
    public void A_session_and_biscuit_used_are_described()
    {
        using var pair = new ServerPair(bInitiates: false);
        pair.Handshake();
        var s = pair.PeerA.Session!;
        string line = PeerLine(pair.B, 0);
        Assert.StartsWith($"peer 0: used={Hex(pair.PeerA.BiscuitUsed)} ", line);
        Assert.NotEqual(new byte[12], pair.PeerA.BiscuitUsed);
        Assert.Contains($"session[Responder sidm={Hex(s.Sidm)} sidt={Hex(s.Sidt)}", line);
        Assert.Contains($"txnm=1 txnt=0 at=0 ck={StateDigest.Fingerprint(s.Ck.Value)}]", line);
    }

    [Fact]
    public void Forgetting_a_cached_InitConf_answer_changes_the_description()
    {
        using var pair = new ServerPair(bInitiates: false);
        pair.Handshake();
        string line = PeerLine(pair.B, 0);
        Assert.Contains($"cached[{StateDigest.Fingerprint(pair.PeerA.CachedResponse!.EmptyData)}@0]", line);
        string before = pair.B.DescribeState();
        pair.Clock.Now = Timing.InitConfCacheTime; // the session lives on; only the cached answer goes
        Assert.Empty(pair.B.Poll().Events);
        Assert.Null(pair.PeerA.CachedResponse);
        Assert.NotEqual(before, pair.B.DescribeState());
    }

    [Fact]
    public void The_index_is_described_in_ascending_session_id_order_whatever_the_insertion_order()
    {
        // A session and a newer handshake give two index entries; equal states must give equal descriptions.
        using var pair = new ServerPair();
        pair.Handshake();
        pair.A.Initiate(pair.PeerB);
        byte[] sessionSid = pair.PeerB.Session!.Sidm, handshakeSid = pair.PeerB.Handshake!.Sidi;
        string[] entries = IndexLine(pair.A)["index ".Length..].Split(',');
        Assert.Equal(2, entries.Length);
        Assert.Equal(entries.Order(StringComparer.Ordinal), entries);
        Assert.Equal(
            new[] { IndexEntry(sessionSid, 0), IndexEntry(handshakeSid, 0) }.Order(StringComparer.Ordinal),
            entries);
    }
}
