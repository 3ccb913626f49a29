namespace Rosenpass.Reference.Protocol;

/// <summary>
/// The under-load decision (spec §8.5). Under load the responder demands a valid cookie on InitHello and answers
/// one without it with a CookieReply (spec §8.3). The decision is passed in, so tests and the program choose it:
/// the vectors use <see cref="FixedLoadPolicy"/>, the daemon measures its load.
/// </summary>
public interface IUnderLoadPolicy
{
    /// <summary>Whether the server is under load at <paramref name="now"/>.</summary>
    bool IsUnderLoad(double now);

    /// <summary>
    /// Whether, under load, RespHello, EmptyData and CookieReply are dropped as NotProcessedUnderLoad: upstream's
    /// gate (true, the default) or the daemon's, which processes them (false; spec §8.5.2).
    /// </summary>
    bool DropsOtherTypesUnderLoad => true;

    /// <summary>
    /// Under load, for an InitHello whose cookie verified: whether the source named by <paramref name="hostId"/> may
    /// make us decapsulate now, taking one token of its bucket if so (spec §8.5.4). The default always allows.
    /// </summary>
    bool TryTakeToken(ReadOnlySpan<byte> hostId, double now) => true;
}

/// <summary>A fixed answer: never (the default) or always under load, with upstream's gate and no rate limit.</summary>
public sealed class FixedLoadPolicy(bool underLoad) : IUnderLoadPolicy
{
    public static FixedLoadPolicy Never { get; } = new(false);
    public static FixedLoadPolicy Always { get; } = new(true);

    public bool IsUnderLoad(double now) => underLoad;
}
