namespace Rosenpass.Reference.Protocol;

/// <summary>The server's clock (spec §9.1): seconds, monotonic. Tests pass a fake one.</summary>
public interface IClock
{
    double Now { get; }
}

/// <summary>Seconds since this clock was made, from the monotonic stopwatch.</summary>
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
