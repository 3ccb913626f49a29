using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Vectors;

/// <summary>One step to run: an action on a named server at a clock value (vectors/README.md, "A step").</summary>
internal sealed record StepRequest(string Action, string Server, double Clock, int? Peer = null, byte[]? Message = null,
    byte[]? HostId = null);

/// <summary>What a step produced, what it drew, and a problem if it drew otherwise than the case recorded.</summary>
internal sealed record StepResult(Expected Observed, Injected Injected, string? SourceProblem, HandleOutcome? Outcome);

/// <summary>
/// Runs a case's servers: makes them from their setups (with recording or scripted sources) and runs steps on them,
/// turning each call's results into the file's <see cref="Expected"/> shape. Generator and checker share it, so what
/// the checker compares is computed exactly as what the generator wrote.
/// </summary>
internal sealed class CaseRunner : IDisposable
{
    private readonly ManualClock _clock = new();
    private readonly Dictionary<string, RunningServer> _servers = [];
    private readonly KeyRing _keys;

    private sealed record RunningServer(Server Server, RecordingTrace Trace, IServerSources Sources);

    public CaseRunner(KeyRing keys) => _keys = keys;

    /// <summary>Makes the server of <paramref name="setup"/> (its construction draws come from <paramref name="sources"/>) and adds its peers.</summary>
    public Server AddServer(ServerSetup setup, IServerSources sources, string where)
    {
        var (pk, sk) = _keys.Get(setup.StaticKey, where);
        var trace = new RecordingTrace();
        var server = new Server(pk, Secret.CopyOf(sk), new ServerOptions
        {
            Random = sources.Random, Jitter = sources.Jitter, StaticKem = sources.StaticKem, EphemeralKem = sources.EphemeralKem,
            Clock = _clock, Trace = trace, LoadPolicy = setup.UnderLoad ? FixedLoadPolicy.Always : FixedLoadPolicy.Never,
        });
        if (!_servers.TryAdd(setup.Name, new RunningServer(server, trace, sources)))
        {
            server.Dispose();
            throw new InputFormatException(where, $"two servers are named '{setup.Name}'");
        }
        for (int i = 0; i < setup.Peers.Count; i++) AddPeer(server, setup.Peers[i], $"{where} peer {i}");
        return server;
    }

    private void AddPeer(Server server, PeerSetup peer, string where)
    {
        var (pk, _) = _keys.Get(peer.StaticKey, where);
        var psk = peer.Psk == null ? null : Secret.CopyOf(VectorJson.Bytes(peer.Psk, where + " psk"));
        var osk = peer.OutputKeySeparator is { } custom ? OskDomainSeparator.Custom(custom.Organization, custom.Labels) : null;
        try { server.AddPeer(pk, psk, ParseVersion(peer.Version, where), osk, peer.Initiates); }
        catch (ArgumentException e) { throw new InputFormatException(where, e.Message, e); }
    }

    public static ProtocolVersion ParseVersion(string version, string where) => version switch
    {
        "V02" => ProtocolVersion.V02,
        "V03" => ProtocolVersion.V03,
        _ => throw new InputFormatException(where, $"version must be V02 or V03, not '{version}'"),
    };

    /// <summary>Runs <paramref name="request"/>; <paramref name="injected"/> is the recording to replay (null when generating).</summary>
    public StepResult Run(StepRequest request, Injected? injected, string where)
    {
        if (!_servers.TryGetValue(request.Server, out var running))
            throw new InputFormatException(where, $"no server named '{request.Server}'");
        _clock.Now = request.Clock;
        int traced = running.Trace.Values.Count;
        running.Sources.BeginStep(request.Action, injected);
        var (observed, outcome) = request.Action switch
        {
            "initiate" => Initiate(running.Server, request, where),
            "deliver" => Deliver(running.Server, request, where),
            "poll" => Poll(running.Server),
            _ => throw new InputFormatException(where, $"action must be initiate, deliver or poll, not '{request.Action}'"),
        };
        var drawn = running.Sources.EndStep(out var problem);
        var trace = running.Trace.Values.Skip(traced)
            .Select(v => new TraceValue { Step = v.Step, Name = v.Name, Value = VectorJson.Hex(v.Value) }).ToList();
        observed.Trace.AddRange(trace);
        return new StepResult(observed, drawn, problem, outcome);
    }

    private static (Expected, HandleOutcome?) Initiate(Server server, StepRequest request, string where)
    {
        int index = request.Peer ?? throw new InputFormatException(where, "initiate needs a peer");
        if (index < 0 || index >= server.Peers.Count) throw new InputFormatException(where, $"no peer {index}");
        byte[] message = server.Initiate(server.Peers[index]);
        return (new Expected { Message = VectorJson.Hex(message), Events = [], Trace = [] }, null);
    }

    private static (Expected, HandleOutcome?) Deliver(Server server, StepRequest request, string where)
    {
        byte[] message = request.Message ?? throw new InputFormatException(where, "deliver needs a message");
        string before = server.StateFingerprint();
        var outcome = server.HandleMessage(message, request.HostId ?? []);
        var expected = new Expected
        {
            Accepted = outcome.Accepted,
            Rejection = outcome.Rejection?.Kind.ToString(),
            StateUnchanged = outcome.Accepted ? null : before == server.StateFingerprint(),
            Response = outcome.Response == null ? null : VectorJson.Hex(outcome.Response),
            Events = Events(outcome.Events),
            Trace = [],
        };
        return (expected, outcome);
    }

    private static (Expected, HandleOutcome?) Poll(Server server)
    {
        var result = server.Poll();
        return (new Expected { NextPollAt = result.NextPollAt, Events = Events(result.Events), Trace = [] }, null);
    }

    /// <summary>The events as the file writes them; keys are disposed once copied.</summary>
    private static List<EventValue> Events(IEnumerable<ServerEvent> events) => events.Select(e =>
    {
        switch (e)
        {
            case KeyExchanged k:
                using (k.Key) return new EventValue { Type = "KeyExchanged", Peer = k.Peer.Index, Key = VectorJson.Hex(k.Key.Expose()) };
            case KeyStale s:
                using (s.Key) return new EventValue { Type = "KeyStale", Peer = s.Peer.Index, Key = VectorJson.Hex(s.Key.Expose()) };
            case SendToPeer send:
                return new EventValue { Type = "SendToPeer", Peer = send.Peer.Index, Message = VectorJson.Hex(send.Datagram) };
            default:
                return new EventValue { Type = e.GetType().Name, Peer = e.Peer.Index };
        }
    }).ToList();

    public void Dispose()
    {
        foreach (var s in _servers.Values) s.Server.Dispose();
    }
}
