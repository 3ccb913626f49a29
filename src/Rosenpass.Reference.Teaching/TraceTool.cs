using System.Text.Encodings.Web;
using System.Text.Json;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Teaching;

/// <summary>
/// <c>rosenpass trace</c>: one complete handshake, a (initiator) to b (responder), and every value the protocol trace
/// records (spec §6), one row each: the step, its spec sections, the step's operation, the value's name and its bytes.
/// <c>--case ID</c> replays a case of our vectors (the walkthrough's numbers, the same on every run); without it the
/// handshake uses fresh keys. <c>--json</c> prints the rows for machines, with values in full. The values include
/// secrets (chaining keys, the output key) of test or throw-away keys: for learning, never for a real deployment.
/// </summary>
public static class TraceTool
{
    public const int Success = 0, Failure = 1;

    /// <summary>One printed value: the protocol step and value, and for a vector case the vector step and server.</summary>
    private sealed record Row(string Step, string Name, byte[] Value, int? VectorStep = null, string? Server = null);

    /// <summary>Runs the handshake with freshly generated static keys (two McEliece key generations: a few seconds).</summary>
    public static int Run(ProtocolVersion version, TextWriter output, bool json = false)
    {
        using var a = KeyPair.Generate(SystemRandom.Instance);
        using var b = KeyPair.Generate(SystemRandom.Instance);
        return Run(version, output, a, b, json);
    }

    /// <summary>Runs the handshake with the given static key pairs of a and b.</summary>
    public static int Run(ProtocolVersion version, TextWriter output, KeyPair a, KeyPair b, bool json = false)
    {
        var trace = new RecordingTrace();
        var result = TracedHandshake.Run(version, a, b, trace);
        var rows = trace.Values.Select(v => new Row(v.Step, v.Name, v.Value)).ToList();
        string title = $"rosenpass trace: one {version} handshake, a initiates to b (spec §6). Throw-away keys; the values include secrets.";
        var problems = new List<string>();
        if (result.Failure != null) problems.Add($"handshake failed: {result.Failure}");
        else if (!result.KeyA.AsSpan().SequenceEqual(result.KeyB)) problems.Add("the two sides exchanged different output keys");
        return Print(output, json, title, null, version.ToString(), rows, problems);
    }

    /// <summary>
    /// Replays case <paramref name="caseId"/> of our vectors, found in <paramref name="vectors"/> (a vector file, or
    /// a folder of them such as vectors/), through this implementation with the case's recorded draws and KEM results.
    /// Fails if there is no such case or if a replayed value differs from the file's.
    /// </summary>
    public static int RunCase(string vectors, string caseId, TextWriter output, bool json = false)
    {
        foreach (string file in VectorFiles(vectors))
        {
            if (VectorChecker.ReplayCase(file, caseId) is not { } replay) continue;
            var rows = replay.Values.Select(v => new Row(v.Step, v.Name, v.Value, v.VectorStep, v.Server)).ToList();
            var c = replay.Case;
            string title = $"rosenpass trace: case {c.Id} of {file}, replayed ({c.Version}; {c.Comment}). Test keys; the values include secrets.";
            var problems = replay.Mismatches.ToList();
            if (problems.Count == 0 && rows.Count(r => r.Name == "osk") != 2) problems.Add($"case {c.Id} is not one complete handshake (no two output keys)");
            return Print(output, json, title, c.Id, c.Version, rows, problems);
        }
        throw new InputFormatException(vectors, $"no vector case '{caseId}' here (case ids are the \"id\" fields of vectors/*.json, e.g. v03-handshake-psk)");
    }

    /// <summary>The case files in <paramref name="path"/>: the file itself, or a folder's .json files except keys, primitives and schema.</summary>
    private static IEnumerable<string> VectorFiles(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new InputFormatException(path, "no such vector file or folder");
        return Directory.GetFiles(path, "*.json").Where(f => Path.GetFileName(f) is not (VectorGenerator.KeysFileName or PrimitiveChecker.FileName or "schema.json"))
            .Order(StringComparer.Ordinal);
    }

    private static int Print(TextWriter output, bool json, string title, string? caseId, string version, List<Row> rows, List<string> problems)
    {
        var keys = rows.Where(r => r.Name == "osk").Select(r => r.Value).ToList();
        if (json) PrintJson(output, caseId, version, rows, problems);
        else PrintText(output, title, rows, problems, keys);
        return problems.Count == 0 ? Success : Failure;
    }

    private static void PrintText(TextWriter output, string title, List<Row> rows, List<string> problems, List<byte[]> keys)
    {
        output.WriteLine(title);
        output.WriteLine($"{"step",-5} {"section",-17} {"operation",-44} {"value",-11} bytes");
        foreach (var row in rows)
        {
            string operation = StepCatalog.Find(row.Step)?.Operation ?? "";
            output.WriteLine($"{row.Step,-5} {"spec " + StepCatalog.SectionsOf(row.Step, row.Name),-17} {operation,-44} {row.Name,-11} {HexText.Short(row.Value)}");
        }
        foreach (string problem in problems) output.WriteLine(problem);
        if (problems.Count == 0)
            output.WriteLine($"both sides exchanged the same output key osk (spec §4.6): {HexText.Short(keys[0])}");
    }

    /// <summary>One JSON document: the case, every row with its value in full hex, the problems and the verdict.</summary>
    private static void PrintJson(TextWriter output, string? caseId, string version, List<Row> rows, List<string> problems)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (caseId != null) json.WriteString("case", caseId); else json.WriteNull("case");
            json.WriteString("version", version);
            json.WriteStartArray("values");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                if (row.VectorStep is { } index) json.WriteNumber("vectorStep", index);
                if (row.Server != null) json.WriteString("server", row.Server);
                json.WriteString("step", row.Step);
                json.WriteString("section", StepCatalog.SectionsOf(row.Step, row.Name));
                json.WriteString("operation", StepCatalog.Find(row.Step)?.Operation ?? "");
                json.WriteString("name", row.Name);
                json.WriteString("value", Convert.ToHexStringLower(row.Value));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("problems");
            foreach (string problem in problems) json.WriteStringValue(problem);
            json.WriteEndArray();
            json.WriteBoolean("ok", problems.Count == 0);
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
