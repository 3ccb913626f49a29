using Rosenpass.Reference.Teaching;

namespace Rosenpass.Reference.Tests.Spec;

/// <summary>The handshake step names (IHI1 … ICR7) of spec §6 and of the code must be the same set.</summary>
public class SpecStepNameTests
{
    private static HashSet<string> InSpec() => SpecText.Files.SelectMany(f => SpecText.StepNames(File.ReadAllText(f))).ToHashSet();

    private static HashSet<string> InFiles(IEnumerable<string> files) => files.SelectMany(f => SpecText.StepNames(File.ReadAllText(f))).ToHashSet();

    [Fact]
    public void Every_step_named_in_the_spec_is_in_the_protocol_code()
    {
        // The protocol code, not the teaching catalog: the steps must be where they are executed.
        var protocol = InFiles(SpecCitationTests.SourceFiles(Path.Combine("src", "Rosenpass.Reference", "Protocol")));
        var missing = InSpec().Except(protocol).Order().ToList();
        Assert.True(missing.Count == 0, "named in spec/ but not in src/Rosenpass.Reference/Protocol: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_step_named_in_the_code_is_in_the_spec()
    {
        var extra = InFiles(SpecCitationTests.SourceFiles("src")).Except(InSpec()).Order().ToList();
        Assert.True(extra.Count == 0, "named in src/ but not in spec/: " + string.Join(", ", extra));
    }

    [Fact]
    public void The_step_catalog_is_the_step_tables_of_spec_6_in_order()
    {
        var rows = new List<(string Name, string Section)>();
        string section = "";
        foreach (string line in File.ReadLines(SpecText.FileOfChapter("6")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) section = line.Split(' ')[1];
            var first = line.StartsWith('|') ? line.Split('|', StringSplitOptions.TrimEntries)[1] : "";
            if (SpecText.StepName().IsMatch(first) && first.Length == 4) rows.Add((first, section));
        }
        Assert.Equal(rows, StepCatalog.Steps.Select(s => (s.Name, s.Section)));
    }

    [Fact]
    public void Step_names_are_recognised_only_as_whole_words()
    {
        Assert.Equal(["IHI1", "ICR7"], SpecText.StepNames("IHI1-ICR7, IHI12, xIHI3, RHI"));
    }
}
