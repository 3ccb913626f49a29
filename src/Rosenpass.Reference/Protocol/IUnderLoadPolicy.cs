namespace Rosenpass.Reference.Protocol;

/// <summary>
/// Whether the server is under load right now (spec §8.5). Under load the responder demands a valid cookie
/// on InitHello and answers without one with a CookieReply. The decision is passed in, so tests and
/// the program choose it.
/// </summary>
public interface IUnderLoadPolicy
{
    bool IsUnderLoad(double now);
}

/// <summary>A fixed answer: never (the default) or always under load.</summary>
public sealed class FixedLoadPolicy(bool underLoad) : IUnderLoadPolicy
{
    public static FixedLoadPolicy Never { get; } = new(false);
    public static FixedLoadPolicy Always { get; } = new(true);

    public bool IsUnderLoad(double now) => underLoad;
}
