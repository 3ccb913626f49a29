using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Benchmarks;

/// <summary>
/// Turns one BenchmarkDotNet run into the numbers docs/performance.md reports: per step and for a full handshake,
/// the measured time against the sum of its primitive operations (target: full handshake at most 1.15 ×), the
/// share of McEliece decapsulation, and a forged InitHello's cost against a genuine one's (target: at most 1/200).
/// Written to handshake-cost.md beside BenchmarkDotNet's own reports, and to the console.
/// </summary>
public static class HandshakeCostReport
{
    public static void Write(IReadOnlyList<Summary> summaries)
    {
        if (summaries.Count == 0) return;
        var medians = new Measurements(summaries, "Median");
        var minima = new Measurements(summaries, "Min");
        string text = Render(medians) + Environment.NewLine + Render(minima);
        if (medians.Missing.Count > 0)
        {
            Console.WriteLine("handshake-cost: not written; this run lacks " + string.Join(", ", medians.Missing.Order())
                + ". Run every benchmark (--filter '*') to get it.");
            return;
        }
        string path = Path.Combine(summaries[0].ResultsDirectoryPath, "handshake-cost.md");
        File.WriteAllText(path, text);
        Console.WriteLine(text);
        Console.WriteLine($"handshake-cost: written to {path}");
    }

    private static string Render(Measurements measured)
    {
        var s = new StringBuilder();
        s.AppendLine($"### By the {measured.Statistic.ToLowerInvariant()} of each benchmark").AppendLine();
        s.AppendLine("| Version | Step | Measured (ms) | Sum of primitives (ms) | Ratio |");
        s.AppendLine("|---|---|---:|---:|---:|");
        var lines = new StringBuilder();
        var shares = new StringBuilder();
        foreach (var version in new[] { ProtocolVersion.V02, ProtocolVersion.V03 })
        {
            var handshake = new PrimitiveCost(measured, version);
            foreach (var (step, operations) in HandshakeCostModel.Steps)
            {
                var cost = new PrimitiveCost(measured, version);
                operations(cost);
                operations(handshake);
                Row(s, version, step, measured.MedianNs(Name(step, version)), cost.Ns);
            }
            double total = handshake.Ns;
            double full = measured.MedianNs(Name("FullHandshake", version));
            Row(s, version, "**FullHandshake**", full, total);
            double overhead = measured.MedianNs($"OverheadBenchmarks.HandshakeWithoutMcEliece(Version={version})")
                - measured.MedianNs($"OverheadBenchmarks.PrimitivesWithoutMcEliece(Version={version})");
            foreach (var (kind, ns) in handshake.ByKind.OrderByDescending(k => k.Value))
                shares.AppendLine(Invariant($"| {version} | {kind} | {ns / 1e6:F3} | {100 * ns / total:F1} % |"));
            shares.AppendLine(Invariant($"| {version} | protocol overhead (OverheadBenchmarks) | {overhead / 1e6:F3} | {100 * overhead / total:F1} % |"));
            double performed = measured.MedianNs(Name("PrimitivesOfAFullHandshake", version));
            Row(s, version, "PrimitivesOfAFullHandshake (performed, not priced)", performed, total);
            double decaps = 2 * measured.MedianNs("McElieceBenchmarks.Decaps");
            double forged = measured.MedianNs($"ForgedInitHelloBenchmarks.RejectForgedInitHello(Version={version})");
            double genuine = measured.MedianNs(Name("HandleInitHello", version));
            double steady = measured.MedianNs($"SteadyStateHandshakeBenchmarks.FullHandshake(Version={version})");
            lines.Append(Invariant($"- {version}: protocol overhead (OverheadBenchmarks) = {overhead / 1e6:F2} ms per handshake, "))
                .Append(Invariant($"so (primitives performed + overhead) / primitives performed = {(performed + overhead) / performed:F3}; "))
                .Append(Invariant($"full handshake / its primitives performed back to back = {full / performed:F3}, "))
                .Append(Invariant($"/ its primitives priced one by one = {full / total:F3} (target ≤ 1.15); "))
                .Append(Invariant($"McEliece decapsulation (2 per handshake) = {100 * decaps / full:F1} % of the handshake; "))
                .Append(Invariant($"forged InitHello rejected in {forged / 1e3:F1} µs = 1/{genuine / forged:F0} of a genuine one (target ≤ 1/200); "))
                .AppendLine(Invariant($"full handshake in the runtime's default configuration after warm-up (SteadyStateHandshakeBenchmarks) = {steady / 1e6:F2} ms."));
        }
        s.AppendLine().Append(lines).AppendLine();
        s.AppendLine("Where a full handshake's time goes: its primitives priced by this run's benchmarks, as shares of their sum,")
            .AppendLine("and the protocol's own overhead measured by OverheadBenchmarks:").AppendLine();
        s.AppendLine("| Version | Operation | ms per handshake | Share of the primitives' sum |");
        s.AppendLine("|---|---|---:|---:|");
        s.Append(shares);
        return s.ToString();
    }

    private static string Name(string step, ProtocolVersion version) => $"HandshakeBenchmarks.{step}(Version={version})";

    private static void Row(StringBuilder s, ProtocolVersion version, string step, double measuredNs, double sumNs) =>
        s.AppendLine(Invariant($"| {version} | {step} | {measuredNs / 1e6:F2} | {sumNs / 1e6:F2} | {measuredNs / sumNs:F3} |"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
