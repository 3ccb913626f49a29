using BenchmarkDotNet.Reports;

namespace Rosenpass.Benchmarks;

/// <summary>
/// One statistic (ns) of every benchmark of one BenchmarkDotNet run, by name: "Class.Method" followed by the
/// parameters as "(Name=Value,…)" when there are any, e.g. "KeyedHashBenchmarks.Compute(Version=V02,Size=32)".
/// The median or the minimum, not the mean: on a shared 2-core machine other processes add long iterations, which
/// move the mean of a short run far more than the median; the minimum is the iteration least disturbed.
/// </summary>
public sealed class Measurements
{
    private readonly Dictionary<string, double> _medianNs = [];
    private readonly HashSet<string> _missing = [];

    public Measurements(IEnumerable<Summary> summaries, string statistic)
    {
        Statistic = statistic;
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics == null) continue;
            var c = report.BenchmarkCase;
            string parameters = string.Join(",", c.Parameters.Items.Select(p => $"{p.Name}={p.Value}"));
            string name = $"{c.Descriptor.Type.Name}.{c.Descriptor.WorkloadMethod.Name}";
            _medianNs[parameters.Length == 0 ? name : $"{name}({parameters})"] = statistic == "Min" ? report.ResultStatistics.Min : report.ResultStatistics.Median;
        }
    }

    /// <summary>"Median" or "Min".</summary>
    public string Statistic { get; }

    /// <summary>Names asked for but not measured in this run.</summary>
    public IReadOnlyCollection<string> Missing => _missing;

    /// <summary>The statistic of <paramref name="name"/> in ns, or NaN (and noted in <see cref="Missing"/>) if it did not run.</summary>
    public double MedianNs(string name)
    {
        if (_medianNs.TryGetValue(name, out double median)) return median;
        _missing.Add(name);
        return double.NaN;
    }
}
