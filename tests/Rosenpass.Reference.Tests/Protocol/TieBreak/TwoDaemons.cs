using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Tests.Protocol.TieBreak;

/// <summary>
/// How the simulated network and the two daemons behave in one run of <see cref="TwoDaemons"/>. Times in seconds.
/// </summary>
/// <param name="Seed">Drives keys, jitter, losses and delays.</param>
/// <param name="StartB">When b's daemon starts (a's starts at 0); datagrams to a daemon that has not started are lost.</param>
/// <param name="LossFrom">Start of the window in which datagrams are lost.</param>
/// <param name="LossUntil">End of that window; afterwards every datagram arrives.</param>
/// <param name="LossRate">Probability that a datagram in the window is lost.</param>
/// <param name="MaxDelay">Each datagram takes a uniform delay in (0, MaxDelay]: later ones can overtake earlier ones.</param>
/// <param name="ForcedRekeyAt">If set, a starts a handshake at this time and b at this time plus <paramref name="ForcedRekeyOffsetB"/>, as an application asking both to rekey at once.</param>
/// <param name="ForcedRekeyOffsetB">See <paramref name="ForcedRekeyAt"/>.</param>
/// <param name="TieBreakA">Whether a applies the tie-break (spec §9.6); off plays an upstream peer.</param>
/// <param name="TieBreakB">Whether b applies it.</param>
public sealed record NetworkPlan(int Seed, double StartB, double LossFrom, double LossUntil, double LossRate, double MaxDelay,
    double? ForcedRekeyAt = null, double ForcedRekeyOffsetB = 0, bool TieBreakA = true, bool TieBreakB = true)
{
    /// <summary>After this, nothing is lost any more and no forced rekey is pending.</summary>
    public double CalmFrom => Math.Max(Math.Max(LossUntil, StartB), (ForcedRekeyAt ?? 0) + Math.Max(0, ForcedRekeyOffsetB));
}

/// <summary>
/// Two daemons that both have the other's endpoint (both initiate), on one fake clock, joined by a lossy, reordering
/// network: the situation of two hosts booted at once. It runs the servers as the CLI's event loop does (poll when
/// asked, poll again after every accepted datagram, answer to the sender) and records every key each side announces.
/// At every quiescent moment after <see cref="NetworkPlan.CalmFrom"/> (no datagram in flight, no handshake in progress
/// on either side) it records whether both sides' last announced keys are equal.
/// </summary>
public sealed class TwoDaemons : IDisposable
{
    private readonly NetworkPlan _plan;
    private readonly SeededRandom _network;
    private readonly ManualClock _clock = new();
    private readonly Node[] _nodes = new Node[2];
    private readonly PriorityQueue<(int To, byte[] Datagram), (double At, long Order)> _inFlight = new();
    private long _order;

    private sealed class Node(Server server, Peer peer, double startAt)
    {
        public Server Server { get; } = server;
        public Peer Peer { get; } = peer;
        public double StartAt { get; } = startAt;
        public double NextPoll { get; set; } = startAt;
        public List<string> Keys { get; } = [];
        public List<double> InitiatorKeysAt { get; } = [];
    }

    public TwoDaemons(NetworkPlan plan)
    {
        _plan = plan;
        _network = new SeededRandom(plan.Seed);
        var keyRandom = new SeededRandom(plan.Seed ^ 0x5eed);
        var kem = new ToyStaticKem(keyRandom);
        var (pkA, skA) = KeyPair(kem);
        var (pkB, skB) = KeyPair(kem);
        _nodes[0] = MakeNode(pkA, skA, pkB, plan.TieBreakA, 0, plan.Seed * 2 + 1);
        _nodes[1] = MakeNode(pkB, skB, pkA, plan.TieBreakB, plan.StartB, plan.Seed * 2 + 2);
    }

    /// <summary>Quiescent moments after the calm began at which the two last keys were compared.</summary>
    public int Checks { get; private set; }

    /// <summary>Those of <see cref="Checks"/> at which the keys differed.</summary>
    public int Disagreements { get; private set; }

    /// <summary>What the first disagreement looked like, for the failure message.</summary>
    public string? FirstDisagreement { get; private set; }

    /// <summary>Whether a's peer id is the greater one (a would lead the tie-break), whether or not anyone applies it.</summary>
    public bool AHasGreaterId => _nodes[1].Peer.PeerId.AsSpan().SequenceCompareTo(_nodes[0].Peer.PeerId) > 0;

    /// <summary>The times at which a side announced a key as initiator (0 = a, 1 = b).</summary>
    public IReadOnlyList<double> InitiatorKeysAt(int side) => _nodes[side].InitiatorKeysAt;

    /// <summary>Every key a side announced, in order (as hex).</summary>
    public IReadOnlyList<string> Keys(int side) => _nodes[side].Keys;

