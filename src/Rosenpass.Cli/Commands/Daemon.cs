using System.Runtime.InteropServices;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Net;

namespace Rosenpass.Cli.Commands;

/// <summary>Runs the key-exchange daemon for a checked configuration until SIGINT or SIGTERM (then exit code 0).</summary>
public static class Daemon
{
    /// <param name="config">The configuration.</param>
    /// <param name="alreadyChecked">The caller ran <see cref="ConfigValidator.Ensure"/> on it already.</param>
    /// <param name="clock">The protocol clock; null (the <c>rosenpass</c> command): real time.</param>
    public static int Run(RosenpassConfig config, bool alreadyChecked = false, Rosenpass.Reference.Protocol.IClock? clock = null)
    {
        if (!alreadyChecked) ConfigValidator.Ensure(config);
        using var app = AppServer.Create(config, Console.Out, clock: clock);
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop(stop));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop(stop));
        app.RunAsync(stop.Token).GetAwaiter().GetResult();
        return 0;
    }

    private static Action<PosixSignalContext> Stop(CancellationTokenSource stop) => context =>
    {
        context.Cancel = true; // we exit ourselves, after a clean shutdown
        stop.Cancel();
    };
}
