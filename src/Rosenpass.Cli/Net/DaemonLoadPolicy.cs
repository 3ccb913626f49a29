using Rosenpass.Cli.Config;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Cli.Net;

/// <summary>
/// The daemon's answer to the core's under-load questions (spec §8.5.2-§8.5.4): the configured
/// <see cref="DosDefence"/> over the measured <see cref="Detector"/>, the daemon's gate (RespHello, EmptyData and
/// CookieReply are processed under load), and the per-source <see cref="Buckets"/>.
/// </summary>
public sealed class DaemonLoadPolicy(DosDefence defence) : IUnderLoadPolicy
{
    public DosDefence Defence { get; } = defence;

    public LoadDetector Detector { get; } = new();

    public TokenBuckets Buckets { get; } = new();

    public bool IsUnderLoad(double now) => Defence switch
    {
        DosDefence.Always => true,
        DosDefence.Never => false,
        _ => Detector.IsUnderLoad(now),
    };

    public bool DropsOtherTypesUnderLoad => false;

    public bool TryTakeToken(ReadOnlySpan<byte> hostId, double now) => Buckets.TryTake(TokenBuckets.SourceOf(hostId), now);
}
