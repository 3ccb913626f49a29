using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;
using Rosenpass.Reference.Tests.Vectors;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>
/// Timer details of spec §9 beside Protocol/TimerTests.cs: the retransmission formula and the event grace at their
/// edges, which peers a poll initiates with, the exact next-poll time, the moment a handshake dies. Written to kill
/// Stryker's mutants of Server.Timers.cs and Timing.cs; every expected time follows from the constants of spec §9.1.
/// </summary>
public sealed class TimerEdgeTests : IDisposable
{
    /// <summary>Jitter of all-zero bytes: u = 0, so every retransmission delay is the low end of its §9.2 range.</summary>
    private sealed class ZeroJitter : IRandomSource
    {
        public void Fill(Span<byte> destination) => destination.Clear();
    }

    private readonly ManualClock _clock = new();
    private readonly Server _a;
    private readonly Server _b;
    private readonly Peer _peerB;

    public TimerEdgeTests()
    {
        _a = NewServer(UpstreamVector.PeerAPublicKey, UpstreamVector.PeerASecretKey);
        _b = NewServer(UpstreamVector.PeerBPublicKey, UpstreamVector.PeerBSecretKey);
        _peerB = _a.AddPeer(_b.PublicKey, version: ProtocolVersion.V03);
        _b.AddPeer(_a.PublicKey, version: ProtocolVersion.V03, initiates: false);
    }

    private Server NewServer(int pk, int sk) =>
        new(UpstreamVector.Value(pk), Secret.CopyOf(UpstreamVector.Value(sk)), new ServerOptions { Clock = _clock, Jitter = new ZeroJitter() });

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    private PollResult PollAt(Server server, double now)
    {
        _clock.Now = now;
        return server.Poll();
    }

    private static byte[] Sent(ServerEvent e) => Assert.IsType<SendToPeer>(e).Datagram;

    /// <summary>A full handshake a → b at the clock's now.</summary>
    private (byte[] InitConf, byte[] EmptyData) Handshake()
    {
        var rh = _b.HandleMessage(_a.Initiate(_peerB));
        var ic = _a.HandleMessage(rh.Response!);
        var ed = _b.HandleMessage(ic.Response!);
        var done = _a.HandleMessage(ed.Response!);
        Assert.True(rh.Accepted && ic.Accepted && ed.Accepted && done.Accepted);
        foreach (var e in ic.Events.Concat(ed.Events).OfType<KeyExchanged>()) e.Key.Dispose();
        return (ic.Response!, ed.Response!);
    }

    [Theory]
    [InlineData(0, 0.0, 0.25)]
    [InlineData(1, 0.0, 0.5)]
    [InlineData(2, 0.0, 1.0)]
    [InlineData(3, 0.0, 2.0)]
    [InlineData(4, 0.0, 4.0)]
    [InlineData(5, 0.0, 5.0)]
    [InlineData(50, 0.0, 5.0)]
    [InlineData(0, 0.5, 0.375)]
    [InlineData(5, 0.5, 7.5)]
    public void Retransmit_delay_is_the_formula_of_spec_9_2(int count, double uniform, double expected) =>
        Assert.Equal(expected, Timing.RetransmitDelay(count, uniform), 9);

    [Theory]
    [InlineData(10.0, 10.0, true)]
    [InlineData(9.0, 10.0, true)]
    [InlineData(10.002, 10.0, true)]
    [InlineData(10.003, 10.0, false)]
    [InlineData(0.0025, 0.0, false)] // exactly the grace: not yet (strictly less than, spec §9.1)
    [InlineData(11.0, 10.0, false)]
    public void An_event_has_happened_within_the_grace_of_spec_9_1(double eventTime, double now, bool expected) =>
        Assert.Equal(expected, Timing.HasHappened(eventTime, now));

    [Fact]
    public void A_first_poll_initiates_with_an_initiating_peer_only()
    {
        var polled = PollAt(_a, 0);
        var initHello = Sent(Assert.Single(polled.Events));
        Assert.Equal((byte)MessageType.InitHello, initHello[0]);
        Assert.Equal(InitHello.Length, initHello.Length);
        Assert.Same(_peerB, polled.Events[0].Peer);
        Assert.True(_peerB.HasHandshake);
        Assert.True(_b.HandleMessage(initHello).Accepted);
        Assert.Equal(0.25, polled.NextPollAt, 9);

        // b's peer does not initiate: nothing to do, and the next poll is REJECT_AFTER_TIME ahead.
        var idle = PollAt(_b, 0);
        Assert.Empty(idle.Events);
        Assert.Equal(Timing.RejectAfterTime, idle.NextPollAt, 9);
    }

    [Fact]
    public void A_handshake_just_before_its_death_is_kept()
    {
        _a.Initiate(_peerB);
        PollAt(_a, Timing.RejectAfterTime - 0.01);
        Assert.True(_peerB.HasHandshake);
    }

    [Fact]
    public void The_next_poll_is_at_the_nearest_deadline()
    {
        _a.Initiate(_peerB);
        Assert.Equal(0.25, PollAt(_a, 0).NextPollAt, 9); // the first retransmission
        _clock.Now = 0;
        Handshake();
        Assert.Equal(Timing.RekeyAfterTimeInitiator, PollAt(_a, 1).NextPollAt, 9); // a's session retires
        Assert.Equal(Timing.InitConfCacheTime, PollAt(_b, 1).NextPollAt, 9); // b's cached EmptyData expires
        Assert.Equal(Timing.RejectAfterTime, PollAt(_b, Timing.InitConfCacheTime).NextPollAt, 9); // b's session dies
    }

    [Fact]
    public void A_responder_that_does_not_initiate_only_drops_its_session_at_180_s()
    {
        Handshake();
        Assert.Equal(Timing.InitConfCacheTime, PollAt(_b, 1).NextPollAt, 9);
        Assert.Empty(PollAt(_b, Timing.RekeyAfterTimeResponder + 1).Events);
        var stale = PollAt(_b, Timing.RejectAfterTime);
        var keyStale = Assert.IsType<KeyStale>(Assert.Single(stale.Events));
        keyStale.Key.Dispose();
    }
}
