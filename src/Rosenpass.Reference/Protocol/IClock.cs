namespace Rosenpass.Reference.Protocol;

/// <summary>The server's clock (spec §9.1): seconds, monotonic. Tests pass a fake one.</summary>
public interface IClock
{
    double Now { get; }

    /// <summary>
    /// Clock seconds per real second: 1 for a clock that keeps real time. A host that sleeps until a timer is due
    /// divides by it (the daemon's event loop). A test host may pass a faster clock to see the 120/130 s rekeys
    /// (spec §9.3) in seconds; that clock lives with the tests (tests/Rosenpass.FastClockDaemon), not here.
    /// </summary>
    double Rate => 1;
}

/// <summary>Seconds since this clock was made, from the monotonic stopwatch: the daemon's clock.</summary>
public sealed class MonotonicClock : IClock
{
    private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();

    public double Now => System.Diagnostics.Stopwatch.GetElapsedTime(_start).TotalSeconds;
}

/// <summary>A clock that moves only when told to.</summary>
public sealed class ManualClock(double start = 0) : IClock
{
    public double Now { get; set; } = start;

    public void Advance(double seconds) => Now += seconds;
}
