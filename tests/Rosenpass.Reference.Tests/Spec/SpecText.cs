using System.Text.RegularExpressions;

namespace Rosenpass.Reference.Tests.Spec;

/// <summary>The spec/ folder as text: its files, its numbered headings, and the step names it uses.</summary>
public static partial class SpecText
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "spec");

    /// <summary>The numbered spec files (01-notation.md …), without README.md.</summary>
    public static IReadOnlyList<string> Files =>
        Directory.GetFiles(Folder, "*.md").Where(f => char.IsDigit(Path.GetFileName(f)[0])).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every section number that has a heading: "6" for "# 6 Handshake", "6.1" for "## 6.1 …".</summary>
    public static IReadOnlySet<string> Sections =>
        Files.SelectMany(File.ReadLines).Select(l => Heading().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();

    /// <summary>The file whose "# N" heading is chapter <paramref name="chapter"/>.</summary>
    public static string FileOfChapter(string chapter) =>
        Files.Single(f => File.ReadLines(f).Any(l => l.StartsWith($"# {chapter} ", StringComparison.Ordinal)));

    /// <summary>Handshake step names (IHI1 … ICR7) in <paramref name="text"/>.</summary>
    public static IEnumerable<string> StepNames(string text) => StepName().Matches(text).Select(m => m.Value);

    /// <summary>Section numbers cited as "§N" or "§N.M" in <paramref name="text"/>.</summary>
    public static IEnumerable<string> SectionReferences(string text) => Reference().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^#{1,2} (\d+(?:\.\d+)?) ")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\b(?:IHI|IHR|RHR|RHI|ICI|ICR)\d\b")]
    public static partial Regex StepName();

    [GeneratedRegex(@"§(\d+(?:\.\d+)?)")]
    private static partial Regex Reference();
}
