using Rosenpass.Reference.Teaching;
using Rosenpass.Reference.Tests.Vectors;

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
        string key = Convert.ToHexStringLower(UpstreamVector.Value(UpstreamVector.ExchangedKey));
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
    public void Diff_names_the_first_differing_line()
    {
        Assert.Equal("line 2 - b\nline 2 + c\n".ReplaceLineEndings(), GeneratedFile.Diff("a\nb\n", "a\nc\n"));
    }
}
