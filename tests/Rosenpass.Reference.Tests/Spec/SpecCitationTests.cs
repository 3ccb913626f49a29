using System.Text.RegularExpressions;

namespace Rosenpass.Reference.Tests.Spec;

/// <summary>Code and docs cite spec sections as "spec §N.M": every cited section must exist in spec/.</summary>
public partial class SpecCitationTests
{
    [Fact]
    public void Every_section_cited_in_the_code_exists()
    {
        var sections = SpecText.Sections;
        var missing = new List<string>();
        foreach (string file in SourceFiles("src"))
        {
            int line = 0;
            foreach (string text in File.ReadLines(file))
            {
                line++;
                foreach (Match citation in Citation().Matches(text))
                {
                    foreach (string section in SpecText.SectionReferences(citation.Value).Where(s => !sections.Contains(s)))
                        missing.Add($"{Path.GetRelativePath(TestPaths.RepoRoot, file)}:{line}: spec §{section}");
                }
            }
        }
        Assert.True(missing.Count == 0, "cited sections without a heading in spec/:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_code_cites_the_spec_at_all()
    {
        int citations = SourceFiles("src").Sum(f => Citation().Matches(File.ReadAllText(f)).Count);
        Assert.True(citations > 100, $"only {citations} spec citations in src/");
    }

    [Fact]
    public void Every_section_referenced_in_spec_and_docs_exists()
    {
        var sections = SpecText.Sections;
        var folders = new[] { "spec", "docs" }.Select(f => Path.Combine(TestPaths.RepoRoot, f));
        var missing = folders.SelectMany(f => Directory.GetFiles(f, "*.md", SearchOption.AllDirectories))
            .SelectMany(f => SpecText.SectionReferences(File.ReadAllText(f)).Where(s => !sections.Contains(s))
                .Select(s => $"{Path.GetRelativePath(TestPaths.RepoRoot, f)}: §{s}"))
            .Distinct().ToList();
        Assert.True(missing.Count == 0, "references to sections that do not exist:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void A_missing_section_is_found()
    {
        Assert.DoesNotContain("6.9", SpecText.Sections);
        Assert.Contains("6.9", SpecText.SectionReferences("see spec §6.1-§6.9"));
        Assert.Contains("6.4", SpecText.Sections);
        Assert.Contains("11", SpecText.Sections);
    }

    /// <summary>The C# files under <paramref name="folder"/>, without build outputs.</summary>
    public static IEnumerable<string> SourceFiles(string folder) =>
        Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    /// <summary>"spec §6.1", "spec §8.2-§8.4", "spec §6.1, §6.3, §6.5": the citation with all its sections.</summary>
    [GeneratedRegex(@"spec\s+§\d+(?:\.\d+)?(?:\s*(?:,|-|–|and)\s*§\d+(?:\.\d+)?)*")]
    private static partial Regex Citation();
}
