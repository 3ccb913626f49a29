using BenchmarkDotNet.Reports;

namespace Rosenpass.Benchmarks;

/// <summary>
/// Median time (ns) of every benchmark of one BenchmarkDotNet run, by name: "Class.Method" followed by the
/// parameters as "(Name=Value,…)" when there are any, e.g. "KeyedHashBenchmarks.Compute(Version=V02,Size=32)".
/// The median, not the mean: on a shared 2-core machine other processes add rare long iterations, which move the
/// mean of a 12-iteration run far more than the median.
/// </summary>
public sealed class Measurements
{
    private readonly Dictionary<string, double> _medianNs = [];
    private readonly HashSet<string> _missing = [];

    public Measurements(IEnumerable<Summary> summaries)
    {
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics == null) continue;
            var c = report.BenchmarkCase;
            string parameters = string.Join(",", c.Parameters.Items.Select(p => $"{p.Name}={p.Value}"));
            string name = $"{c.Descriptor.Type.Name}.{c.Descriptor.WorkloadMethod.Name}";
            _medianNs[parameters.Length == 0 ? name : $"{name}({parameters})"] = report.ResultStatistics.Median;
        }
    }

    /// <summary>Names asked for but not measured in this run.</summary>
    public IReadOnlyCollection<string> Missing => _missing;

    /// <summary>The median of <paramref name="name"/> in ns, or NaN (and noted in <see cref="Missing"/>) if it did not run.</summary>
    public double MedianNs(string name)
    {
        if (_medianNs.TryGetValue(name, out double median)) return median;
        _missing.Add(name);
        return double.NaN;
    }
}
