using System.Text;

namespace Rosenpass.Reference.Tests.Docs;

/// <summary>
/// A committed file that a generator produces: the test regenerates it and requires the committed copy to be equal,
/// byte for byte. With UPDATE_DOCS=1 in the environment the test rewrites the file instead (then commit it).
/// </summary>
public static class GeneratedFile
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1";

    /// <summary>Compares (or, when updating, writes) <paramref name="relativePath"/> under the repository root.</summary>
    public static void AssertCurrent(string relativePath, string generated)
    {
        string path = Path.Combine(TestPaths.RepoRoot, relativePath);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated, new UTF8Encoding(false));
            return;
        }
        Assert.True(File.Exists(path), $"{relativePath} is missing. Generate it: UPDATE_DOCS=1 dotnet test tests/Rosenpass.Reference.Tests --filter Docs");
        string committed = File.ReadAllText(path);
        if (committed == generated) return;
        Assert.Fail($"{relativePath} is out of date; regenerate it with UPDATE_DOCS=1 dotnet test tests/Rosenpass.Reference.Tests --filter Docs and commit it.\n{Diff(committed, generated)}");
    }

    /// <summary>The first differing lines, numbered, committed (-) against generated (+).</summary>
    public static string Diff(string committed, string generated, int maxLines = 12)
    {
        string[] a = committed.Split('\n'), b = generated.Split('\n');
        var text = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.Max(a.Length, b.Length) && shown < maxLines; i++)
        {
            string? left = i < a.Length ? a[i] : null, right = i < b.Length ? b[i] : null;
            if (left == right) continue;
            if (left != null) text.AppendLine($"line {i + 1} - {left}");
            if (right != null) text.AppendLine($"line {i + 1} + {right}");
            shown++;
        }
        return text.ToString();
    }
}
