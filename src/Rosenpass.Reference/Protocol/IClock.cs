namespace Rosenpass.Reference.Protocol;

/// <summary>The server's clock (spec §9.1): seconds, monotonic. Tests pass a fake one.</summary>
public interface IClock
{
    double Now { get; }
}

/// <summary>
/// Seconds since this clock was made, from the monotonic stopwatch, times <paramref name="rate"/>: 1 for real use;
/// process tests run the daemon faster (the CLI's <c>ROSENPASS_TEST_TIME_SCALE</c>) to see a rekey in seconds.
/// </summary>
public sealed class MonotonicClock(double rate = 1) : IClock
{
    private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Clock seconds per real second.</summary>
    public double Rate => rate;

    public double Now => System.Diagnostics.Stopwatch.GetElapsedTime(_start).TotalSeconds * rate;
}

/// <summary>A clock that moves only when told to.</summary>
public sealed class ManualClock(double start = 0) : IClock
{
    public double Now { get; set; } = start;

    public void Advance(double seconds) => Now += seconds;
}
