namespace Rosenpass.Reference.Protocol;

/// <summary>What a poll produced, and when the server wants to be polled again.</summary>
public sealed record PollResult(IReadOnlyList<ServerEvent> Events, double NextPollAt);

/// <summary>Time-driven behaviour (spec §9): key lifecycles, stale keys, rekeying, retransmission.</summary>
public sealed partial class Server
{
    /// <summary>
    /// Advances every timer to the clock's now (spec §9.5): biscuit keys, cookie secrets, then each peer in
    /// turn: a dead handshake is dropped; a dead session is dropped with a fresh random stale key; a peer we
    /// initiate with and whose session is absent or retired gets a new InitHello; a due retransmission is sent;
    /// an old cached EmptyData is forgotten.
    /// </summary>
    public PollResult Poll()
    {
        double now = _clock.Now;
        _biscuitKeys.EraseExpired(now);
        _cookieSecrets.EraseExpired(now);
        var events = new List<ServerEvent>();
        double next = now + Timing.RejectAfterTime;
        foreach (var peer in _peers)
        {
            next = Math.Min(next, PollPeer(peer, now, events));
        }
        return new PollResult(events, next);
    }

    /// <summary>Runs one peer's timers; returns when this peer next needs attention.</summary>
    private double PollPeer(Peer peer, double now, List<ServerEvent> events)
    {
        if (peer.Handshake?.IsDead(now) == true) DropHandshake(peer);

        if (peer.Session is { } dead && Timing.HasHappened(dead.DieAt, now))
        {
            DropSession(peer);
            events.Add(new KeyStale(peer, Crypto.Secret.Random(Crypto.KeyedHash.OutputLength, _random)));
        }

        if (peer.Initiates && peer.Handshake == null && (peer.Session == null || Timing.HasHappened(peer.Session.RetireAt, now)))
        {
            events.Add(new SendToPeer(peer, Initiate(peer)));
        }

        if (peer.Handshake is { } handshake && Timing.HasHappened(handshake.RetransmitAt, now))
        {
            events.Add(new SendToPeer(peer, Retransmission(handshake)));
            handshake.RetransmitCount++;
            handshake.RetransmitAt = now + Timing.RetransmitDelay(handshake.RetransmitCount, NextUniform());
        }

        if (peer.CachedResponse is { } cached && Timing.HasHappened(cached.ExpiresAt, now))
            peer.CachedResponse = null;

        return NextDeadline(peer);
    }

    private static double NextDeadline(Peer peer)
    {
        double next = double.MaxValue;
        if (peer.Handshake is { } handshake) next = Math.Min(handshake.RetransmitAt, handshake.CreatedAt + Timing.RejectAfterTime);
        if (peer.Session is { } session)
        {
            next = Math.Min(next, session.DieAt);
            if (peer.Initiates && peer.Handshake == null) next = Math.Min(next, session.RetireAt);
        }
        if (peer.CachedResponse is { } cached) next = Math.Min(next, cached.ExpiresAt);
        return next;
    }
}
