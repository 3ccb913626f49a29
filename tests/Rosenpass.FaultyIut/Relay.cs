using System.Net;
using System.Net.Sockets;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.FaultyIut;

/// <summary>
/// Relays datagrams both ways between the runner (on <c>outside</c>, the address it configured) and the real
/// rosenpass (through <c>inside</c>, the address the real one has as its peer's endpoint), unchanged.
/// </summary>
internal sealed class Relay(UdpClient outside, UdpClient inside, IPEndPoint iut, IPEndPoint? runnerEndpoint)
{
    private readonly HashSet<string> _relayedInitConfs = [];
    private IPEndPoint? _runner = runnerEndpoint;

    /// <summary>Raised after relaying an InitConf equal to one relayed before.</summary>
    public event Action? ReplayedInitConf;

    public Task RunAsync(CancellationToken stop) => Task.WhenAll(FromRunner(stop), ToRunner(stop));

    private async Task FromRunner(CancellationToken stop)
    {
        while (await ReceiveAsync(outside, stop) is { } received)
        {
            _runner = received.RemoteEndPoint;
            await SendAsync(inside, received.Buffer, iut, stop);
            if (received.Buffer is [(byte)MessageType.InitConf, ..] && !_relayedInitConfs.Add(Convert.ToHexString(received.Buffer)))
                ReplayedInitConf?.Invoke();
        }
    }

    private async Task ToRunner(CancellationToken stop)
    {
        while (await ReceiveAsync(inside, stop) is { } received)
        {
            if (_runner is { } runner) await SendAsync(outside, received.Buffer, runner, stop);
        }
    }

    private static async Task SendAsync(UdpClient socket, byte[] datagram, IPEndPoint to, CancellationToken stop)
    {
        try
        {
            await socket.SendAsync(datagram, to, stop);
        }
        catch (SocketException)
        {
            // lost, as a datagram may be
        }
    }

    /// <summary>The next datagram, or null once stopped.</summary>
    private static async Task<UdpReceiveResult?> ReceiveAsync(UdpClient socket, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                return await socket.ReceiveAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            catch (SocketException)
            {
                // an ICMP error for an earlier datagram; the relay keeps going, as UDP does
            }
        }
        return null;
    }
}
