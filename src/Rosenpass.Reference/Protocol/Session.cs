using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Protocol;

/// <summary>Which role we had in the handshake that made a session.</summary>
public enum Role
{
    Initiator,
    Responder,
}

/// <summary>
/// A live session (spec §4.5, §10.4): our and their session ids, transmit keys and nonces, and the chaining
/// key from which the output key is derived.
/// </summary>
internal sealed class Session : IDisposable
{
    public required Role Role { get; init; }
    public required byte[] Sidm { get; init; }
    public required byte[] Sidt { get; init; }
    public required Secret Txkm { get; init; }
    public required Secret Txkt { get; init; }
    public ulong Txnm { get; set; }
    public ulong Txnt { get; set; }
    public required ChainingKey Ck { get; init; }
    public required double CreatedAt { get; init; }

    /// <summary>After this the session is due to be replaced by a new handshake (120 s / 130 s, spec §9.3).</summary>
    public double RetireAt => CreatedAt + (Role == Role.Responder ? Timing.RekeyAfterTimeResponder : Timing.RekeyAfterTimeInitiator);

    /// <summary>After this the session's key must not be used any more (180 s).</summary>
    public double DieAt => CreatedAt + Timing.RejectAfterTime;

    public void Dispose()
    {
        Txkm.Dispose();
        Txkt.Dispose();
        Ck.Dispose();
    }
}

/// <summary>The cached answer to an InitConf (spec §9.4): the InitConf's bytes up to its cookie, and our EmptyData.</summary>
internal sealed record InitConfResponse(byte[] InitConfUpToCookie, byte[] EmptyData, double CreatedAt)
{
    /// <summary>From this time on the cached answer is not used, and the next poll forgets it.</summary>
    public double ExpiresAt => CreatedAt + Timing.InitConfCacheTime;
}
