using Rosenpass.Reference.Protocol;

namespace Rosenpass.FastClockDaemon;

/// <summary>
/// The monotonic stopwatch times <paramref name="rate"/>: every protocol timer (retransmission, rekey, reject-after,
/// biscuit and cookie epochs, spec §9) and the daemon's load window (spec §8.5) run that many times as fast. Nothing
/// on the wire changes. The event loop divides its sleeps by <see cref="Rate"/>, so it wakes on time in real seconds.
/// </summary>
public sealed class ScaledClock(double rate) : IClock
{
    private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();

    public double Rate => rate;

    public double Now => System.Diagnostics.Stopwatch.GetElapsedTime(_start).TotalSeconds * rate;
}
