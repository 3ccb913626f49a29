using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;
using Rosenpass.Reference.Tests.Protocol;
using Rosenpass.Reference.Tests.Vectors;
using static Rosenpass.Reference.Tests.Mutation.DescribedState;

namespace Rosenpass.Reference.Tests.Mutation;

/// <summary>
/// Session and key state that no message exchange of the other tests exposes: the two sessions of a handshake mirror
/// each other (spec §4.5), crossing handshakes leave one session and a clean index (spec §10.1), cookie secrets are used
/// while alive and erased by the poll (spec §8.3, §9.5), and the server refuses keys of the wrong size.
/// Written to kill Stryker's surviving mutants of Server.cs, Server.Cookies.cs, Server.Timers.cs and RotatingKeys.cs.
/// </summary>
public class SessionStateMutationTests
{
    private static readonly byte[] Host = [.. Enumerable.Range(0, 30).Select(i => (byte)i)];

    [Fact]
    public void The_two_sessions_of_a_handshake_mirror_each_other()
    {
        using var pair = new ServerPair();
        pair.Handshake();
        var initiator = pair.PeerB.Session!;
        var responder = pair.PeerA.Session!;
        Assert.Equal(Role.Initiator, initiator.Role);
        Assert.Equal(Role.Responder, responder.Role);

        // enter_live (spec §4.5): our sid is their peer's sid, our transmit key their receive key.
        Assert.Equal(initiator.Sidm, responder.Sidt);
        Assert.Equal(initiator.Sidt, responder.Sidm);
        Assert.NotEqual(initiator.Sidm, initiator.Sidt);
        Assert.Equal(initiator.Txkm.Expose().ToArray(), responder.Txkt.Expose().ToArray());
        Assert.Equal(initiator.Txkt.Expose().ToArray(), responder.Txkm.Expose().ToArray());
        Assert.NotEqual(initiator.Txkm.Expose().ToArray(), initiator.Txkt.Expose().ToArray());
    }

    [Fact]
    public void An_InitConf_crossing_our_own_handshake_leaves_one_session_and_only_its_id_in_the_index()
    {
        using var pair = new ServerPair();
        // The follower of the tie-break (spec §9.6) takes the leader's InitConf over its own handshake, as upstream does.
        bool bLeads = pair.PeerA.LeadsTieBreak;
        var (follower, leaderAtFollower, leader, followerAtLeader) = bLeads ? (pair.A, pair.PeerB, pair.B, pair.PeerA) : (pair.B, pair.PeerA, pair.A, pair.PeerB);
        byte[] ihFollower = follower.Initiate(leaderAtFollower);
        byte[] ihLeader = leader.Initiate(followerAtLeader);
        byte[] rhFromLeader = ServerPair.Accept(leader, ihFollower).Response!;
        byte[] rhFromFollower = ServerPair.Accept(follower, ihLeader).Response!;
        var icFromLeader = ServerPair.Accept(leader, rhFromFollower);
        ServerPair.TakeKey(icFromLeader);
        ServerPair.TakeKey(ServerPair.Accept(follower, rhFromLeader));
        // The follower now holds an initiator session whose sid its handshake (awaiting EmptyData) still uses.
        byte[] sidi = leaderAtFollower.Handshake!.Sidi;
        Assert.Equal(sidi, leaderAtFollower.Session!.Sidm);

        var ed = ServerPair.Accept(follower, icFromLeader.Response!);
        ServerPair.TakeKey(ed);
        // It answered as responder: that session replaces its own, and its own handshake ends with it.
        Assert.False(leaderAtFollower.HasHandshake);
        Assert.Equal(Role.Responder, leaderAtFollower.Session!.Role);
        Assert.Equal("index " + IndexEntry(leaderAtFollower.Session.Sidm, 0), IndexLine(follower));
    }

    [Fact]
    public void A_replaced_sessions_id_leaves_the_index_while_a_new_handshake_runs()
    {
        using var pair = new ServerPair();
        pair.Handshake();
        byte[] oldSid = pair.PeerB.Session!.Sidm;
        var ic = ServerPair.Accept(pair.A, ServerPair.Accept(pair.B, pair.A.Initiate(pair.PeerB)).Response!);
        ServerPair.TakeKey(ic);
        // a's handshake (awaiting EmptyData) and its new session share one sid; the old session's is gone.
        Assert.Equal("index " + IndexEntry(pair.PeerB.Session!.Sidm, 0), IndexLine(pair.A));
        Assert.DoesNotContain(IndexEntry(oldSid, 0), IndexLine(pair.A));
        // The new handshake still completes.
        ServerPair.Accept(pair.A, ServerPair.Accept(pair.B, ic.Response!).Response!);
        Assert.False(pair.PeerB.HasHandshake);
    }

