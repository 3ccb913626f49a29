using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// The race of spec §9.6, made certain instead of left to timing. In a simultaneous initiation, both sides reach
/// ICI7 before either reaches ICR7, and the IUT (the leader) gets our InitConf last of all: the IUT's InitConf is
/// held from our server until ours has been made (our ICI7); then our server takes it (our ICR7) and its EmptyData
/// goes out; our InitConf follows that EmptyData. A leader with the rule refuses our late InitConf (rule 2) and both
/// keep its key; without the rule it takes our key after we took its own, and the keys split every time. Each hold
/// lasts at most <c>holdAtMost</c> (a leader's rule 1 may rightly keep our handshake from reaching ICI7). Holding is
/// only delay, which the rule must survive.
/// </summary>
internal sealed class CrossedInitConfs(Counterpart.Counterpart us, TimeSpan holdAtMost)
{
    private readonly Lock _gate = new();
    private byte[]? _heldOurs, _heldTheirs;
    private bool _oursMade, _theirsArrived, _released;

    /// <summary>Installs the hooks on our counterpart.</summary>
    public void Install()
    {
        us.OnOutgoing = Outgoing;
        us.OnIncoming = Incoming;
    }

    /// <summary>Whether the two InitConfs crossed as planned (each was there before the other was released).</summary>
    public bool Crossed { get; private set; }

    private bool Outgoing(byte[] datagram)
    {
        lock (_gate)
        {
            if (datagram is [(byte)MessageType.EmptyData, ..] && _released && _heldOurs is { } ours)
            {
                // our ICR7's EmptyData first, then our InitConf
                us.Inject(datagram);
                us.Inject(ours);
                _heldOurs = null;
                return false;
            }
            if (datagram is not [(byte)MessageType.InitConf, ..] || _oursMade) return true;
            _oursMade = true;
            _heldOurs = datagram;
            if (_theirsArrived && !_released) ReleaseLocked(crossed: true);
        }
        _ = ReleaseAfterAsync();
        return false;
    }

    private bool Incoming(byte[] datagram)
    {
        if (datagram is not [(byte)MessageType.InitConf, ..]) return true;
        lock (_gate)
        {
            if (_released) return true;
            if (_theirsArrived) return false; // a retransmission of the held one, which is delivered once released
            _theirsArrived = true;
            _heldTheirs = datagram;
            if (_oursMade)
            {
                ReleaseLocked(crossed: true);
                return false;
            }
        }
        _ = ReleaseAfterAsync();
        return false;
    }

    /// <summary>A hold ends after <c>holdAtMost</c> whatever happened; our InitConf, if still held, leaves then.</summary>
    private async Task ReleaseAfterAsync()
    {
        await Task.Delay(holdAtMost).ConfigureAwait(false);
        lock (_gate)
        {
            if (!_released) ReleaseLocked(crossed: false);
        }
        await Task.Delay(holdAtMost).ConfigureAwait(false);
        lock (_gate)
        {
            if (_heldOurs is { } ours) us.Inject(ours);
            _heldOurs = null;
        }
    }

    /// <summary>Their InitConf to our server; ours waits for the EmptyData that our server answers it with.</summary>
    private void ReleaseLocked(bool crossed)
    {
        _released = true;
        Crossed = crossed;
        if (_heldTheirs != null) us.DeliverLate(_heldTheirs);
        _heldTheirs = null;
    }
}
