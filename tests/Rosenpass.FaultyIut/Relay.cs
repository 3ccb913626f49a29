using System.Net;
using System.Net.Sockets;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.FaultyIut;

/// <summary>
/// Relays datagrams both ways between the runner (on <c>outside</c>, the address it configured) and the real
/// rosenpass. Each runner address gets a socket of its own on the inside, so the real rosenpass sees as many
/// senders as the runner has (two peers stay two); the runner's configured address (when the IUT initiates) has
/// <see cref="PeerSide"/>, the address the real rosenpass is given as its peer's endpoint. The faults that act on
/// datagrams drop, echo or count them here; without one, everything passes unchanged.
/// </summary>
internal sealed class Relay : IDisposable
{
    private static readonly int[] MessageLengths = [InitHello.Length, RespHello.Length, InitConf.Length, EmptyData.Length, CookieReply.Length];

    private readonly Fault _fault;
    private readonly UdpClient _peerSide = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly Dictionary<IPEndPoint, UdpClient> _inside = [];
    private readonly List<Task> _fromInside = [];
    private readonly Lock _gate = new();
    private readonly HashSet<string> _relayedInitConfs = [];
    private readonly HashSet<string> _sentOnce = [];
    private IPEndPoint? _peerSideOwner;

    /// <param name="runnerEndpoint">the runner's address when the IUT initiates (its configured endpoint), else null</param>
    public Relay(IPEndPoint? runnerEndpoint, Fault fault)
    {
        _fault = fault;
        _peerSideOwner = runnerEndpoint;
    }

    /// <summary>The inside address of the runner's configured endpoint (or of its first sender).</summary>
    public IPEndPoint PeerSide => (IPEndPoint)_peerSide.Client.LocalEndPoint!;

    /// <summary>Raised after relaying an InitConf equal to one relayed before.</summary>
    public event Action? ReplayedInitConf;

    /// <summary>Raised after relaying an InitHello to the real rosenpass.</summary>
    public event Action? InitHelloRelayed;

    public async Task RunAsync(UdpClient outside, IPEndPoint iut, CancellationToken stop)
    {
        if (_peerSideOwner is { } owner) Inside(owner, outside, stop);
        await FromRunner(outside, iut, stop);
        Task[] rest;
        lock (_gate) rest = [.. _fromInside];
        await Task.WhenAll(rest);
    }

    /// <summary>The inside socket for runner address <paramref name="runner"/>, made on its first datagram.</summary>
    private UdpClient Inside(IPEndPoint runner, UdpClient outside, CancellationToken stop)
    {
        lock (_gate)
        {
            if (_inside.TryGetValue(runner, out var socket)) return socket;
            if (_peerSideOwner == null || _peerSideOwner.Equals(runner))
            {
                _peerSideOwner = runner;
                socket = _peerSide;
            }
            else
            {
                socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            }
            _inside[runner] = socket;
            _fromInside.Add(ToRunner(socket, outside, runner, stop));
            return socket;
        }
    }

    private async Task FromRunner(UdpClient outside, IPEndPoint iut, CancellationToken stop)
    {
        while (await ReceiveAsync(outside, stop) is { } received)
        {
            byte[] datagram = received.Buffer;
            if (_fault == Fault.EchoMalformed && !MessageLengths.Contains(datagram.Length))
            {
                await SendAsync(outside, datagram, received.RemoteEndPoint, stop);
                continue;
            }
            if (_fault == Fault.DropCookieReply && datagram is [(byte)MessageType.CookieReply, ..]) continue;
            await SendAsync(Inside(received.RemoteEndPoint, outside, stop), datagram, iut, stop);
            if (datagram is [(byte)MessageType.InitConf, ..] && !_relayedInitConfs.Add(Convert.ToHexString(datagram)))
                ReplayedInitConf?.Invoke();
            if (datagram is [(byte)MessageType.InitHello, ..]) InitHelloRelayed?.Invoke();
        }
    }

    private async Task ToRunner(UdpClient inside, UdpClient outside, IPEndPoint runner, CancellationToken stop)
    {
        while (await ReceiveAsync(inside, stop) is { } received)
        {
            if (Dropped(received.Buffer)) continue;
            await SendAsync(outside, received.Buffer, runner, stop);
        }
    }

    /// <summary>The faults on what the real rosenpass sends.</summary>
    private bool Dropped(byte[] datagram)
    {
        var type = datagram.Length > 0 ? (MessageType)datagram[0] : 0;
        if (_fault == Fault.DropCookieReply && type == MessageType.CookieReply) return true;
        // Only the first message per session id gets out. The ids that name a message's handshake (spec §5):
        // InitHello sidi, RespHello sidi, InitConf sidi ‖ sidr, EmptyData sid.
        (int Offset, int Length)? ids = (_fault, type) switch
        {
            (Fault.NoRetransmission, MessageType.InitHello) => (4, 4),
            (Fault.NoRetransmission, MessageType.RespHello) => (8, 4),
            (Fault.NoRetransmission, MessageType.InitConf) => (4, 8),
            (Fault.NoCache, MessageType.EmptyData) => (4, 4),
            _ => null,
        };
        if (ids is not { } at || datagram.Length < at.Offset + at.Length) return false;
        lock (_gate) return !_sentOnce.Add(datagram[0] + ":" + Convert.ToHexString(datagram, at.Offset, at.Length));
    }

    private static async Task SendAsync(UdpClient socket, byte[] datagram, IPEndPoint to, CancellationToken stop)
    {
        try
        {
            await socket.SendAsync(datagram, to, stop);
        }
        catch (OperationCanceledException)
        {
            // stopping
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

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var socket in _inside.Values) socket.Dispose();
            _peerSide.Dispose();
        }
    }
}
