using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Protocol;

/// <summary>What the server tells its caller (spec §10.5). It never touches sockets or files itself.</summary>
public abstract record ServerEvent(Peer Peer);

/// <summary>A handshake completed: <paramref name="Key"/> is the new output key. The receiver disposes it.</summary>
public sealed record KeyExchanged(Peer Peer, Secret Key) : ServerEvent(Peer);

/// <summary>The session died without a new handshake: <paramref name="Key"/> is a fresh random key that
/// replaces the old one (spec §9.3). The receiver disposes it.</summary>
public sealed record KeyStale(Peer Peer, Secret Key) : ServerEvent(Peer);

/// <summary>Send <paramref name="Datagram"/> to the peer's endpoint (an initiation or a retransmission).</summary>
public sealed record SendToPeer(Peer Peer, byte[] Datagram) : ServerEvent(Peer);
