using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Counterpart;

/// <summary>
/// Our side of a scenario: the library's <see cref="Server"/> with the IUT as its one peer, driven over its own
/// UDP socket on 127.0.0.1. Unlike the CLI's loop, every datagram passes hooks that can drop it, and every
/// datagram is recorded, so scenarios can lose, replay and forge messages. The loop runs on its own task;
/// the server is only touched under a lock.
/// </summary>
internal sealed class Counterpart : IAsyncDisposable
{
    private const int ReceiveBufferBytes = 65536;
    private static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(1);

    private readonly Server _server;
    private IPEndPoint? _iut;
    private readonly Socket _socket;
    private readonly MonotonicClock _clock = new();
    private readonly object _gate = new();
    private readonly Channel<byte[]> _inbox = Channel.CreateUnbounded<byte[]>();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<byte[]> _sent = [];
    private readonly List<byte[]> _received = [];
    private readonly HashSet<string> _initConfsSent = [];
    private Task _loop = Task.CompletedTask;
    private Task _receiver = Task.CompletedTask;
    private string? _key;
    private int _keyEvents;
    private int _accepted;
    private readonly List<MessageType> _acceptedTypes = [];

    /// <param name="ours">our static key pair</param>
    /// <param name="iutPublicKey">the IUT's public key</param>
    /// <param name="psk">the psk we use (copied; the caller keeps and disposes its own)</param>
    /// <param name="version">the protocol version configured for the IUT</param>
    /// <param name="weInitiate">true: we send InitHello (the IUT is responder); false: we only answer</param>
    /// <param name="iut">where the IUT listens; null when it initiates: then its first datagram's source</param>
    /// <param name="ipv6">listen on ::1 instead of 127.0.0.1 (when the IUT initiates; otherwise the IUT's address decides)</param>
    /// <param name="underLoad">whether our server is under load (spec §8.5): as responder it then answers InitHello without a valid cookie with a CookieReply</param>
    /// <param name="bind">where to listen; null: a free port on the loopback address of <paramref name="ipv6"/>
    /// (tests/Rosenpass.FaultyIut gives its configured address when it plays the IUT)</param>
    /// <param name="tieBreak">whether our server applies the tie-break (spec §9.6); off only in the faulty IUT</param>
    public Counterpart(KeyPair ours, byte[] iutPublicKey, Secret psk, ProtocolVersion version, bool weInitiate, IPEndPoint? iut,
        bool underLoad = false, bool ipv6 = false, IPEndPoint? bind = null, bool tieBreak = true)
    {
        _iut = iut;
        _server = new Server(ours.PublicKey, Secret.CopyOf(ours.SecretKey.Expose()), new ServerOptions
        {
            Clock = _clock, LoadPolicy = underLoad ? FixedLoadPolicy.Always : FixedLoadPolicy.Never, TieBreak = tieBreak,
        });
        _server.AddPeer(iutPublicKey, Secret.CopyOf(psk.Expose()), version, initiates: weInitiate);
        var loopback = iut?.AddressFamily == AddressFamily.InterNetworkV6 || ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        bind ??= new IPEndPoint(loopback, 0);
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(bind);
    }

    /// <summary>Our address, for the IUT's configuration when it initiates.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Called with each datagram our server is about to send; false drops it.</summary>
    public Func<byte[], bool> OnOutgoing { get; set; } = _ => true;

    /// <summary>Called with each datagram from the IUT before our server sees it; false drops it.</summary>
    public Func<byte[], bool> OnIncoming { get; set; } = _ => true;

    /// <summary>The latest key our server derived with the IUT (base64, as in an outfile), or null.</summary>
    public string? Key { get { lock (_gate) return _key; } }

    public int KeyEvents { get { lock (_gate) return _keyEvents; } }

    /// <summary>How many of the IUT's datagrams our server accepted.</summary>
    public int AcceptedFromIut { get { lock (_gate) return _accepted; } }

    /// <summary>How many of the IUT's datagrams of <paramref name="type"/> our server accepted.</summary>
    public int AcceptedFromIutOf(MessageType type) { lock (_gate) return _acceptedTypes.Count(t => t == type); }

    /// <summary>
    /// Whether our retransmissions of InitConf (spec §9.2) reach the IUT. Off by default (see <see cref="IsRepeatedInitConf"/>);
    /// the cache scenario turns it on, since the IUT's answer to them is its subject.
    /// </summary>
    public bool SendRepeatedInitConf { get; set; }

    /// <summary>The error that stopped our loop, if one did (a runner bug, reported as such).</summary>
    public Exception? LoopError { get; private set; }

    /// <summary>Where the IUT listens, for a counterpart made before the IUT started (both initiate).</summary>
    public void SetIut(IPEndPoint iut) => Volatile.Write(ref _iut, iut);

