using System.Diagnostics;

namespace Rosenpass.Cli.Tests.Support;

/// <summary>Polls a condition until it holds or a (generous) limit passes; returns as soon as it holds.</summary>
public static class Eventually
{
    public static bool Holds(Func<bool> condition, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        var until = limit ?? RosenpassProcess.Patience;
        while (clock.Elapsed < until)
        {
            if (condition()) return true;
            Thread.Sleep(25);
        }
        return condition();
    }
}
