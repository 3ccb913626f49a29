using BenchmarkDotNet.Attributes;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Benchmarks;

/// <summary>
/// The four message-handling steps of a handshake, as upstream benchmarks them (handle_initiation,
/// handle_init_hello, handle_resp_hello, handle_init_conf), and a full handshake. Each step consumes its input,
/// so every measured invocation gets a fresh one from [IterationSetup], which runs the earlier steps.
/// PrimitivesOfAFullHandshake performs just the cryptography of a full handshake (<see cref="HandshakeCostModel"/>),
/// under the same conditions, so that FullHandshake / PrimitivesOfAFullHandshake is the protocol's overhead.
/// </summary>
[ShortJob(invocationCount: 1, iterationCount: 30)]
public class HandshakeBenchmarks
{
    private HandshakePair _pair = null!;
    private PrimitiveRunner _primitives = null!;
    private byte[] _initHello = [], _respHello = [], _initConf = [];

    [Params(ProtocolVersion.V02, ProtocolVersion.V03)]
    public ProtocolVersion Version { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pair = new HandshakePair(Version);
        _primitives = new PrimitiveRunner(Version);
        FullHandshake(); // proves the pair completes a handshake before anything is measured
    }

    [GlobalCleanup]
    public void Cleanup() => _pair.Dispose();

    [IterationSetup(Target = nameof(HandleInitHello))]
    public void BeforeInitHello() => _initHello = _pair.Initiate();

    [IterationSetup(Target = nameof(HandleRespHello))]
    public void BeforeRespHello() => _respHello = _pair.HandleInitHello(_pair.Initiate());

    [IterationSetup(Target = nameof(HandleInitConf))]
    public void BeforeInitConf() => _initConf = _pair.HandleRespHello(_pair.HandleInitHello(_pair.Initiate()));

    [Benchmark]
    public byte[] Initiate() => _pair.Initiate();

    [Benchmark]
    public byte[] HandleInitHello() => _pair.HandleInitHello(_initHello);

    [Benchmark]
    public byte[] HandleRespHello() => _pair.HandleRespHello(_respHello);

    [Benchmark]
    public byte[] HandleInitConf() => _pair.HandleInitConf(_initConf);

    /// <summary>All four steps, until both sides hold the key (the EmptyData the responder returns is not handled).</summary>
    [Benchmark]
    public byte[] FullHandshake() => _pair.HandleInitConf(_pair.HandleRespHello(_pair.HandleInitHello(_pair.Initiate())));

    /// <summary>The primitive operations of a full handshake, back to back, and nothing else.</summary>
    [Benchmark]
    public void PrimitivesOfAFullHandshake()
    {
        foreach (var (_, operations) in HandshakeCostModel.Steps) operations(_primitives);
    }
}
