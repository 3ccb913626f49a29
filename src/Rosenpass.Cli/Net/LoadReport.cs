using System.Globalization;
using Rosenpass.Cli.Logging;

namespace Rosenpass.Cli.Net;

/// <summary>
/// What the load did to the daemon, counted by the event loop and logged at info level as <c>key=value</c> pairs:
/// every <see cref="Period"/> seconds in which it was under load or dropped datagrams, and once more as totals when
/// it stops. This is how a test or an operator sees that the defence works (spec §8.5).
/// </summary>
public sealed class LoadReport
{
    public const double Period = 5;

    /// <summary>A timer that runs later than this after its due time counts as late (spec §8.5.5).</summary>
    public const double LateTimerSeconds = 0.1;

    /// <summary>One set of counters.</summary>
    public sealed class Counts
    {
        public long InitHellos;
        public long ValidMac;
        public long CookieReplies;
        public long RateLimited;
        public long QueueFull;
        public long Oversized;
        public long LateTimers;
        public double MaxTimerLateness;
        public bool UnderLoad;

        /// <summary>InitHellos that reached the decapsulation: valid mac, neither answered with a cookie nor rate-limited.</summary>
        public long Decapsulated => ValidMac - CookieReplies - RateLimited;

        public string Format() => string.Create(CultureInfo.InvariantCulture,
            $"under_load={(UnderLoad ? "yes" : "no")} inithellos={InitHellos} valid_mac={ValidMac} cookie_replies={CookieReplies} " +
            $"rate_limited={RateLimited} decapsulated={Decapsulated} queue_full={QueueFull} oversized={Oversized} " +
            $"late_timers={LateTimers} max_timer_late_ms={MaxTimerLateness * 1000:F0}");
    }

    private readonly string _defence;
    private Counts _period = new();
    private double _periodEnds = Period;
    private long _queueFullSeen;
    private long _oversizedSeen;

    public LoadReport(string defence) => _defence = defence;

    public Counts Total { get; } = new();

    /// <summary>When the next period ends (the loop wakes for it).</summary>
    public double NextReportAt => _periodEnds;

    public void InitHello(bool validMac, bool cookieReply, bool rateLimited)
    {
        foreach (var counts in new[] { _period, Total })
        {
            counts.InitHellos++;
            if (validMac) counts.ValidMac++;
            if (cookieReply) counts.CookieReplies++;
            if (rateLimited) counts.RateLimited++;
        }
    }

    public void Timer(double lateness)
    {
        foreach (var counts in new[] { _period, Total })
        {
            if (lateness > LateTimerSeconds) counts.LateTimers++;
            counts.MaxTimerLateness = Math.Max(counts.MaxTimerLateness, lateness);
        }
    }

    public void UnderLoad()
    {
        _period.UnderLoad = true;
        Total.UnderLoad = true;
    }

    /// <summary>Takes in the drop counters of the queues and sockets, and logs the period if it is over and was eventful.</summary>
    public void Tick(double now, long queueFull, long oversized)
    {
        _period.QueueFull += queueFull - _queueFullSeen;
        _period.Oversized += oversized - _oversizedSeen;
        Total.QueueFull = queueFull;
        Total.Oversized = oversized;
        (_queueFullSeen, _oversizedSeen) = (queueFull, oversized);
        if (now < _periodEnds) return;
        if (_period.UnderLoad || _period.QueueFull > 0 || _period.Oversized > 0 || _period.LateTimers > 0)
            Log.Info($"load (last {Period:F0} s, dos_defence = {_defence}): {_period.Format()}");
        _period = new Counts();
        _periodEnds = now + Period;
    }

    public void LogTotals() => Log.Info($"load totals (dos_defence = {_defence}): {Total.Format()}");
}