    private Node MakeNode(byte[] ownPk, Secret ownSk, byte[] peerPk, bool tieBreak, double startAt, int seed)
    {
        var random = new SeededRandom(seed);
        var server = new Server(ownPk, ownSk, new ServerOptions
        {
            Clock = _clock, Random = random, Jitter = new SeededRandom(seed + 1000), StaticKem = new ToyStaticKem(random), TieBreak = tieBreak,
        });
        return new Node(server, server.AddPeer(peerPk), startAt);
    }

    private static (byte[] Pk, Secret Sk) KeyPair(IKem kem)
    {
        var pk = new byte[kem.PublicKeyLength];
        var sk = new Secret(kem.SecretKeyLength);
        kem.GenerateKeyPair(pk, sk.Expose());
        return (pk, sk);
    }

    /// <summary>Runs the simulation up to <paramref name="until"/> seconds.</summary>
    public void Run(double until)
    {
        bool rekeyA = _plan.ForcedRekeyAt != null, rekeyB = rekeyA;
        while (true)
        {
            double next = Math.Min(_nodes[0].NextPoll, _nodes[1].NextPoll);
            if (_inFlight.TryPeek(out _, out var head)) next = Math.Min(next, head.At);
            if (rekeyA) next = Math.Min(next, _plan.ForcedRekeyAt!.Value);
            if (rekeyB) next = Math.Min(next, _plan.ForcedRekeyAt!.Value + _plan.ForcedRekeyOffsetB);
            if (next > until) return;
            _clock.Now = Math.Max(_clock.Now, next);

            if (rekeyA && _plan.ForcedRekeyAt <= _clock.Now) { rekeyA = false; Initiate(0); }
            else if (rekeyB && _plan.ForcedRekeyAt + _plan.ForcedRekeyOffsetB <= _clock.Now) { rekeyB = false; Initiate(1); }
            else if (_inFlight.TryPeek(out _, out head) && head.At <= _clock.Now) Deliver();
            else if (_nodes[0].NextPoll <= _clock.Now) Poll(0);
            else Poll(1);
            CheckIfQuiescent();
        }
    }

    private bool Started(int side) => _clock.Now >= _nodes[side].StartAt;

    private void Initiate(int side)
    {
        var node = _nodes[side];
        if (!Started(side)) return;
        Send(side, node.Server.Initiate(node.Peer));
        node.NextPoll = _clock.Now;
    }

    private void Poll(int side)
    {
        var node = _nodes[side];
        var result = node.Server.Poll();
        foreach (var e in result.Events) Handle(side, e, null);
        node.NextPoll = Math.Max(result.NextPollAt, _clock.Now + 1e-6);
    }

    private void Deliver()
    {
        var (to, datagram) = _inFlight.Dequeue();
        if (!Started(to)) return; // no daemon listening yet
        var node = _nodes[to];
        var outcome = node.Server.HandleMessage(datagram);
        if (!outcome.Accepted) return;
        if (outcome.Response is { } response) Send(to, response);
        foreach (var e in outcome.Events) Handle(to, e, outcome.Type);
        node.NextPoll = _clock.Now; // an accepted message can start or end a handshake: poll again
    }

    private void Handle(int side, ServerEvent e, Rosenpass.Reference.Protocol.Messages.MessageType? cause)
    {
        var node = _nodes[side];
        switch (e)
        {
            case SendToPeer send:
                Send(side, send.Datagram);
                break;
            case KeyExchanged exchanged:
                using (exchanged.Key) node.Keys.Add(Convert.ToHexString(exchanged.Key.Expose()));
                if (cause == Rosenpass.Reference.Protocol.Messages.MessageType.RespHello) node.InitiatorKeysAt.Add(_clock.Now);
                break;
            case KeyStale stale:
                using (stale.Key) node.Keys.Add("stale:" + Convert.ToHexString(stale.Key.Expose()));
                break;
        }
    }

    private void Send(int from, byte[] datagram)
    {
        double now = _clock.Now;
        if (now >= _plan.LossFrom && now < _plan.LossUntil && _network.NextDouble() < _plan.LossRate) return;
        double delay = 1e-4 + _network.NextDouble() * _plan.MaxDelay;
        _inFlight.Enqueue((1 - from, datagram), (now + delay, _order++));
    }

    private void CheckIfQuiescent()
    {
        if (_clock.Now < _plan.CalmFrom || _inFlight.Count > 0) return;
        if (_nodes.Any(n => n.Peer.HasHandshake || n.Keys.Count == 0)) return;
        string a = _nodes[0].Keys[^1], b = _nodes[1].Keys[^1];
        if (Checks > 0 && _lastChecked == (a, b)) return; // the same quiet state as the previous check
        _lastChecked = (a, b);
        Checks++;
        if (a == b) return;
        Disagreements++;
        FirstDisagreement ??= $"at {_clock.Now:F3} s: a announced {_nodes[0].Keys.Count} keys, b {_nodes[1].Keys.Count}; last a {a[..8]}, last b {b[..8]}";
    }

    private (string, string) _lastChecked;

    public void Dispose()
    {
        foreach (var node in _nodes) node.Server.Dispose();
    }
}
