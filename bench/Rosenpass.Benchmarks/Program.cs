using BenchmarkDotNet.Running;
using Rosenpass.Benchmarks;

// Usage: dotnet run -c Release --project bench/Rosenpass.Benchmarks -- --filter '*'
// BenchmarkDotNet's options apply (--filter, --list flat, --artifacts <dir>). After a run that includes every
// benchmark, handshake-cost.md (ratios for docs/performance.md) is written beside BenchmarkDotNet's reports.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(HandshakeBenchmarks).Assembly).Run(args).ToList();
HandshakeCostReport.Write(summaries);
