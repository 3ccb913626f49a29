using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Cli.Net;

/// <summary>
/// Received datagrams waiting for the event loop (spec §8.5.5): InitHellos in one queue, everything else in another,
/// each bounded in count and in bytes, taken in turn so that a flood of InitHellos cannot starve the datagrams of
/// established sessions. Datagrams longer than the largest message never get here (<see cref="UdpSockets"/>).
/// The receiving threads add, the event loop takes.
/// </summary>
public sealed class ReceiveQueues
{
    /// <summary>MAX_MESSAGE_LEN: longer datagrams are dropped before they are queued.</summary>
    public const int MaxDatagramBytes = Server.MaxMessageLength;

    /// <summary>QUEUE_MAX_DATAGRAMS, per queue.</summary>
    public const int MaxDatagrams = 1024;

    /// <summary>QUEUE_MAX_BYTES, per queue.</summary>
    public const int MaxBytes = 1 << 20;

    private sealed class Bounded
    {
        private readonly Queue<Datagram> _items = new();
        private int _bytes;

        public int Count => _items.Count;

        public bool TryAdd(Datagram datagram)
        {
            if (_items.Count >= MaxDatagrams || _bytes + datagram.Bytes.Length > MaxBytes) return false;
            _items.Enqueue(datagram);
            _bytes += datagram.Bytes.Length;
            return true;
        }

        public bool TryTake(out Datagram datagram)
        {
            if (!_items.TryDequeue(out datagram!)) return false;
            _bytes -= datagram.Bytes.Length;
            return true;
        }
    }

    private readonly object _gate = new();
    private readonly Bounded _initHellos = new();
    private readonly Bounded _others = new();
    private readonly SemaphoreSlim _arrived = new(0, 1);
    private bool _initHelloTurn;
    private long _dropped;

    /// <summary>Datagrams dropped because their queue was full, so far.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>InitHellos waiting (the backlog of spec §8.5.3).</summary>
    public int InitHellosWaiting { get { lock (_gate) return _initHellos.Count; } }

    /// <summary>An InitHello is recognised by its type byte and its length; anything else goes to the other queue.</summary>
    public static bool IsInitHello(byte[] datagram) => datagram.Length == InitHello.Length && datagram[0] == (byte)MessageType.InitHello;

    /// <summary>Queues a datagram, or drops it (and counts it) if its queue is full.</summary>
    public void Add(Datagram datagram)
    {
        bool added;
        lock (_gate) added = (IsInitHello(datagram.Bytes) ? _initHellos : _others).TryAdd(datagram);
        if (!added)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }
        try
        {
            if (_arrived.CurrentCount == 0) _arrived.Release();
        }
        catch (SemaphoreFullException)
        {
            // another receiver woke the loop already
        }
    }

    /// <summary>The next datagram, from the two queues in turn (an empty queue is skipped).</summary>
    public bool TryTake(out Datagram datagram)
    {
        lock (_gate)
        {
            var (first, second) = _initHelloTurn ? (_initHellos, _others) : (_others, _initHellos);
            _initHelloTurn = !_initHelloTurn;
            return first.TryTake(out datagram) || second.TryTake(out datagram);
        }
    }

    /// <summary>Waits until a datagram may have arrived, <paramref name="timeout"/> passed, or <paramref name="stop"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken stop)
    {
        try
        {
            await _arrived.WaitAsync(timeout, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping: the loop sees the token
        }
    }
}
