using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Tests.Protocol.TieBreak;

/// <summary>
/// The two rules of the tie-break (spec §9.6), each in the one situation it is for, with upstream's keys: the leader
/// is the side whose peer id is the greater. Each rejection changes no state (spec §10.6).
/// </summary>
public class TieBreakRulesTests
{
    /// <summary>Two handshakes started at once and answered crosswise, up to both InitConfs.</summary>
    private sealed class Crossed : IDisposable
    {
        public Crossed()
        {
            bool bLeads = Pair.PeerA.LeadsTieBreak;
            (Follower, LeaderAtFollower, Leader, FollowerAtLeader) = bLeads
                ? (Pair.A, Pair.PeerB, Pair.B, Pair.PeerA)
                : (Pair.B, Pair.PeerA, Pair.A, Pair.PeerB);
            FollowerInitHello = Follower.Initiate(LeaderAtFollower);
            byte[] ihLeader = Leader.Initiate(FollowerAtLeader);
            RespHelloFromLeader = ServerPair.Accept(Leader, FollowerInitHello).Response!;
            byte[] rhFromFollower = ServerPair.Accept(Follower, ihLeader).Response!;
            LeaderInitConf = ServerPair.Accept(Leader, rhFromFollower);
            LeaderKey = ServerPair.TakeKey(LeaderInitConf);
        }

        public ServerPair Pair { get; } = new();
        public Server Leader { get; }
        public Server Follower { get; }
        public Peer LeaderAtFollower { get; }
        public Peer FollowerAtLeader { get; }
        public byte[] FollowerInitHello { get; }
        public byte[] RespHelloFromLeader { get; }
        public HandleOutcome LeaderInitConf { get; }
        public byte[] LeaderKey { get; }

        public void Dispose() => Pair.Dispose();
    }

    private static void AssertRefusedWithoutChange(Server server, byte[] message)
    {
        string before = server.DescribeState();
        var outcome = server.HandleMessage(message);
        Assert.Equal(RejectionKind.ConcurrentHandshake, outcome.Rejection?.Kind);
        Assert.Null(outcome.Response);
        Assert.Empty(outcome.Events);
        Assert.Equal(before, server.DescribeState());
    }

    [Fact]
    public void Exactly_one_side_leads()
    {
        using var pair = new ServerPair();
        Assert.NotEqual(pair.PeerA.LeadsTieBreak, pair.PeerB.LeadsTieBreak);
    }

    [Fact]
    public void Rule_2_the_leader_does_not_take_an_InitConf_whose_biscuit_predates_its_own_key()
    {
        using var c = new Crossed();
        var followerInitConf = ServerPair.Accept(c.Follower, c.RespHelloFromLeader);
        ServerPair.TakeKey(followerInitConf);
        AssertRefusedWithoutChange(c.Leader, followerInitConf.Response!);
        // The follower takes the leader's key, which ends its own handshake (ICR7): both hold the leader's key.
        var ed = ServerPair.Accept(c.Follower, c.LeaderInitConf.Response!);
        Assert.Equal(c.LeaderKey, ServerPair.TakeKey(ed));
        Assert.False(c.LeaderAtFollower.HasHandshake);
        ServerPair.Accept(c.Leader, ed.Response!);
        Assert.False(c.FollowerAtLeader.HasHandshake);
        Assert.Equal(Role.Initiator, c.FollowerAtLeader.Session!.Role);
        Assert.Equal(Role.Responder, c.LeaderAtFollower.Session!.Role);
    }

    [Fact]
    public void Rule_1_the_leader_does_not_answer_an_InitHello_while_its_own_handshake_awaits_EmptyData()
    {
        using var c = new Crossed();
        AssertRefusedWithoutChange(c.Leader, c.FollowerInitHello); // a retransmission of it, arriving late
        ServerPair.Accept(c.Leader, ServerPair.Accept(c.Follower, c.LeaderInitConf.Response!).Response!);
        // Our handshake has ended: the same InitHello is answered again.
        Assert.NotNull(ServerPair.Accept(c.Leader, c.FollowerInitHello).Response);
    }
}
