namespace Rosenpass.Reference.Tests;

/// <summary>
/// Where tests find files: the repository root (the folder holding Rosenpass.Reference.sln, found by walking
/// up from the test binaries) and the data committed under it. Everything the tests read is in the repository,
/// so a clone with nothing beside it passes (.ci/run checks that in an isolated clone).
/// </summary>
public static class TestPaths
{
    private static readonly Lazy<string> RepoRootValue = new(FindRepoRoot);

    /// <summary>The repository root: the nearest ancestor of the test binaries that holds Rosenpass.Reference.sln.</summary>
    public static string RepoRoot => RepoRootValue.Value;

    /// <summary>Upstream's recorded test vector, with its offloaded values beside it (vectors/upstream/README.md).</summary>
    public static string UpstreamVector => Path.Combine(RepoRoot, "vectors", "upstream", "crypto_server_test_vector_1.toml");

    /// <summary>The NIST known-answer files of both KEMs (vectors/kats/README.md).</summary>
    public static string Kats => Path.Combine(RepoRoot, "vectors", "kats");

    /// <summary>Upstream's example configurations (tests/data/upstream-config-examples/README.md).</summary>
    public static string UpstreamConfigExamples => Path.Combine(RepoRoot, "tests", "data", "upstream-config-examples");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rosenpass.Reference.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException(
            $"No folder holding Rosenpass.Reference.sln above {AppContext.BaseDirectory}.");
    }
}
