using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// How a scenario writes a case: it makes servers and runs steps on them with deterministic sources; every draw,
/// KEM result and output is recorded into the case. A step whose outcome differs from what the scenario states
/// (e.g. another rejection kind than spec §10.6 prescribes) stops generation: the vectors only say what the
/// scenario author and the implementation agree on.
/// </summary>
internal sealed class CaseBuilder : IDisposable
{
    private readonly CaseRunner _runner;
    private readonly byte[] _seed;
    private readonly List<ServerSetup> _servers = [];
    private readonly List<VectorStep> _steps = [];
    private readonly string _id;

    public CaseBuilder(KeyRing keys, string id)
    {
        _runner = new CaseRunner(keys);
        _id = id;
        _seed = SeededRandom.SeedFor("rosenpass reference vectors case " + id);
    }

    /// <summary>The clock value of the next steps.</summary>
    public double Clock { get; set; }

    /// <summary>Makes a server with static key <paramref name="key"/> and <paramref name="peers"/>.</summary>
    public void Server(string name, string key, bool underLoad, params PeerSetup[] peers) =>
        Server(name, key, underLoad, null, peers);

    /// <summary>
    /// Makes <paramref name="name"/> as a twin of server <paramref name="of"/> as it is now: the same static key, the cookie
    /// secrets drawn at construction, and the biscuit keys (a biscuit key redrawn in a step, spec §7.2, replaces the one
    /// drawn at construction), but with other <paramref name="peers"/>.
    /// </summary>
    public void Twin(string name, string of, params PeerSetup[] peers)
    {
        var original = _servers.Single(s => s.Name == of);
        var draws = original.ConstructionRandom.Select(d => Convert.FromHexString(d.Value)).ToList();
        int firstBiscuitKey = original.ConstructionRandom.FindIndex(d => d.Label == "biscuit_key");
        // RotatingKeys redraws key 1 at its first use (both start ancient, index 1 counts as older), then alternates.
        int slot = 1;
        foreach (var redrawn in _steps.Where(s => s.Server == of).SelectMany(s => s.Injected.Random).Where(d => d.Label == "biscuit_key"))
        {
            draws[firstBiscuitKey + slot] = Convert.FromHexString(redrawn.Value);
            slot = 1 - slot;
        }
        Server(name, original.StaticKey, original.UnderLoad, draws, peers);
    }

    private void Server(string name, string key, bool underLoad, IReadOnlyList<byte[]>? constructionDraws, PeerSetup[] peers)
    {
        var sources = new RecordingSources(_seed, name, constructionDraws);
        var construction = new List<Draw>();
        var setup = new ServerSetup { Name = name, StaticKey = key, UnderLoad = underLoad, ConstructionRandom = construction, Peers = [.. peers] };
        _runner.AddServer(setup, sources, $"case {_id} server {name}");
        construction.AddRange(sources.TakeConstructionDraws());
        _servers.Add(setup);
    }

    /// <summary>A peer entry; <paramref name="psk"/> null means none.</summary>
    public static PeerSetup Peer(string key, ProtocolVersion version, byte[]? psk, bool initiates, OutputKeySeparatorSetup? osk = null) =>
        new() { StaticKey = key, Version = version.ToString(), Psk = psk == null ? null : VectorJson.Hex(psk), Initiates = initiates, OutputKeySeparator = osk };

    /// <summary>Initiates from <paramref name="server"/> with its peer <paramref name="peer"/>; returns the InitHello.</summary>
    public byte[] Initiate(string server, int peer = 0) =>
        Bytes(Step(new StepRequest("initiate", server, Clock, Peer: peer), null).Message);

    /// <summary>Delivers a datagram that must be accepted; returns the response (null if none).</summary>
    public byte[]? Accept(string server, byte[] message, byte[]? hostId = null)
    {
        var observed = Step(new StepRequest("deliver", server, Clock, Message: message, HostId: hostId), null);
        if (observed.Accepted != true) throw Failure($"{server} rejected a genuine message: {observed.Rejection}");
        return observed.Response == null ? null : Bytes(observed.Response);
    }

    /// <summary>Delivers a datagram that must be rejected with <paramref name="kind"/>, changing no state.</summary>
    public void Reject(string server, byte[] message, RejectionKind kind, string mutation, byte[]? hostId = null)
    {
        var observed = Step(new StepRequest("deliver", server, Clock, Message: message, HostId: hostId), mutation);
        if (observed.Rejection != kind.ToString())
            throw Failure($"{mutation}: expected rejection {kind}, got {(observed.Accepted == true ? "acceptance" : observed.Rejection)}");
        if (observed.StateUnchanged != true) throw Failure($"{mutation}: the rejection changed {server}'s state");
    }

    /// <summary>Polls <paramref name="server"/>; returns the datagrams of its SendToPeer events.</summary>
    public List<byte[]> Poll(string server) =>
        Step(new StepRequest("poll", server, Clock), null).Events.Where(e => e.Type == "SendToPeer").Select(e => Bytes(e.Message)).ToList();

    /// <summary>The keys of every KeyExchanged event so far, in order (for scenarios that state which keys agree).</summary>
    public IReadOnlyList<string> ExchangedKeys =>
        _steps.SelectMany(s => s.Expected.Events).Where(e => e.Type == "KeyExchanged").Select(e => e.Key!).ToList();

    /// <summary>Stops generation unless <paramref name="holds"/>: the scenario states <paramref name="what"/>.</summary>
    public void Require(bool holds, string what)
    {
        if (!holds) throw Failure(what);
    }

    /// <summary>The events of the last step (for scenarios that state them).</summary>
    public IReadOnlyList<EventValue> LastEvents => _steps[^1].Expected.Events;

    private Expected Step(StepRequest request, string? mutation)
    {
        var result = _runner.Run(request, null, $"case {_id} step {_steps.Count}");
        _steps.Add(new VectorStep
        {
            Index = _steps.Count, Action = request.Action, Server = request.Server, Clock = request.Clock, Peer = request.Peer,
            Message = request.Message == null ? null : VectorJson.Hex(request.Message),
            HostId = request.HostId == null ? null : VectorJson.Hex(request.HostId),
            Mutation = mutation, Injected = result.Injected, Expected = result.Observed,
        });
        return result.Observed;
    }

    /// <summary>The finished case.</summary>
    public VectorCase Build(string comment, ProtocolVersion version, bool valid, params string[] flags) => new()
    {
        Id = _id, Comment = comment, Version = version.ToString(), Result = valid ? "valid" : "invalid", Flags = [.. flags],
        Seed = VectorJson.Hex(_seed), Servers = _servers, Steps = _steps,
    };

    private InvalidOperationException Failure(string what) => new($"case {_id}: {what}");

    private static byte[] Bytes(string? hex) => hex == null ? [] : Convert.FromHexString(hex);

    public void Dispose() => _runner.Dispose();
}
