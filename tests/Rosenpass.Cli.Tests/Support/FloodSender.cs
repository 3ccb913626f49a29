using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rosenpass.Cli.Tests.Support;

/// <summary>
/// Sends datagrams to one loopback target at a steady rate from many source addresses (127.0.0.2, 127.0.0.3, ...,
/// which Linux routes on loopback without any setup), on a background thread, until disposed or the time is up.
/// Nothing it receives is read: an attacker that does not answer CookieReplies.
/// </summary>
public sealed class FloodSender : IDisposable
{
    private readonly List<Socket> _sockets;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private long _sent;

    public FloodSender(IPEndPoint target, IReadOnlyList<byte[]> datagrams, int perSecond, int sources, TimeSpan duration)
    {
        _sockets = Enumerable.Range(2, sources).Select(i =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Parse($"127.0.0.{i}"), 0));
            return socket;
        }).ToList();
        _thread = new Thread(() => Run(target, datagrams, perSecond, duration)) { IsBackground = true, Name = "flood" };
        _thread.Start();
    }

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Paced by the clock: every couple of milliseconds it sends what is due by then.</summary>
    private void Run(IPEndPoint target, IReadOnlyList<byte[]> datagrams, int perSecond, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (!_stop.IsCancellationRequested && clock.Elapsed < duration)
        {
            long due = (long)(clock.Elapsed.TotalSeconds * perSecond);
            for (; sent < due; sent++)
            {
                try
                {
                    _sockets[(int)(sent % _sockets.Count)].SendTo(datagrams[(int)(sent % datagrams.Count)], target);
                }
                catch (SocketException)
                {
                    // loopback buffers full, or the target has gone: a flood does not care
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
            Interlocked.Exchange(ref _sent, sent);
            Thread.Sleep(2);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(5));
        foreach (var socket in _sockets) socket.Dispose();
        _stop.Dispose();
    }
}
