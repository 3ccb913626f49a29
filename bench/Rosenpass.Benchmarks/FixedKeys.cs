using Rosenpass.Reference.Vectors;

namespace Rosenpass.Benchmarks;

/// <summary>
/// Two fixed Classic McEliece key pairs, the ones upstream's recorded handshake uses (entries 0 to 3 of
/// vectors/upstream/crypto_server_test_vector_1.toml in the repository), so no benchmark pays 0.6 s of key generation.
/// </summary>
public static class FixedKeys
{
    private static readonly Lazy<IReadOnlyList<AssertTvEntry>> Entries = new(() => AssertTvFile.Load(VectorPath()));

    /// <summary>Peer a: the initiator of upstream's recorded handshake.</summary>
    public static byte[] PeerASecretKey => Value(0);
    public static byte[] PeerAPublicKey => Value(1);

    /// <summary>Peer b: the responder of upstream's recorded handshake.</summary>
    public static byte[] PeerBSecretKey => Value(2);
    public static byte[] PeerBPublicKey => Value(3);

    private static byte[] Value(int index) => (byte[])Entries.Value[index].Value.Clone();

    private static string VectorPath() =>
        Path.Combine(RepoRoot(), "vectors", "upstream", "crypto_server_test_vector_1.toml");

    /// <summary>The nearest ancestor of the running binary that holds Rosenpass.Reference.sln
    /// (BenchmarkDotNet runs each benchmark from a build folder below the project).</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rosenpass.Reference.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No folder holding Rosenpass.Reference.sln above {AppContext.BaseDirectory}.");
    }
}
