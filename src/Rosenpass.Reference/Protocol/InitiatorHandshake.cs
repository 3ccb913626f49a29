using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Protocol;

/// <summary>What the initiator's handshake waits for next (spec §10.3).</summary>
internal enum HandshakeNext
{
    RespHello,
    EmptyData,
}

/// <summary>
/// The state of a handshake we initiated (spec §10.3): session ids, the chaining key until InitConf is sent,
/// the ephemeral Kyber key pair, the cookie value for our envelopes, and the message kept for retransmission.
/// </summary>
internal sealed class InitiatorHandshake : IDisposable
{
    public required byte[] Sidi { get; init; }
    public byte[] Sidr { get; set; } = new byte[Messages.FieldLength.SessionId];
    public required ChainingKey? Ck { get; set; }
    public required Secret Eski { get; init; }
    public required byte[] Epki { get; init; }
    public required HandshakeNext Next { get; set; }
    public required double CreatedAt { get; init; }

    /// <summary>The 16-byte cookie value sealed into our envelopes (spec §8.2); random until a CookieReply brings one.</summary>
    public required Secret CookieValue { get; set; }

    /// <summary>The message we retransmit until it is answered (InitHello, later InitConf).</summary>
    public required byte[] StoredMessage { get; set; }
    public int RetransmitCount { get; set; }
    public double RetransmitAt { get; set; }

    public bool IsDead(double now) => Timing.HasHappened(CreatedAt + Timing.RejectAfterTime, now);

    public void Dispose()
    {
        Ck?.Dispose();
        Eski.Dispose();
        CookieValue.Dispose();
    }
}
