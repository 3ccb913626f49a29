using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>
/// The protocol's state-disruption and replay guarantees (spec §6, §7.3, §9.4): an attacker who replays
/// recorded messages cannot end, alter or block a session, and cannot make a key be output twice.
/// </summary>
public class StateDisruptionTests
{
    [Fact]
    public void Replayed_InitHello_at_every_point_never_alters_a_session_nor_the_next_handshake()
    {
        using var pair = new ServerPair();
        byte[] ih = pair.A.Initiate(pair.PeerB);
        // During the handshake: the stateless responder answers each replay with a fresh RespHello and keeps no state.
        byte[] rh = ServerPair.Accept(pair.B, ih).Response!;
        for (int i = 0; i < 3; i++) Assert.Empty(ServerPair.Accept(pair.B, ih).Events);
        // Even an answer to a replay that reaches the initiator first only completes the same handshake:
        // the responder made it, so its biscuit is good.
        byte[] replayAnswer = ServerPair.Accept(pair.B, ih).Response!;
        var ic = ServerPair.Accept(pair.A, replayAnswer);
        Assert.Equal(RejectionKind.UnexpectedMessage, pair.A.HandleMessage(rh).Rejection?.Kind);
        Replay(pair, ih, times: 3);
        var ed = ServerPair.Accept(pair.B, ic.Response!);
        ServerPair.Accept(pair.A, ed.Response!);
        byte[] keyA = ServerPair.TakeKey(ic), keyB = ServerPair.TakeKey(ed);
        Assert.Equal(keyA, keyB);

        // After the session is up: replays change neither side's session.
        string sessionA = pair.A.DescribeState();
        Replay(pair, ih, times: 5);
        Assert.Equal(sessionA, pair.A.DescribeState());
        Assert.True(pair.PeerA.HasSession);

        // The next handshake still completes, with replays of the old InitHello mixed in.
        byte[] ih2 = pair.A.Initiate(pair.PeerB);
        Replay(pair, ih, times: 2);
        var rh2 = ServerPair.Accept(pair.B, ih2);
        var ic2 = ServerPair.Accept(pair.A, rh2.Response!);
        var ed2 = ServerPair.Accept(pair.B, ic2.Response!);
        Assert.Equal(ServerPair.TakeKey(ic2), ServerPair.TakeKey(ed2));
    }

    /// <summary>Replays <paramref name="ih"/> to the responder and forwards each answer to the initiator, which must refuse it.</summary>
    private static void Replay(ServerPair pair, byte[] ih, int times)
    {
        for (int i = 0; i < times; i++)
        {
            var answer = pair.B.HandleMessage(ih);
            Assert.True(answer.Accepted);
            Assert.Empty(answer.Events); // the stateless responder makes no session and no key from an InitHello
            var atA = pair.A.HandleMessage(answer.Response!);
            Assert.False(atA.Accepted);
            Assert.Empty(atA.Events);
        }
    }

    [Fact]
    public void Replayed_InitConf_yields_the_cached_EmptyData_and_never_a_second_key()
    {
        using var pair = new ServerPair();
        var run = pair.Handshake();
        for (int i = 0; i < 3; i++)
        {
            var again = ServerPair.Accept(pair.B, run.InitConf);
            Assert.Empty(again.Events);
            Assert.Equal(run.EmptyData, again.Response);
        }
    }

    [Fact]
    public void Replayed_InitConf_after_the_cache_expired_is_a_replayed_biscuit()
    {
        using var pair = new ServerPair(bInitiates: false);
        var run = pair.Handshake();
        pair.Clock.Advance(Timing.InitConfCacheTime + 1);
        pair.B.Poll();
        string before = pair.B.DescribeState();
        var outcome = pair.B.HandleMessage(run.InitConf);
        Assert.Equal(RejectionKind.ReplayedBiscuit, outcome.Rejection?.Kind);
        Assert.Equal(before, pair.B.DescribeState());
    }

    [Fact]
    public void An_expired_cached_answer_is_not_used_even_before_a_poll()
    {
        using var pair = new ServerPair(bInitiates: false);
        var run = pair.Handshake();
        pair.Clock.Advance(Timing.InitConfCacheTime + 1); // no poll in between
        Assert.Equal(RejectionKind.ReplayedBiscuit, pair.B.HandleMessage(run.InitConf).Rejection?.Kind);
    }

    [Fact]
    public void An_older_InitConf_replayed_after_a_newer_handshake_is_a_replayed_biscuit()
    {
        using var pair = new ServerPair();
        var first = pair.Handshake();
        var second = pair.Handshake();
        var outcome = pair.B.HandleMessage(first.InitConf);
        Assert.Equal(RejectionKind.ReplayedBiscuit, outcome.Rejection?.Kind);
        Assert.Empty(outcome.Events);
        Assert.Equal(second.KeyA, second.KeyB);
    }

    [Fact]
    public void Replayed_RespHello_is_rejected()
    {
        using var pair = new ServerPair();
        byte[] ih = pair.A.Initiate(pair.PeerB);
        byte[] rh = pair.B.HandleMessage(ih).Response!;
        ServerPair.Accept(pair.A, rh);
        // Waiting for EmptyData: the handshake is past RespHello.
        Assert.Equal(RejectionKind.UnexpectedMessage, pair.A.HandleMessage(rh).Rejection?.Kind);
        var run = pair.Handshake();
        // After a later handshake completed, the old sid names nothing.
        Assert.Equal(RejectionKind.UnknownSession, pair.A.HandleMessage(rh).Rejection?.Kind);
        // The latest handshake's sid is its session's: known, but no handshake awaits a RespHello.
        Assert.Equal(RejectionKind.UnexpectedMessage, pair.A.HandleMessage(run.RespHello).Rejection?.Kind);
    }

    [Fact]
    public void Replayed_EmptyData_is_rejected()
    {
        using var pair = new ServerPair();
        var run = pair.Handshake();
        // The sid is still registered (it is the session's sidm), but no handshake awaits EmptyData (spec §10.6).
        Assert.Equal(RejectionKind.UnexpectedMessage, pair.A.HandleMessage(run.EmptyData).Rejection?.Kind);
    }

    [Fact]
    public void Completing_as_responder_ends_our_own_initiation_with_that_peer()
    {
        using var pair = new ServerPair();
        pair.B.Initiate(pair.PeerA); // b had started its own handshake with a
        Assert.True(pair.PeerA.HasHandshake);
        var run = pair.Handshake(); // but a's handshake completes first
        Assert.False(pair.PeerA.HasHandshake);
        Assert.Equal(run.KeyA, run.KeyB);
    }
}
