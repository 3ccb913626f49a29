using BenchmarkDotNet.Attributes;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Benchmarks;

/// <summary>
/// The protocol's own overhead, measured where it is not drowned by McEliece: a full handshake whose static KEM
/// costs almost nothing (<see cref="CostlessStaticKem"/>), against the same handshake's other primitives performed
/// back to back. Their difference is the time spent outside cryptography, which does not depend on which KEM runs;
/// on a loaded machine it is measured to a few tenths of a millisecond here, against a few milliseconds in
/// HandshakeBenchmarks.
/// </summary>
[ShortJob(invocationCount: 1, iterationCount: 30)]
public class OverheadBenchmarks
{
    private HandshakePair _pair = null!;
    private PrimitiveRunner _primitives = null!;

    [Params(ProtocolVersion.V02, ProtocolVersion.V03)]
    public ProtocolVersion Version { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pair = new HandshakePair(Version, new CostlessStaticKem());
        _primitives = new PrimitiveRunner(Version, withMcEliece: false);
        HandshakeWithoutMcEliece();
    }

    [GlobalCleanup]
    public void Cleanup() => _pair.Dispose();

    [Benchmark]
    public byte[] HandshakeWithoutMcEliece() =>
        _pair.HandleInitConf(_pair.HandleRespHello(_pair.HandleInitHello(_pair.Initiate())));

    [Benchmark]
    public void PrimitivesWithoutMcEliece()
    {
        foreach (var (_, operations) in HandshakeCostModel.Steps) operations(_primitives);
    }
}
