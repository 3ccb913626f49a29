using System.Net;
using Rosenpass.Cli.Config;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Cli.Net;

/// <summary>
/// A configured peer as the event loop sees it: its config, the core's <see cref="Peer"/>, and where to send.
/// Until a handshake completes, sends go to the endpoint's resolved addresses in turn (upstream's host path
/// discovery); afterwards to the address the completing message came from.
/// </summary>
public sealed class PeerRoute(PeerConfig config, Peer peer, IReadOnlyList<IPEndPoint> candidates)
{
    private int _nextCandidate;

    public PeerConfig Config { get; } = config;

    public Peer Peer { get; } = peer;

    /// <summary>Where the last completed exchange came from, and on which socket.</summary>
    public (IPEndPoint Address, int SocketIndex)? Current { get; set; }

    /// <summary>The address for the next send, or null for a responder-only peer that has not talked to us yet.</summary>
    public (IPEndPoint Address, int? SocketIndex)? NextDestination()
    {
        if (Current is { } current) return (current.Address, current.SocketIndex);
        if (candidates.Count == 0) return null;
        var address = candidates[_nextCandidate % candidates.Count];
        _nextCandidate++;
        return (address, null);
    }

    /// <summary>Forgets the learned address (after a stale key, discovery restarts as upstream does).</summary>
    public void ResetDiscovery() => Current = null;
}
