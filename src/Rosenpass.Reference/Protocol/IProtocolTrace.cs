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

    /// <summary>
    /// Step <paramref name="step"/> performed <paramref name="operation"/> on <paramref name="operands"/>, named as in
    /// spec §6.7 (e.g. "IHI5", "encaps_and_mix", ["SKEM", "spkr"]). Called in the order the operations run, so a
    /// role's calls are its operation trace. The default ignores it.
    /// </summary>
    void Operation(string step, string operation, IReadOnlyList<string> operands) { }
}
