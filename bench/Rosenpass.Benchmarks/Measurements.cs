using BenchmarkDotNet.Reports;

namespace Rosenpass.Benchmarks;

/// <summary>
/// Mean time (ns) of every benchmark of one BenchmarkDotNet run, by name: "Class.Method" followed by the
/// parameters as "(Name=Value,…)" when there are any, e.g. "KeyedHashBenchmarks.Compute(Version=V02,Size=32)".
/// </summary>
public sealed class Measurements
{
    private readonly Dictionary<string, double> _meanNs = [];
    private readonly HashSet<string> _missing = [];

    public Measurements(IEnumerable<Summary> summaries)
    {
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics == null) continue;
            var c = report.BenchmarkCase;
            string parameters = string.Join(",", c.Parameters.Items.Select(p => $"{p.Name}={p.Value}"));
            string name = $"{c.Descriptor.Type.Name}.{c.Descriptor.WorkloadMethod.Name}";
            _meanNs[parameters.Length == 0 ? name : $"{name}({parameters})"] = report.ResultStatistics.Mean;
        }
    }

    /// <summary>Names asked for but not measured in this run.</summary>
    public IReadOnlyCollection<string> Missing => _missing;

    /// <summary>The mean of <paramref name="name"/> in ns, or NaN (and noted in <see cref="Missing"/>) if it did not run.</summary>
    public double MeanNs(string name)
    {
        if (_meanNs.TryGetValue(name, out double mean)) return mean;
        _missing.Add(name);
        return double.NaN;
    }
}
