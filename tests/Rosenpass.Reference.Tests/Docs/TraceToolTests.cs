using System.Text.Json;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Teaching;
using Rosenpass.Reference.Tests.Vectors;
using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Tests.Docs;

/// <summary>
/// <c>rosenpass trace</c>: one handshake, every traced value with its step, spec section and operation; <c>--case</c>
/// replays a case of our vectors (the walkthrough's numbers), <c>--json</c> prints the same for machines.
/// </summary>
public class TraceToolTests
{
    private static readonly KeyPair A = new(UpstreamVector.Value(UpstreamVector.PeerAPublicKey), Secret.CopyOf(UpstreamVector.Value(UpstreamVector.PeerASecretKey)));
    private static readonly KeyPair B = new(UpstreamVector.Value(UpstreamVector.PeerBPublicKey), Secret.CopyOf(UpstreamVector.Value(UpstreamVector.PeerBSecretKey)));

    [Theory]
    [InlineData(ProtocolVersion.V02)]
    [InlineData(ProtocolVersion.V03)]
    public void Prints_every_traced_step_with_its_section_and_succeeds(ProtocolVersion version)
    {
        var output = new StringWriter();
        Assert.Equal(TraceTool.Success, TraceTool.Run(version, output, A, B));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(version.ToString(), lines[0]);
        foreach (var step in StepCatalog.Steps.Where(s => s.Name is not ("RHI2" or "ICR5" or "ICR6")))
            Assert.Contains(lines, l => l.StartsWith($"{step.Name,-5} spec §{step.Section}", StringComparison.Ordinal) && l.Contains(step.Operation));
        Assert.Contains(lines, l => l.StartsWith("IHI8  spec §6.1, §5.2   auth = encrypt_and_mix(\"\")", StringComparison.Ordinal)
            && l.Contains(" InitHello   81") && l.EndsWith("… (1060 bytes)"));
        Assert.StartsWith("both sides exchanged the same output key osk (spec §4.6): ", lines[^1]);
    }

    [Fact]
    public void The_values_printed_are_those_of_the_handshake()
    {
        // The IHI1 chaining key is init(spkr) = KH(VAL(ckinit), spkr) (spec §4.1), computed here from the label tree.
        var output = new StringWriter();
        TraceTool.Run(ProtocolVersion.V03, output, A, B);
        string ihi1 = Convert.ToHexStringLower(Labels.V03.CkInit.Mix(B.PublicKey).Value);
        Assert.Contains($"IHI1  spec §6.1         {"ck = init(spkr)",-44} ck          {ihi1}", output.ToString());
        // The two osk lines (ICI7, ICR7) and the summary name the same key.
        var words = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var osk = words.Where(w => w[^2] == "osk" || w[0] == "both").Select(w => w[^1]).ToList();
        Assert.Equal(3, osk.Count);
        Assert.Single(osk.Distinct());
    }

    /// <summary>The responder's RespHello fields are traced where they are computed, equal to the bytes on the wire.</summary>
    [Fact]
    public void The_responders_ecti_scti_and_auth_are_traced_as_they_go_on_the_wire()
    {
        var trace = new RecordingTrace();
        Assert.Null(TracedHandshake.Run(ProtocolVersion.V03, A, B, trace).Failure);
        var fields = MessageFields.Of(trace.Find("RHR7", "RespHello")!)!.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(fields["ecti"], trace.Find("RHR4", "ecti"));
        Assert.Equal(fields["scti"], trace.Find("RHR5", "scti"));
        Assert.Equal(fields["auth"], trace.Find("RHR7", "auth"));
    }

