using Rosenpass.Reference.Crypto;

namespace Rosenpass.Benchmarks;

/// <summary>Adds up the measured cost of the primitive operations it receives, from the primitive benchmarks of one run.</summary>
public sealed class PrimitiveCost(Measurements measured, ProtocolVersion version) : PrimitiveSink(version)
{
    private static readonly int[] HashedSizes = [32, 1028, McEliece460896.PublicKeyLength];
    private readonly Dictionary<string, double> _byKind = [];

    /// <summary>The sum so far, in ns.</summary>
    public double Ns { get; private set; }

    /// <summary>The sum split by kind of operation (a benchmark's name; keyed hashes split by input size), in ns.</summary>
    public IReadOnlyDictionary<string, double> ByKind => _byKind;

    /// <summary>
    /// Measured at 32 B, 1028 B and 524160 B, linear in between (hashing is a fixed cost plus a cost per byte);
    /// at most 32 B costs what 32 B costs.
    /// </summary>
    public override void Kh(ProtocolVersion hashVersion, int bytes)
    {
        double At(int size) => measured.MedianNs($"KeyedHashBenchmarks.Compute(Version={hashVersion},Size={size})");
        string kind = bytes == McEliece460896.PublicKeyLength ? "keyed hash of a public key" : "keyed hash of other inputs";
        if (bytes <= HashedSizes[0]) { Count(kind, At(HashedSizes[0])); return; }
        int upper = Array.FindIndex(HashedSizes, s => s >= bytes);
        if (upper < 0) throw new ArgumentOutOfRangeException(nameof(bytes), "larger than any measured size");
        int lo = HashedSizes[upper - 1], hi = HashedSizes[upper];
        Count(kind, At(lo) + (At(hi) - At(lo)) * (bytes - lo) / (hi - lo));
    }

    public override void Run(Primitive primitive)
    {
        string name = PrimitiveBenchmark.NameOf(primitive);
        Count(name, measured.MedianNs(name));
    }

    private void Count(string kind, double ns)
    {
        Ns += ns;
        _byKind[kind] = _byKind.GetValueOrDefault(kind) + ns;
    }
}
