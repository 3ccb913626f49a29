using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Protocol;

/// <summary>
/// The result of handling one datagram: either a <see cref="Rejection"/> (and nothing changed), or
/// acceptance with an optional response to the sender and events such as a new key.
/// </summary>
public sealed class HandleOutcome
{
    private HandleOutcome(MessageType? type, Rejection? rejection, byte[]? response, Peer? peer, IReadOnlyList<ServerEvent> events)
    {
        Type = type;
        Rejection = rejection;
        Response = response;
        Peer = peer;
        Events = events;
    }

    /// <summary>The message type, when the frame was valid.</summary>
    public MessageType? Type { get; }

    /// <summary>Why the datagram was rejected; null when it was accepted.</summary>
    public Rejection? Rejection { get; }

    /// <summary>The datagram to send back to the sender's address, if any.</summary>
    public byte[]? Response { get; }

    /// <summary>The peer the message belonged to, when known.</summary>
    public Peer? Peer { get; }

    /// <summary>Key events this message caused.</summary>
    public IReadOnlyList<ServerEvent> Events { get; }

    public bool Accepted => Rejection is null;

    internal static HandleOutcome Reject(MessageType? type, RejectionKind kind, string detail) =>
        new(type, new Rejection(kind, detail), null, null, []);

    internal static HandleOutcome Reject(MessageType? type, Rejection rejection) => new(type, rejection, null, null, []);

    internal static HandleOutcome Accept(MessageType type, Peer? peer, byte[]? response, params ServerEvent[] events) =>
        new(type, null, response, peer, events);

    public override string ToString() => Accepted ? $"accepted {Type}" : $"rejected {Type}: {Rejection}";
}