    /// <summary>The cookie value a CookieReply from a loaded b to a fresh InitHello of a gives a.</summary>
    private static byte[] CookieValueFromReply(ServerPair pair)
    {
        byte[] ih = pair.A.Initiate(pair.PeerB);
        var reply = pair.B.HandleMessage(ih, Host);
        Assert.Equal((byte)MessageType.CookieReply, reply.Response![0]);
        ServerPair.Accept(pair.A, reply.Response);
        return pair.PeerB.Handshake!.CookieValue.Expose().ToArray();
    }

    [Fact]
    public void A_cookie_secret_is_used_through_its_second_epoch_then_replaced()
    {
        // Spec §8.3: a cookie secret is used while it is alive (two epochs), unlike a biscuit key (only while Young).
        using var pair = new ServerPair(loadAtB: FixedLoadPolicy.Always);
        byte[] first = CookieValueFromReply(pair);
        pair.Clock.Now = Timing.CookieSecretEpoch + 1; // retired, still alive
        Assert.Equal(first, CookieValueFromReply(pair));
        pair.Clock.Now = 2 * Timing.CookieSecretEpoch + 1; // dead: another secret
        Assert.NotEqual(first, CookieValueFromReply(pair));
    }

    /// <summary>The description's line of <paramref name="component"/>, e.g. "cookie secrets", without that name.</summary>
    private static string ComponentLine(Server server, string component) => Line(server, component)[(component.Length + 1)..];

    /// <summary>The creation times of the two keys of a rotating pair, as described.</summary>
    private static string[] CreationTimes(Server server, string component) =>
        ComponentLine(server, component).Split(',').Select(k => k.Split(':')[0]).ToArray();

    /// <summary>The fingerprint of key 1 of a rotating pair, as described.</summary>
    private static string Key1Fingerprint(Server server, string component) => ComponentLine(server, component).Split(',')[1].Split(':')[1];

    [Theory]
    [InlineData("cookie secrets", Timing.CookieSecretEpoch, true)]
    [InlineData("biscuit keys", Timing.BiscuitEpoch, false)]
    public void A_poll_erases_a_rotating_key_after_its_two_epochs(string component, double epoch, bool underLoad)
    {
        // Under load an InitHello makes b use a cookie secret (spec §8.3), otherwise a biscuit key (spec §7.2).
        using var pair = new ServerPair(loadAtB: underLoad ? FixedLoadPolicy.Always : FixedLoadPolicy.Never, bInitiates: false);
        Assert.True(pair.B.HandleMessage(pair.A.Initiate(pair.PeerB), Host).Accepted);
        string bce = $"{Timing.Bce}";
        Assert.Equal([bce, "0"], CreationTimes(pair.B, component)); // both start ancient; index 1 is used first
        string used = ComponentLine(pair.B, component);
        string usedKey = Key1Fingerprint(pair.B, component);

        pair.Clock.Now = 2 * epoch - 1;
        pair.B.Poll();
        Assert.Equal(used, ComponentLine(pair.B, component));

        pair.Clock.Now = 2 * epoch + 1;
        pair.B.Poll(); // spec §9.5: re-randomised and marked ancient
        Assert.Equal([bce, bce], CreationTimes(pair.B, component));
        Assert.NotEqual(usedKey, Key1Fingerprint(pair.B, component));
    }

    [Fact]
    public void A_server_refuses_keys_and_peers_of_the_wrong_size()
    {
        byte[] pk = UpstreamVector.Value(UpstreamVector.PeerAPublicKey);
        byte[] sk = UpstreamVector.Value(UpstreamVector.PeerASecretKey);
        Assert.Throws<ArgumentException>(() => new Server(pk[..^1], Secret.CopyOf(sk)));
        Assert.Throws<ArgumentException>(() => new Server(pk, Secret.CopyOf(sk[..^1])));
        using var server = new Server(pk, Secret.CopyOf(sk));
        Assert.Throws<ArgumentException>(() => server.AddPeer(pk[..^1]));
        Assert.Throws<ArgumentException>(() => server.AddPeer(UpstreamVector.Value(UpstreamVector.PeerBPublicKey), new Secret(31)));
        Assert.Empty(server.Peers);
    }
}
