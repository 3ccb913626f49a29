using Rosenpass.Cli.Config;
using Rosenpass.Cli.Logging;
using Rosenpass.Cli.WireGuard;
using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Cli.Output;

/// <summary>
/// Where a new or stale key goes (upstream-facts §3.5, §3.6): the outfile and the stdout line, then WireGuard.
/// A failure in one place is logged and does not stop the daemon.
/// </summary>
public sealed class KeyEventOutput(TextWriter stdout, WgBroker broker, Verbosity verbosity)
{
    private readonly object _stdoutGate = new();
    private readonly List<Task> _wgRuns = [];

    public void Deliver(PeerConfig peer, string peerIdBase64, Secret key, KeyOutputReason reason)
    {
        if (verbosity == Verbosity.Verbose)
        {
            Log.Info(reason == KeyOutputReason.Exchanged
                ? $"Exchanged key with peer {peerIdBase64}"
                : $"Erasing outdated key from peer {peerIdBase64}");
        }
        if (peer.KeyOut is { } path) WriteOutfile(path, peerIdBase64, key, reason);
        if (peer.WireGuard is { } wg)
        {
            lock (_wgRuns)
            {
                _wgRuns.RemoveAll(t => t.IsCompleted);
                _wgRuns.Add(broker.SetPsk(wg, key));
            }
        }
        if (peer.KeyOut is null && peer.WireGuard is null) Log.Warn($"No broker peer found for peer {peerIdBase64}");
    }

    private void WriteOutfile(string path, string peerIdBase64, Secret key, KeyOutputReason reason)
    {
        try
        {
            OutfileWriter.Write(path, key);
        }
        catch (InputFormatException e)
        {
            Log.Error(e.Message);
            return;
        }
        catch (Exception e)
        {
            // Whatever goes wrong with one outfile must not end the daemon or the other peers' exchanges.
            Log.Error($"{path}: cannot write the outfile: unexpected {e.GetType().Name}: {e.Message}");
            return;
        }
        lock (_stdoutGate)
        {
            stdout.WriteLine(KeyOutputLine.Format(peerIdBase64, path, reason));
            stdout.Flush();
        }
    }

    /// <summary>Waits (bounded) for running <c>wg</c> processes, so none is left behind at exit.</summary>
    public void WaitForWireGuard(TimeSpan limit)
    {
        Task[] running;
        lock (_wgRuns) running = [.. _wgRuns];
        Task.WaitAll(running, limit);
    }
}
