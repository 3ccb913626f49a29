using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;
using Rosenpass.Reference.Tests.Vectors;

namespace Rosenpass.Reference.Tests.Mutation;

/// <summary>
/// The timers of spec §9 through <see cref="Server.Poll"/>: retransmission delays (§9.2), handshake death, rekey and
/// reject-after (§9.3), the InitConf response cache (§9.4). Written to kill Stryker's mutants of Server.Timers.cs
/// and Timing.cs; every expected time is computed from the constants of spec §9.1.
/// </summary>
public sealed class TimerMutationTests : IDisposable
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

    public TimerMutationTests()
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
    public void InitHello_is_retransmitted_byte_for_byte_with_growing_delays()
    {
        byte[] initHello = _a.Initiate(_peerB);
        Assert.Empty(PollAt(_a, 0.2).Events);
        Assert.Equal(0.25, _a.Poll().NextPollAt, 9);

        double at = 0.25;
        foreach (double delay in new[] { 0.5, 1.0, 2.0, 4.0, 5.0, 5.0 })
        {
            var polled = PollAt(_a, at);
            Assert.Equal(initHello, Sent(Assert.Single(polled.Events)));
            at += delay;
            Assert.Equal(at, polled.NextPollAt, 9);
            Assert.Empty(PollAt(_a, at - 0.01).Events);
        }
    }

    [Fact]
    public void A_dead_handshake_is_replaced_by_a_new_InitHello()
    {
        byte[] first = _a.Initiate(_peerB);
        var polled = PollAt(_a, Timing.RejectAfterTime);
        byte[] second = Sent(Assert.Single(polled.Events));
        Assert.Equal((byte)MessageType.InitHello, second[0]);
        Assert.NotEqual(first[4..8], second[4..8]); // a new sidi (spec §6.1, IHI2)
        Assert.Equal(Timing.RejectAfterTime + 0.25, polled.NextPollAt, 9);
        // The old handshake is gone: b's answer to the first InitHello no longer matches anything at a.
        var answer = _b.HandleMessage(first);
        Assert.True(answer.Accepted);
        Assert.Equal(RejectionKind.UnknownSession, _a.HandleMessage(answer.Response!).Rejection?.Kind);
    }

    [Fact]
    public void A_handshake_just_before_its_death_is_kept()
    {
        _a.Initiate(_peerB);
        PollAt(_a, Timing.RejectAfterTime - 0.01);
        Assert.True(_peerB.HasHandshake);
    }

    [Fact]
    public void The_initiator_rekeys_at_130_s_and_the_key_goes_stale_at_180_s()
    {
        Handshake();
        var quiet = PollAt(_a, 1);
        Assert.Empty(quiet.Events);
        Assert.Equal(Timing.RekeyAfterTimeInitiator, quiet.NextPollAt, 9);
        Assert.Empty(PollAt(_a, Timing.RekeyAfterTimeInitiator - 0.01).Events);

        var rekey = PollAt(_a, Timing.RekeyAfterTimeInitiator);
        Assert.Equal((byte)MessageType.InitHello, Sent(Assert.Single(rekey.Events))[0]);
        Assert.True(_peerB.HasSession);

        var stale = PollAt(_a, Timing.RejectAfterTime);
        var keyStale = Assert.IsType<KeyStale>(stale.Events[0]);
        Assert.Equal(32, keyStale.Key.Length);
        Assert.False(keyStale.Key.Expose().SequenceEqual(new byte[32]));
        keyStale.Key.Dispose();
        Assert.False(_peerB.HasSession);
    }

    [Fact]
    public void The_responder_rekeys_at_120_s_when_it_initiates()
    {
        using var b = NewServer(UpstreamVector.PeerBPublicKey, UpstreamVector.PeerBSecretKey);
        var peerA = b.AddPeer(_a.PublicKey, version: ProtocolVersion.V03);
        var rh = b.HandleMessage(_a.Initiate(_peerB));
        var ic = _a.HandleMessage(rh.Response!);
        var ed = b.HandleMessage(ic.Response!);
        foreach (var e in ic.Events.Concat(ed.Events).OfType<KeyExchanged>()) e.Key.Dispose();
        Assert.True(peerA.HasSession);

        Assert.Equal(Timing.RekeyAfterTimeResponder, PollAt(b, 1).NextPollAt, 9);
        Assert.Empty(PollAt(b, Timing.RekeyAfterTimeResponder - 0.01).Events);
        var rekey = PollAt(b, Timing.RekeyAfterTimeResponder);
        Assert.Equal((byte)MessageType.InitHello, Sent(Assert.Single(rekey.Events))[0]);
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

    [Fact]
    public void A_retransmitted_InitConf_gets_the_cached_EmptyData_until_the_cache_expires()
    {
        var (initConf, emptyData) = Handshake();

        var early = _b.HandleMessage(PollAndReturn(_b, Timing.InitConfCacheTime - 1, initConf));
        Assert.True(early.Accepted);
        Assert.Equal(emptyData, early.Response);
        Assert.Empty(early.Events); // no key event for a cached answer (spec §9.4)

        var late = _b.HandleMessage(PollAndReturn(_b, Timing.InitConfCacheTime, initConf));
        Assert.Equal(RejectionKind.ReplayedBiscuit, late.Rejection?.Kind);
    }

    private byte[] PollAndReturn(Server server, double now, byte[] message)
    {
        foreach (var e in PollAt(server, now).Events.OfType<KeyStale>()) e.Key.Dispose();
        return message;
    }

    [Fact]
    public void Biscuit_keys_expire_two_epochs_after_use()
    {
        // A biscuit made at t = 0 opens while its key lives (Young 300 s, Retired 300 s more, spec §7.2), not after.
        var rh = _b.HandleMessage(_a.Initiate(_peerB));
        var initConf = _a.HandleMessage(rh.Response!);
        foreach (var e in initConf.Events.OfType<KeyExchanged>()) e.Key.Dispose();

        PollAt(_b, 2 * Timing.BiscuitEpoch);
        Assert.Equal(RejectionKind.BadBiscuit, _b.HandleMessage(initConf.Response!).Rejection?.Kind);
    }

    [Fact]
    public void A_biscuit_key_in_its_second_epoch_still_opens_biscuits()
    {
        var rh = _b.HandleMessage(_a.Initiate(_peerB));
        var initConf = _a.HandleMessage(rh.Response!);
        foreach (var e in initConf.Events.OfType<KeyExchanged>()) e.Key.Dispose();

        PollAt(_b, 2 * Timing.BiscuitEpoch - 1);
        var ed = _b.HandleMessage(initConf.Response!);
        Assert.True(ed.Accepted, ed.ToString());
        foreach (var e in ed.Events.OfType<KeyExchanged>()) e.Key.Dispose();
    }
}
