using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Jobs;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Benchmarks;

/// <summary>
/// A full handshake under the .NET runtime's default configuration (tiered compilation with dynamic PGO), after
/// enough warm-up handshakes for the hot code to be recompiled with profile data: the code a long-running daemon
/// started with `dotnet rosenpass.dll` or as the dotnet tool executes. Every other benchmark class runs with tiered
/// compilation off (<see cref="ShortJobAttribute"/>), which is also what the NativeAOT binary executes: code compiled
/// once, fully optimised, without profile data. Reported beside HandshakeBenchmarks.FullHandshake, not instead of it.
/// </summary>
[Config(typeof(SteadyStateConfig))]
public class SteadyStateHandshakeBenchmarks
{
    private HandshakePair _pair = null!;

    [Params(ProtocolVersion.V02, ProtocolVersion.V03)]
    public ProtocolVersion Version { get; set; }

    [GlobalSetup]
    public void Setup() => _pair = new HandshakePair(Version);

    [GlobalCleanup]
    public void Cleanup() => _pair.Dispose();

    /// <summary>All four steps, as HandshakeBenchmarks.FullHandshake.</summary>
    [Benchmark]
    public byte[] FullHandshake() => _pair.HandleInitConf(_pair.HandleRespHello(_pair.HandleInitHello(_pair.Initiate())));

    /// <summary>
    /// 400 warm-up handshakes (measured here: the runtime had recompiled `Initiate` with profile data after about 200),
    /// then 30 measured, one handshake per iteration as in HandshakeBenchmarks.
    /// </summary>
    private sealed class SteadyStateConfig : ManualConfig
    {
        public SteadyStateConfig()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(400).WithIterationCount(30)
                .WithInvocationCount(1).WithUnrollFactor(1));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        }
    }
}
