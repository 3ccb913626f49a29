using System.Buffers.Binary;

namespace Rosenpass.Cli.Net;

/// <summary>
/// The per-source token bucket (spec §8.5.4): under load, each source may make us decapsulate
/// <see cref="Rate"/> cookie-bearing InitHellos per second after a burst of <see cref="Burst"/>. A source is an IPv4
/// address or an IPv6 /64; the port does not count. Only the event-loop thread uses it.
/// </summary>
public sealed class TokenBuckets
{
    /// <summary>RATE_LIMIT_RATE: tokens per second per source.</summary>
    public const double Rate = 1;

    /// <summary>RATE_LIMIT_BURST: a bucket's size; a new source starts full.</summary>
    public const double Burst = 5;

    /// <summary>RATE_LIMIT_SOURCES: sources tracked at most.</summary>
    public const int MaxSources = 65_536;

    private sealed class Bucket
    {
        public double Tokens;
        public double UpdatedAt;
    }

    private readonly Dictionary<UInt128, Bucket> _buckets = [];

    public int Count => _buckets.Count;

    /// <summary>Takes a token of <paramref name="source"/>'s bucket if it holds one.</summary>
    public bool TryTake(UInt128 source, double now)
    {
        if (!_buckets.TryGetValue(source, out var bucket))
        {
            if (_buckets.Count >= MaxSources) ForgetRefilled(now);
            if (_buckets.Count >= MaxSources) return false; // full of sources that are still spending: fail closed
            bucket = new Bucket { Tokens = Burst, UpdatedAt = now };
            _buckets[source] = bucket;
        }
        bucket.Tokens = Refilled(bucket, now);
        bucket.UpdatedAt = now;
        if (bucket.Tokens < 1) return false;
        bucket.Tokens -= 1;
        return true;
    }

    /// <summary>
    /// The source of a host id (<see cref="HostId"/>: socket index, IPv6 address at bytes 8..24, port, scope): the
    /// IPv4 address of a v4-mapped address, otherwise the /64 prefix.
    /// </summary>
    public static UInt128 SourceOf(ReadOnlySpan<byte> hostId)
    {
        var address = hostId.Slice(8, 16);
        bool v4Mapped = address[..10].IndexOfAnyExcept((byte)0) < 0 && address[10] == 0xff && address[11] == 0xff;
        ulong high = BinaryPrimitives.ReadUInt64BigEndian(address[..8]);
        ulong low = v4Mapped ? BinaryPrimitives.ReadUInt64BigEndian(address[8..]) : 0;
        return new UInt128(high, low);
    }

    private static double Refilled(Bucket bucket, double now) => Math.Min(Burst, bucket.Tokens + (now - bucket.UpdatedAt) * Rate);

    /// <summary>A full bucket is the same as none: forgetting it changes no answer.</summary>
    private void ForgetRefilled(double now)
    {
        foreach (var (source, bucket) in _buckets)
        {
            if (Refilled(bucket, now) >= Burst) _buckets.Remove(source);
        }
    }
}
