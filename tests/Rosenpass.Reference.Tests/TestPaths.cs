namespace Rosenpass.Reference.Tests;

/// <summary>Where the repository and the read-only shared data (../shared beside the clone) are.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rosenpass.Reference.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Rosenpass.Reference.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding Rosenpass.Reference.sln).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shared data folder, ../shared relative to the repository root.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>Upstream's recorded test vector.</summary>
    public static string UpstreamVector => Path.Combine(Shared, "vectors", "upstream", "crypto_server_test_vector_1.toml");
}
