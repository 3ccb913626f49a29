using System.Diagnostics;

namespace Rosenpass.Cli.Tests.Support;

/// <summary>
/// How late the operating system wakes a sleeping thread on this machine right now: a background thread sleeps 5 ms
/// at a time and records the worst overshoot. On an idle machine that is a millisecond or two; on a loaded 2-core CI
/// machine it can be hundreds. A timing bound on a daemon cannot be tighter than what the scheduler withholds from
/// every process, so the flood tests allow the bound of the issue plus this.
/// </summary>
public sealed class SchedulingProbe : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _worstTicks;

    public SchedulingProbe()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "scheduling probe" };
        _thread.Start();
    }

    /// <summary>The worst wake-up delay seen so far, in seconds.</summary>
    public double WorstSeconds => (double)Interlocked.Read(ref _worstTicks) / Stopwatch.Frequency;

    private void Run()
    {
        long sleep = Stopwatch.Frequency * 5 / 1000;
        while (!_stop)
        {
            long start = Stopwatch.GetTimestamp();
            Thread.Sleep(5);
            long late = Stopwatch.GetTimestamp() - start - sleep;
            if (late > Interlocked.Read(ref _worstTicks)) Interlocked.Exchange(ref _worstTicks, late);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join(TimeSpan.FromSeconds(1));
    }
}
