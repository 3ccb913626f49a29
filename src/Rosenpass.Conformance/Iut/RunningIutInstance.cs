using System.Net;

namespace Rosenpass.Conformance.Iut;

/// <summary>
/// The running IUT for one scenario. Without its stdout, key events are counted as changes of the outfile's
/// content or modification time, watched every few milliseconds from the scenario's start.
/// </summary>
internal sealed class RunningIutInstance : IutInstance
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(10);

    private readonly RunningIut _running;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watcher;
    private int _keyEvents;

    public RunningIutInstance(RunningIut running)
    {
        _running = running;
        _watcher = Task.Run(() => WatchAsync(_stop.Token));
    }

    public override IPEndPoint Address => _running.Address;

    public override int KeyEvents => Volatile.Read(ref _keyEvents);

    /// <summary>We cannot see the process; whether it still works shows in the handshakes.</summary>
    public override string? ExitProblem => null;

    public override string? ReadOutfile() => ReadText(_running.OutfilePath);

    private async Task WatchAsync(CancellationToken stop)
    {
        var last = Snapshot();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(WatchInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var now = Snapshot();
            if (now != last) Interlocked.Increment(ref _keyEvents);
            last = now;
        }
    }

    private (string? Content, DateTime Modified) Snapshot() =>
        (ReadOutfile(), File.Exists(_running.OutfilePath) ? File.GetLastWriteTimeUtc(_running.OutfilePath) : DateTime.MinValue);

    public override async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _watcher.ConfigureAwait(false);
        _stop.Dispose();
    }
}
