using System.Net;
using System.Net.Sockets;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Logging;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Net;

/// <summary>
/// One UDP socket per listen address (IPv4 and IPv6; IPv6 sockets are dual-stack as on Linux by default).
/// No listen address means one socket on [::]:0 (upstream-facts §3.3). Received datagrams are queued for the
/// single-threaded event loop in <see cref="ReceiveQueues"/>, bounded in count and bytes; a datagram longer than the
/// largest message is dropped here, before it is copied or queued (spec §8.5.5).
/// </summary>
public sealed class UdpSockets : IDisposable
{
    /// <summary>Larger than any UDP datagram, so an oversized one arrives whole and is dropped as such.</summary>
    private const int ReceiveBufferBytes = 65536;

    private readonly List<Socket> _sockets = [];
    private long _oversized;

    public UdpSockets(IReadOnlyList<IPEndPoint> listen)
    {
        try
        {
            if (listen.Count == 0) _sockets.Add(BindAny());
            foreach (var address in listen) _sockets.Add(Bind(address));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The addresses the sockets are bound to (with the ports the system chose for port 0).</summary>
    public IReadOnlyList<IPEndPoint> LocalEndpoints => _sockets.Select(s => (IPEndPoint)s.LocalEndPoint!).ToArray();

    public ReceiveQueues Received { get; } = new();

    /// <summary>Datagrams longer than <see cref="ReceiveQueues.MaxDatagramBytes"/> dropped before queueing, so far.</summary>
    public long Oversized => Interlocked.Read(ref _oversized);

    /// <summary>Starts one receive loop per socket; they end when <paramref name="stop"/> is cancelled.</summary>
    public Task[] StartReceiving(CancellationToken stop) =>
        _sockets.Select((socket, index) => Task.Run(() => ReceiveLoop(socket, index, stop), CancellationToken.None)).ToArray();

    /// <summary>Sends to <paramref name="destination"/> through socket <paramref name="socketIndex"/>, or a fitting one.</summary>
    public void Send(byte[] datagram, IPEndPoint destination, int? socketIndex = null)
    {
        var socket = socketIndex is int i ? _sockets[i] : SocketFor(destination);
        if (socket is null)
        {
            Log.Warn($"no listen socket can reach {destination}");
            return;
        }
        try
        {
            socket.SendTo(datagram, destination);
        }
        catch (SocketException e)
        {
            Log.Warn($"could not send to {destination}: {e.Message}");
        }
    }

    /// <summary>An IPv4 destination prefers an IPv4 socket, else a dual-stack one; IPv6 needs an IPv6 socket.</summary>
    private Socket? SocketFor(IPEndPoint destination)
    {
        if (destination.AddressFamily == AddressFamily.InterNetwork)
        {
            return _sockets.FirstOrDefault(s => s.AddressFamily == AddressFamily.InterNetwork)
                ?? _sockets.FirstOrDefault(s => s.AddressFamily == AddressFamily.InterNetworkV6 && s.DualMode);
        }
        return _sockets.FirstOrDefault(s => s.AddressFamily == AddressFamily.InterNetworkV6);
    }

    private async Task ReceiveLoop(Socket socket, int index, CancellationToken stop)
    {
        var buffer = new byte[ReceiveBufferBytes];
        EndPoint any = socket.AddressFamily == AddressFamily.InterNetwork
            ? new IPEndPoint(IPAddress.Any, 0)
            : new IPEndPoint(IPAddress.IPv6Any, 0);
        int failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stop).ConfigureAwait(false);
                failures = 0;
                if (result.ReceivedBytes > ReceiveQueues.MaxDatagramBytes)
                {
                    Interlocked.Increment(ref _oversized);
                    continue;
                }
                Received.Add(new Datagram(buffer.AsSpan(0, result.ReceivedBytes).ToArray(), (IPEndPoint)result.RemoteEndPoint, index));
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused
                                                or SocketError.MessageSize)
            {
                // An ICMP error about an earlier send, or an oversized datagram: nothing to do with this socket.
            }
            catch (SocketException e)
            {
                // Like upstream: keep going, backing off from 10 ms doubling, and say what happens.
                failures++;
                Log.Error($"receiving on {socket.LocalEndPoint} failed: {e.Message}");
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(10 << Math.Min(failures, 7), 1000)), CancellationToken.None)
                    .ConfigureAwait(false);
            }
        }
    }

    private static Socket BindAny()
    {
        try
        {
            return Bind(new IPEndPoint(IPAddress.IPv6Any, 0));
        }
        catch (InputFormatException)
        {
            return Bind(new IPEndPoint(IPAddress.Any, 0)); // no IPv6 on this host
        }
    }

    private static Socket Bind(IPEndPoint address)
    {
        Socket? socket = null;
        try
        {
            socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            if (address.AddressFamily == AddressFamily.InterNetworkV6) socket.DualMode = true;
            socket.Bind(address);
            return socket;
        }
        catch (SocketException e)
        {
            socket?.Dispose();
            throw new InputFormatException($"listen {SocketAddressParser.Format(address)}", $"cannot bind: {e.Message}");
        }
    }

    public void Dispose()
    {
        foreach (var socket in _sockets) socket.Dispose();
    }
}
