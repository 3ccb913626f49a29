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

    /// <summary>
    /// Case <paramref name="caseId"/> of one of our vector files (vectors/README.md): its steps' traced values in
    /// order, with the static public keys of the keys file and the psk. Null and the reason if the file cannot be read
    /// or has no such complete-handshake case.
    /// </summary>
    public static (WalkthroughInput? Input, string? Failure) FromVectorCase(string vectorFile, string caseId, string sourceName)
    {
        try
        {
            var file = VectorJson.Load<VectorFile>(vectorFile);
            var vectorCase = file.Cases.FirstOrDefault(c => c.Id == caseId);
            if (vectorCase == null) return (null, $"{vectorFile} has no case {caseId}");
            var keys = VectorJson.Load<KeysFile>(Path.Combine(Path.GetDirectoryName(vectorFile) ?? ".", file.KeysFile));
            var inputs = new List<(string, byte[])>();
            foreach (var server in vectorCase.Servers)
            {
                var pair = keys.Keys.FirstOrDefault(k => k.Name == server.StaticKey);
                if (pair == null) return (null, $"{file.KeysFile} has no key {server.StaticKey}");
                inputs.Add(($"{server.Name}'s static public key (spec §2.4)", VectorJson.Bytes(pair.PublicKey, $"{file.KeysFile} {pair.Name}")));
            }
            if (vectorCase.Servers[0].Peers.FirstOrDefault()?.Psk is { } psk)
                inputs.Add(("pre-shared key `psk`", VectorJson.Bytes(psk, $"{caseId} psk")));
            var values = vectorCase.Steps.SelectMany(step => step.Expected.Trace.Select(t =>
                (t.Step, t.Name, VectorJson.Bytes(t.Value, $"{caseId} step {step.Index} {t.Step} {t.Name}")))).ToList();
            var version = vectorCase.Version == "V02" ? ProtocolVersion.V02 : ProtocolVersion.V03;
            var input = new WalkthroughInput(
                $"Walkthrough: one {vectorCase.Version} handshake, value by value",
                $"The values are those of case `{caseId}` of our vector file `{sourceName}` ({vectorCase.Comment}). " +
                "`rosenpass vectors check` replays it through Rosenpass.Reference; upstream's recorded V03 handshake replays " +
                "through the same code byte for byte. In the file, a step's values are the `expected.trace` entries with its " +
                $"name: {string.Join("; ", vectorCase.Steps.Select(Describe))}.",
                version, inputs, values);
            return (input, null);
        }
        catch (InputFormatException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>"steps[1] (deliver at b): IHR1-RHR7": a vector step and the protocol steps it traces.</summary>
    private static string Describe(VectorStep step)
    {
        var names = step.Expected.Trace.Select(t => t.Step).Distinct().ToList();
        string traced = names.Count == 0 ? "no values" : names.Count == 1 ? names[0] : $"{names[0]}-{names[^1]}";
        return $"`steps[{step.Index}]` ({step.Action} at {step.Server}): {traced}";
    }
}