    [Fact]
    public void A_vector_case_replays_with_the_files_values_and_operations()
    {
        var output = new StringWriter();
        Assert.Equal(TraceTool.Success, TraceTool.RunCase(GeneratedVectorsFixture.Committed, "v03-handshake-psk", output));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rosenpass trace: case v03-handshake-psk of ", lines[0]);
        var expected = ExpectedTrace("v03-handshake-psk");
        Assert.Equal(expected.Count, lines.Length - 3);
        for (int i = 0; i < expected.Count; i++)
        {
            var (step, name, value) = expected[i];
            string row = lines[i + 2];
            Assert.StartsWith($"{step,-5} spec §", row);
            Assert.Contains($" {StepCatalog.Find(step)!.Operation}", row);
            Assert.EndsWith($" {name,-11} {HexText.Short(Convert.FromHexString(value))}", row);
        }
        Assert.Contains(lines, l => l.StartsWith("RHR4 ", StringComparison.Ordinal) && l.Contains(" ecti "));
        Assert.Contains(lines, l => l.StartsWith("RHR7 ", StringComparison.Ordinal) && l.Contains(" auth "));
        Assert.StartsWith("both sides exchanged the same output key osk", lines[^1]);
    }

    [Fact]
    public void Json_has_every_value_in_full_with_its_operation()
    {
        var output = new StringWriter();
        Assert.Equal(TraceTool.Success, TraceTool.RunCase(GeneratedVectorsFixture.Committed, "v02-handshake-psk", output, json: true));
        using var document = JsonDocument.Parse(output.ToString());
        var root = document.RootElement;
        Assert.Equal("v02-handshake-psk", root.GetProperty("case").GetString());
        Assert.True(root.GetProperty("ok").GetBoolean());
        var values = root.GetProperty("values").EnumerateArray().ToList();
        var expected = ExpectedTrace("v02-handshake-psk");
        Assert.Equal(expected.Select(e => (e.Step, e.Name, e.Value)),
            values.Select(v => (v.GetProperty("step").GetString()!, v.GetProperty("name").GetString()!, v.GetProperty("value").GetString()!)));
        Assert.All(values, v => Assert.Equal(StepCatalog.Find(v.GetProperty("step").GetString()!)!.Operation, v.GetProperty("operation").GetString()));
    }

    [Fact]
    public void A_case_whose_file_was_changed_fails_and_names_the_entry()
    {
        string dir = GeneratedVectorsFixture.TempFolder();
        foreach (string name in new[] { VectorGenerator.KeysFileName, "handshake.json" })
            File.Copy(Path.Combine(GeneratedVectorsFixture.Committed, name), Path.Combine(dir, name));
        string path = Path.Combine(dir, "handshake.json");
        string ihi1 = ExpectedTrace("v03-handshake-psk")[0].Value;
        File.WriteAllText(path, File.ReadAllText(path).Replace(ihi1, (ihi1[0] == '0' ? "1" : "0") + ihi1[1..]));

        var output = new StringWriter();
        Assert.Equal(TraceTool.Failure, TraceTool.RunCase(path, "v03-handshake-psk", output));
        Assert.Contains(output.ToString().Split('\n'), l => l.Contains("case v03-handshake-psk step 0") && l.Contains("trace[0] IHI1 ck: differs"));
        Assert.Throws<InputFormatException>(() => TraceTool.RunCase(dir, "no-such-case", new StringWriter()));
    }

    /// <summary>The case's expected.trace entries, all steps in order, as the committed file has them.</summary>
    private static List<(string Step, string Name, string Value)> ExpectedTrace(string caseId)
    {
        foreach (string file in Directory.GetFiles(GeneratedVectorsFixture.Committed, "*.json"))
        {
            if (Path.GetFileName(file) is VectorGenerator.KeysFileName or PrimitiveChecker.FileName or "schema.json") continue;
            var vectorCase = VectorJson.Load<VectorFile>(file).Cases.FirstOrDefault(c => c.Id == caseId);
            if (vectorCase != null) return [.. vectorCase.Steps.SelectMany(s => s.Expected.Trace).Select(t => (t.Step, t.Name, t.Value))];
        }
        throw new InvalidOperationException($"no case {caseId} in vectors/");
    }

    [Fact]
    public void Values_longer_than_32_bytes_are_shortened()
    {
        Assert.Equal("00010203", HexText.Short([0, 1, 2, 3]));
        Assert.Equal(new string('0', 32) + "… (33 bytes)", HexText.Short(new byte[33]));
    }
}
