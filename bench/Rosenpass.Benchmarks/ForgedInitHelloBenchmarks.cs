using BenchmarkDotNet.Attributes;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Benchmarks;

/// <summary>
/// The responder rejecting an InitHello whose mac is wrong (spec §8.1): it must cost a tiny fraction of handling a
/// genuine one (HandshakeBenchmarks.HandleInitHello), since anyone can send these. A rejection changes no state,
/// so the same datagram is handled again and again.
/// </summary>
[ShortJob]
public class ForgedInitHelloBenchmarks
{
    private HandshakePair _pair = null!;
    private byte[] _forged = [];

    [Params(ProtocolVersion.V02, ProtocolVersion.V03)]
    public ProtocolVersion Version { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pair = new HandshakePair(Version);
        _forged = _pair.Initiate();
        _forged[Envelope.MacOffset(_forged.Length)] ^= 0x01;
        var outcome = _pair.Responder.HandleMessage(_forged);
        if (outcome.Rejection?.Kind != RejectionKind.BadMac) throw new InvalidOperationException($"forged InitHello gave {outcome}");
    }

    [GlobalCleanup]
    public void Cleanup() => _pair.Dispose();

    [Benchmark]
    public HandleOutcome RejectForgedInitHello() => _pair.Responder.HandleMessage(_forged);
}
