using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>Time-driven behaviour on a fake clock (spec §9).</summary>
public class TimerTests
{
    /// <summary>Jitter that always draws the same byte: 0x00 gives u = 0, 0xff gives u just below 1.</summary>
    private sealed class ConstantRandom(byte value) : IRandomSource
    {
        public void Fill(Span<byte> destination) => destination.Fill(value);
    }

    /// <summary>Polls at each time the server asks for, up to <paramref name="until"/>; returns the events with their times.</summary>
    private static List<(double Time, ServerEvent Event)> RunUntil(ServerPair pair, Server server, double until)
    {
        var seen = new List<(double, ServerEvent)>();
        while (true)
        {
            var result = server.Poll();
            seen.AddRange(result.Events.Select(e => (pair.Clock.Now, e)));
            if (result.NextPollAt > until) return seen;
            pair.Clock.Now = Math.Max(result.NextPollAt, pair.Clock.Now);
        }
    }

    [Theory]
    // delay(n) = 0.5 · 2^min(log2 20, n) · 0.5 · (u + 1): with u = 0 the gaps are 0.25, 0.5, 1, 2, 4, then 5 s.
    [InlineData(0x00, new[] { 0.25, 0.75, 1.75, 3.75, 7.75, 12.75, 17.75 })]
    // With u → 1 each gap doubles (to just below): 0.5, 1, 2, 4, 8, then 10 s.
    [InlineData(0xff, new[] { 0.5, 1.5, 3.5, 7.5, 15.5, 25.5, 35.5 })]
    public void InitHello_is_retransmitted_with_upstreams_backoff(byte jitter, double[] expected)
    {
        using var pair = new ServerPair(jitter: new ConstantRandom(jitter));
        var events = RunUntil(pair, pair.A, expected[^1] + 0.01);
        var sends = events.Where(e => e.Event is SendToPeer).ToList();
        Assert.Equal(0, sends[0].Time); // the initiation itself
        byte[] initHello = ((SendToPeer)sends[0].Event).Datagram;
        var retransmissions = sends.Skip(1).ToList();
        Assert.Equal(expected.Length, retransmissions.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], retransmissions[i].Time, precision: 6);
            Assert.Equal(initHello, ((SendToPeer)retransmissions[i].Event).Datagram); // identical bytes
        }
    }

    [Fact]
    public void An_unanswered_handshake_dies_after_180_s_and_a_new_one_starts()
    {
        using var pair = new ServerPair(jitter: new ConstantRandom(0));
        var events = RunUntil(pair, pair.A, 200);
        var initHellos = events.Select(e => ((SendToPeer)e.Event).Datagram).Distinct(ByteArrayComparer.Instance).ToList();
        Assert.Equal(2, initHellos.Count);
        double second = events.First(e => ((SendToPeer)e.Event).Datagram.SequenceEqual(initHellos[1])).Time;
        Assert.InRange(second, Timing.RejectAfterTime, Timing.RejectAfterTime + 0.01);
    }

    [Fact]
    public void The_responder_rekeys_after_120_s_and_the_initiator_after_130_s()
    {
        using var pair = new ServerPair();
        pair.Handshake();
        pair.Clock.Now = Timing.RekeyAfterTimeResponder - 0.1;
        Assert.Empty(pair.B.Poll().Events);
        Assert.Empty(pair.A.Poll().Events);
        pair.Clock.Now = Timing.RekeyAfterTimeResponder;
        Assert.IsType<SendToPeer>(Assert.Single(pair.B.Poll().Events)); // b, the responder, starts the next handshake
        pair.Clock.Now = Timing.RekeyAfterTimeInitiator - 0.1;
        Assert.Empty(pair.A.Poll().Events);
        pair.Clock.Now = Timing.RekeyAfterTimeInitiator;
        Assert.IsType<SendToPeer>(Assert.Single(pair.A.Poll().Events));
    }

    [Fact]
    public void Roles_alternate_when_the_responder_rekeys_first()
    {
        using var pair = new ServerPair();
        var first = pair.Handshake();
        pair.Clock.Now = Timing.RekeyAfterTimeResponder;
        byte[] ih = ((SendToPeer)Assert.Single(pair.B.Poll().Events)).Datagram;
        var rh = ServerPair.Accept(pair.A, ih);
        var ic = ServerPair.Accept(pair.B, rh.Response!);
        var ed = ServerPair.Accept(pair.A, ic.Response!);
        byte[] key = ServerPair.TakeKey(ic);
        Assert.Equal(key, ServerPair.TakeKey(ed));
        Assert.NotEqual(first.KeyA, key);
        // a's session is now new, so at 130 s a does not initiate.
        pair.Clock.Now = Timing.RekeyAfterTimeInitiator;
        Assert.DoesNotContain(pair.A.Poll().Events, e => e is SendToPeer);
    }

    [Fact]
    public void A_session_without_rekey_goes_stale_after_180_s_with_a_fresh_random_key()
    {
        using var pair = new ServerPair(bInitiates: false);
        var run = pair.Handshake();
        pair.Clock.Now = Timing.RejectAfterTime - 0.1;
        Assert.Empty(pair.B.Poll().Events);
        pair.Clock.Now = Timing.RejectAfterTime;
        var stale = Assert.IsType<KeyStale>(Assert.Single(pair.B.Poll().Events));
        Assert.NotEqual(run.KeyB, stale.Key.Expose().ToArray());
        Assert.Equal(32, stale.Key.Length);
        stale.Key.Dispose();
        Assert.False(pair.PeerA.HasSession);
        Assert.Empty(pair.B.Poll().Events); // once
    }

    [Fact]
    public void A_lost_EmptyData_makes_the_initiator_retransmit_InitConf_which_is_answered_from_the_cache()
    {
        using var pair = new ServerPair(jitter: new ConstantRandom(0));
        byte[] ih = pair.A.Initiate(pair.PeerB);
        var ic = ServerPair.Accept(pair.A, ServerPair.Accept(pair.B, ih).Response!);
        var ed = ServerPair.Accept(pair.B, ic.Response!); // this EmptyData is lost
        ServerPair.TakeKey(ed);
        pair.Clock.Now = 0.25;
        byte[] again = ((SendToPeer)Assert.Single(pair.A.Poll().Events)).Datagram;
        Assert.Equal(ic.Response, again);
        var cached = ServerPair.Accept(pair.B, again);
        Assert.Empty(cached.Events); // no second key
        Assert.Equal(ed.Response, cached.Response);
        ServerPair.Accept(pair.A, cached.Response!);
        Assert.False(pair.PeerB.HasHandshake);
        pair.Clock.Now = 5;
        Assert.Empty(pair.A.Poll().Events);
    }

    [Fact]
    public void Biscuits_stay_valid_while_their_key_lives_and_fail_after_two_epochs()
    {
        using var pair = new ServerPair();
        byte[] ih = pair.A.Initiate(pair.PeerB);
        byte[] ic = ServerPair.Accept(pair.A, ServerPair.Accept(pair.B, ih).Response!).Response!;

        using var later = new ServerPair();
        byte[] ih2 = later.A.Initiate(later.PeerB);
        byte[] ic2 = ServerPair.Accept(later.A, ServerPair.Accept(later.B, ih2).Response!).Response!;

        // A retired key (300-600 s) still opens its biscuits; a new biscuit key is made meanwhile.
        pair.Clock.Now = Timing.BiscuitEpoch + 100;
        pair.B.Poll();
        Assert.True(pair.B.HandleMessage(ic).Accepted);

        later.Clock.Now = 2 * Timing.BiscuitEpoch + 1;
        later.B.Poll();
        Assert.Equal(RejectionKind.BadBiscuit, later.B.HandleMessage(ic2).Rejection?.Kind);
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static ByteArrayComparer Instance { get; } = new();
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] obj) => obj.Length == 0 ? 0 : obj[0] | obj[^1] << 8;
    }
}
