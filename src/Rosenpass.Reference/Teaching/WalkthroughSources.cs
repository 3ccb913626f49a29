using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Teaching;

/// <summary>Where a walkthrough's values come from: a vector, replayed through our implementation.</summary>
public static class WalkthroughSources
{
    /// <summary>
    /// Upstream's recorded V03 handshake (crypto_server_test_vector_1): replayed with both roles ours, every value
    /// traced. The replay also checks each output against the recording; a mismatch is returned as the failure.
    /// </summary>
    public static (WalkthroughInput? Input, string? Failure) FromUpstreamVector(IReadOnlyList<AssertTvEntry> entries, string sourceName)
    {
        var trace = new RecordingTrace();
        var problems = UpstreamVectorReplay.Check(entries, UpstreamVectorReplay.Mode.BothRoles, trace);
        if (problems.Count > 0) return (null, string.Join("\n", problems));
        var input = new WalkthroughInput(
            "Walkthrough: one V03 handshake, value by value",
            $"The values are those of upstream's recorded handshake `{sourceName}`, which our implementation reproduces byte " +
            "for byte: peer a initiates, peer b responds, both share a psk. Upstream's own randomness and KEM results are " +
            "injected where upstream drew them; every other value below is computed by Rosenpass.Reference.",
            ProtocolVersion.V03,
            [
                ("a's static public key `spki` (spec §2.4)", entries[1].Value),
                ("b's static public key `spkr`", entries[3].Value),
                ("pre-shared key `psk`", entries[4].Value),
            ],
            trace.Values);
        return (input, null);
    }
}
