using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Teaching;

/// <summary>
/// <c>rosenpass trace [--version V02|V03]</c>: runs one complete handshake between two fresh servers, a
/// (initiator) and b (responder), and prints every value the protocol trace records (spec §6): the step, its
/// spec section, the value's name and its bytes. The values include secrets (chaining keys, the output key) of
/// throw-away keys: this is for learning, never for a real deployment.
/// </summary>
public static class TraceTool
{
    public const int Success = 0, Failure = 1;

    /// <summary>Runs the handshake with freshly generated static keys (two McEliece key generations: a few seconds).</summary>
    public static int Run(ProtocolVersion version, TextWriter output) =>
        Run(version, output, KeyPair.Generate(), KeyPair.Generate());

    /// <summary>Runs the handshake with the given static key pairs of a and b.</summary>
    public static int Run(ProtocolVersion version, TextWriter output, KeyPair a, KeyPair b)
    {
        var trace = new RecordingTrace();
        var result = TracedHandshake.Run(version, a, b, trace);
        output.WriteLine($"rosenpass trace: one {version} handshake, a initiates to b (spec §6). Throw-away keys; the values include secrets.");
        output.WriteLine($"{"step",-5} {"section",-17} {"value",-11} bytes");
        foreach (var (step, name, value) in trace.Values)
        {
            output.WriteLine($"{step,-5} {"spec " + StepCatalog.SectionsOf(step, name),-17} {name,-11} {HexText.Short(value)}");
        }
        if (result.Failure != null)
        {
            output.WriteLine($"handshake failed: {result.Failure}");
            return Failure;
        }
        bool same = result.KeyA.AsSpan().SequenceEqual(result.KeyB);
        output.WriteLine(same
            ? $"both sides exchanged the same output key osk (spec §4.6): {HexText.Short(result.KeyA)}"
            : "the two sides exchanged different output keys");
        return same ? Success : Failure;
    }
}
