namespace Rosenpass.Reference.Protocol;

/// <summary>
/// What an opened biscuit holds (spec §7.1): the initiator's peer id pidi, the biscuit number biscuit_no, and the
/// responder's chaining key ck at RespHello. The chaining key is secret: disposing this zeroes it.
/// </summary>
public sealed class OpenedBiscuit(byte[] pidi, byte[] number, ChainingKey ck) : IDisposable
{
    /// <summary>pidi: whose handshake this is.</summary>
    public byte[] Pidi { get; } = pidi;

    /// <summary>biscuit_no (12 bytes, little-endian): must exceed the peer's biscuit_used (spec §7.3).</summary>
    public byte[] Number { get; } = number;

    /// <summary>The restored chaining key; the handler mixes on from it.</summary>
    public ChainingKey Ck { get; } = ck;

    public void Dispose() => Ck.Dispose();
}