    public void Start()
    {
        _receiver = Task.Run(() => ReceiveAsync(_stop.Token));
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>The datagrams we sent of <paramref name="type"/> (dropped ones included), in order.</summary>
    public IReadOnlyList<byte[]> Sent(MessageType type)
    {
        lock (_sent) return [.. _sent.Where(d => d.Length > 0 && d[0] == (byte)type)];
    }

    /// <summary>Every datagram received from the IUT (dropped ones included), in order.</summary>
    public IReadOnlyList<byte[]> Received()
    {
        lock (_received) return [.. _received];
    }

    public IReadOnlyList<byte[]> Received(MessageType type) => [.. Received().Where(d => d.Length > 0 && d[0] == (byte)type)];

    /// <summary>Sends raw bytes to the IUT, past our server and the hooks: replays and forgeries.</summary>
    public void Inject(byte[] datagram)
    {
        if (Volatile.Read(ref _iut) is { } iut) _socket.SendTo(datagram, iut);
    }

    /// <summary>
    /// Hands a datagram from the IUT to our server now, as if it had just arrived (it passes <see cref="OnIncoming"/>
    /// again): a datagram the hook held back is delivered late.
    /// </summary>
    public void DeliverLate(byte[] datagram) => _inbox.Writer.TryWrite(datagram);

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            double nextPoll = 0;
            while (!stop.IsCancellationRequested)
            {
                if (_clock.Now >= nextPoll)
                {
                    nextPoll = Poll();
                    continue;
                }
                if (!await WaitForDatagramAsync(nextPoll, stop).ConfigureAwait(false)) continue;
                while (_inbox.Reader.TryRead(out var datagram))
                {
                    if (Handle(datagram)) nextPoll = 0; // an accepted message can start or end a handshake
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LoopError = e;
        }
    }

    private async Task<bool> WaitForDatagramAsync(double until, CancellationToken stop)
    {
        var sleep = TimeSpan.FromSeconds(Math.Clamp(until - _clock.Now, 0, MaxSleep.TotalSeconds));
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
        wake.CancelAfter(sleep);
        try
        {
            return await _inbox.Reader.WaitToReadAsync(wake.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private double Poll()
    {
        PollResult result;
        lock (_gate) result = _server.Poll();
        foreach (var e in result.Events) HandleEvent(e);
        return result.NextPollAt;
    }

    private bool Handle(byte[] datagram)
    {
        if (!OnIncoming(datagram)) return false;
        HandleOutcome outcome;
        lock (_gate)
        {
            outcome = _server.HandleMessage(datagram);
            if (outcome.Accepted)
            {
                _accepted++;
                if (datagram.Length > 0) _acceptedTypes.Add((MessageType)datagram[0]);
            }
        }
        if (outcome.Response is { } response) Send(response);
        foreach (var e in outcome.Events) HandleEvent(e);
        return outcome.Accepted;
    }

    private void HandleEvent(ServerEvent e)
    {
        switch (e)
        {
            case SendToPeer send:
                Send(send.Datagram);
                break;
            case KeyExchanged exchanged:
                using (exchanged.Key)
                {
                    lock (_gate)
                    {
                        _key = Convert.ToBase64String(exchanged.Key.Expose());
                        _keyEvents++;
                    }
                }
                break;
            case KeyStale stale:
                stale.Key.Dispose();
                break;
        }
    }

    private void Send(byte[] datagram)
    {
        lock (_sent) _sent.Add(datagram);
        if (IsRepeatedInitConf(datagram) && !SendRepeatedInitConf) return;
        if (OnOutgoing(datagram)) Inject(datagram);
    }

    /// <summary>
    /// Our server retransmits InitConf until EmptyData arrives (spec §9.2); a slow IUT can make that happen. We
    /// send each handshake's InitConf once: loopback loses nothing once the IUT has answered, and a repeated
    /// InitConf meets the IUT's response cache (spec §9.4), which is the replay scenario's subject alone.
    /// </summary>
    private bool IsRepeatedInitConf(byte[] datagram)
    {
        if (datagram.Length != InitConf.Length || datagram[0] != (byte)MessageType.InitConf) return false;
        string sessionIds = Convert.ToHexString(datagram, Envelope.HeaderLength, 8); // sidi and sidr
        lock (_initConfsSent) return !_initConfsSent.Add(sessionIds);
    }

    private async Task ReceiveAsync(CancellationToken stop)
    {
        var buffer = new byte[ReceiveBufferBytes];
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stop).ConfigureAwait(false);
                byte[] datagram = buffer.AsSpan(0, result.ReceivedBytes).ToArray();
                Interlocked.CompareExchange(ref _iut, (IPEndPoint)result.RemoteEndPoint, null);
                lock (_received) _received.Add(datagram);
                _inbox.Writer.TryWrite(datagram);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // An ICMP "port unreachable" for an earlier datagram (the IUT not yet listening): keep receiving.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loop, _receiver).ConfigureAwait(false);
        _socket.Dispose();
        _server.Dispose();
        _stop.Dispose();
    }
}
