namespace Rosenpass.Reference.Protocol;

/// <summary>
/// Receives every intermediate value of a handshake, named by its step (spec §6), for known-answer vectors
/// and teaching traces. The values include secrets (chaining keys): attach a trace only in tests and tools,
/// never in a running daemon.
/// </summary>
public interface IProtocolTrace
{
    /// <summary>Step <paramref name="step"/> (e.g. "IHI4") produced <paramref name="value"/>, named <paramref name="name"/> (e.g. "ck").</summary>
    void Record(string step, string name, ReadOnlySpan<byte> value);
}
