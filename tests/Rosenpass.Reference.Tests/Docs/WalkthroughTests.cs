using Rosenpass.Reference.Teaching;
using Rosenpass.Reference.Tests.Vectors;
using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Tests.Docs;

/// <summary>docs/walkthrough.md is generated from a vector and must stay equal to what the generator writes now.</summary>
public class WalkthroughTests
{
    [Fact]
    public void Docs_walkthrough_md_is_current()
    {
        GeneratedFile.AssertCurrent(Path.Combine("docs", "walkthrough.md"), Walkthrough.Generate());
    }

    [Fact]
    public void The_walkthrough_lists_every_step_with_its_section_and_the_exchanged_key()
    {
        string text = Walkthrough.Generate();
        foreach (var step in StepCatalog.Steps) Assert.Contains($"[{step.Name}](steps.md#{step.Name.ToLowerInvariant()})", text);
        foreach (string section in new[] { "6.1", "6.2", "6.3", "6.4", "6.5" }) Assert.Contains($"## §{section} ", text);
        // The key both sides report in the vector's KeyExchanged events, read from the file independently of the renderer.
        var vectorCase = VectorJson.Load<VectorFile>(Walkthrough.VectorFile).Cases.Single(c => c.Id == Walkthrough.CaseId);
        var keys = vectorCase.Steps.SelectMany(s => s.Expected.Events).Where(e => e.Type == "KeyExchanged").Select(e => e.Key).Distinct().ToList();
        string key = Assert.Single(keys)!;
        Assert.Contains($"Initiator's output key `osk` (spec §4.6, at ICI7): `{key}`", text);
        Assert.Contains($"Responder's output key `osk` (spec §4.6, at ICR7): `{key}`", text);
        Assert.DoesNotContain("steps not in spec", text);
    }

    [Fact]
    public void A_message_is_shown_field_by_field_at_the_offsets_of_spec_5()
    {
        var fields = MessageFields.Of(UpstreamVector.Value(UpstreamVector.InitHello))!;
        Assert.Equal(["msg_type", "reserved", "sidi", "epki", "sctr", "pidi_ct", "auth", "mac", "cookie"], fields.Select(f => f.Name));
        Assert.Equal([0, 1, 4, 8, 808, 964, 1012, 1028, 1044], fields.Select(f => f.Offset));
        Assert.Equal([0, 1, 4, 8, 12, 780, 936, 952, 1068, 1084],
            MessageFields.Of(UpstreamVector.Value(UpstreamVector.RespHello))!.Select(f => f.Offset));
    }

    [Fact]
    public void Upstreams_recorded_handshake_renders_with_upstreams_exchanged_key()
    {
        var (input, failure) = WalkthroughSources.FromUpstreamVector(UpstreamVector.Entries, "crypto_server_test_vector_1.toml");
        Assert.True(input != null, failure);
        string key = Convert.ToHexStringLower(UpstreamVector.Value(UpstreamVector.ExchangedKey));
        string text = WalkthroughTool.Render(input);
        Assert.Contains($"Initiator's output key `osk` (spec §4.6, at ICI7): `{key}`", text);
        Assert.Contains($"Responder's output key `osk` (spec §4.6, at ICR7): `{key}`", text);
    }

    [Fact]
    public void A_missing_case_or_file_is_reported_not_thrown()
    {
        Assert.Contains("no case", WalkthroughSources.FromVectorCase(Walkthrough.VectorFile, "no-such-case", "x").Failure);
        Assert.Contains("cannot read", WalkthroughSources.FromVectorCase(Walkthrough.VectorFile + ".missing", Walkthrough.CaseId, "x").Failure);
    }

    [Fact]
    public void Diff_names_the_first_differing_line()
    {
        Assert.Equal("line 2 - b\nline 2 + c\n".ReplaceLineEndings(), GeneratedFile.Diff("a\nb\n", "a\nc\n"));
    }
}
