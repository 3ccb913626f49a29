using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Protocol;

/// <summary>
/// Everything a server draws on besides its keys. The defaults are what a running daemon uses; tests and
/// known-answer vectors replace them (a fake clock, scripted randomness, replayed KEM outputs). These are the core's
/// injection points: Rosenpass.Reference.Vectors and Rosenpass.Reference.Teaching drive a server through them alone.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>Session ids, cookie values, biscuit nonces and keys, cookie secrets, stale keys (spec §2.6).</summary>
    public IRandomSource Random { get; init; } = SystemRandom.Instance;

    /// <summary>Retransmission jitter only; kept apart so it never shifts the values vectors inject.</summary>
    public IRandomSource Jitter { get; init; } = SystemRandom.Instance;

    /// <summary>The static KEM (Classic McEliece 460896), null for the default drawing from <see cref="Random"/>.</summary>
    public IKem? StaticKem { get; init; }

    /// <summary>The ephemeral KEM (Kyber512 round 3), null for the default drawing from <see cref="Random"/>.</summary>
    public IKem? EphemeralKem { get; init; }

    /// <summary>Seconds for every timer (spec §9); vectors and tests use a clock they set by hand.</summary>
    public IClock Clock { get; init; } = new MonotonicClock();

    public IUnderLoadPolicy LoadPolicy { get; init; } = FixedLoadPolicy.Never;

    /// <summary>Receives every intermediate value; leave null outside tests and tools (it sees secrets).</summary>
    public IProtocolTrace? Trace { get; init; }
}
