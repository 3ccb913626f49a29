using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace Rosenpass.Benchmarks;

/// <summary>
/// The job every benchmark class uses: one process, 2 warm-up and (unless told) 12 measured iterations of about 100 ms each
/// (short enough that the whole suite runs in minutes on 2 cores), and allocated bytes per operation.
/// </summary>
public sealed class ShortJobAttribute : Attribute, IConfigSource
{
    public ShortJobAttribute(int invocationCount = 0, int iterationCount = 12)
    {
        // Tiered compilation off: every method is compiled fully optimised at its first call. A handshake step runs
        // about 40 times in its process, a primitive thousands of times, and with tiering on the .NET runtime
        // re-compiles hot code with dynamic PGO only after a few hundred calls (about 200 handshakes measured here),
        // so the two would be measured as different code. See docs/performance.md, "The machine".
        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(iterationCount).WithIterationTime(TimeInterval.FromMilliseconds(100))
            .WithEnvironmentVariable("DOTNET_TieredCompilation", "0");
        // Handshake steps consume their input, so each measured invocation gets fresh input from [IterationSetup].
        if (invocationCount > 0) job = job.WithInvocationCount(invocationCount).WithUnrollFactor(1);
        // Median and Min are the statistics HandshakeCostReport uses; the summary tables show them beside the mean.
        Config = ManualConfig.CreateEmpty().AddJob(job).AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min);
    }

    public IConfig Config { get; }
}
