namespace Rosenpass.Reference.Tests;

/// <summary>
/// Where tests find files: the repository root (the folder holding Rosenpass.Reference.sln, found by walking
/// up from the test binaries) and the read-only shared data beside it (<c>../shared</c> from the root, both
/// here and in CI, which puts a copy of shared/ next to its clone). A checkout elsewhere, such as a git worktree,
/// can name the shared folder in the environment variable ROSENPASS_SHARED instead.
/// </summary>
public static class TestPaths
{
    private static readonly Lazy<string> RepoRootValue = new(FindRepoRoot);

    /// <summary>The repository root: the nearest ancestor of the test binaries that holds Rosenpass.Reference.sln.</summary>
    public static string RepoRoot => RepoRootValue.Value;

    /// <summary>
    /// The shared data folder: ROSENPASS_SHARED if that environment variable is set, otherwise <c>../shared</c>
    /// relative to <see cref="RepoRoot"/>.
    /// </summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("ROSENPASS_SHARED") is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>Upstream's recorded test vector.</summary>
    public static string UpstreamVector => Path.Combine(Shared, "vectors", "upstream", "crypto_server_test_vector_1.toml");

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
