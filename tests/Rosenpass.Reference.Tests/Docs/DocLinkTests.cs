using System.Text.RegularExpressions;

namespace Rosenpass.Reference.Tests.Docs;

/// <summary>Every relative link in docs/ and spec/ leads to a file that exists, and every #anchor to a heading or id in it.</summary>
public partial class DocLinkTests
{
    /// <summary>Written on another branch; remove an entry once that branch is merged.</summary>
    private static readonly string[] NotYetMerged = [];

    [Fact]
    public void Every_relative_link_resolves()
    {
        var broken = new List<string>();
        foreach (string file in MarkdownFiles())
        {
            foreach (Match link in Link().Matches(File.ReadAllText(file)))
            {
                string target = link.Groups[1].Value, anchor = link.Groups[2].Value;
                if (target.Contains("://", StringComparison.Ordinal)) continue;
                string path = target == "" ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
                string relative = Path.GetRelativePath(TestPaths.RepoRoot, path).Replace('\\', '/');
                if (NotYetMerged.Contains(relative)) continue;
                if (!File.Exists(path) && !Directory.Exists(path)) broken.Add($"{Rel(file)}: {target} (no such file)");
                else if (anchor != "" && path.EndsWith(".md", StringComparison.Ordinal) && !Anchors(path).Contains(anchor))
                    broken.Add($"{Rel(file)}: {target}#{anchor} (no such heading or id)");
            }
        }
        Assert.True(broken.Count == 0, "broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Anchors_are_found_in_headings_and_ids()
    {
        var anchors = Anchors(Path.Combine(TestPaths.RepoRoot, "docs", "steps.md"));
        Assert.Contains("ihi5", anchors);
        Assert.Contains("messages", anchors);
        Assert.DoesNotContain("ihi9", anchors);
    }

    private static IEnumerable<string> MarkdownFiles() =>
        new[] { "docs", "spec" }.SelectMany(f => Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, f), "*.md", SearchOption.AllDirectories));

    private static HashSet<string> Anchors(string markdown)
    {
        string text = File.ReadAllText(markdown);
        var anchors = Heading().Matches(text).Select(m => StepIndex.Anchor(m.Groups[1].Value.Trim())).ToHashSet();
        anchors.UnionWith(Id().Matches(text).Select(m => m.Groups[1].Value));
        return anchors;
    }

    private static string Rel(string file) => Path.GetRelativePath(TestPaths.RepoRoot, file);

    [GeneratedRegex(@"\]\(([^)#\s]*)(?:#([^)\s]+))?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6} (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"<a id=""([^""]+)""")]
    private static partial Regex Id();
}
