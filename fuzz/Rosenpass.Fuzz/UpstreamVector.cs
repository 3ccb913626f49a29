using Rosenpass.Reference.Vectors;

namespace Rosenpass.Fuzz;

/// <summary>
/// Upstream's recorded handshake (crypto_server_test_vector_1), read once per harness process with our own
/// reader. Entry indices as in upstream-facts §4.
/// </summary>
public sealed class UpstreamVector
{
    public const int PeerASecretKey = 0, PeerAPublicKey = 1, PeerBSecretKey = 2, PeerBPublicKey = 3, Psk = 4;
    public const int InitHello = 26, RespHello = 46, InitConf = 47, EmptyData = 48;

    private UpstreamVector(string path, IReadOnlyList<AssertTvEntry> entries)
    {
        Path = path;
        Entries = entries;
    }

    /// <summary>The vector's TOML file.</summary>
    public string Path { get; }

    public IReadOnlyList<AssertTvEntry> Entries { get; }

    /// <summary>A fresh copy of entry <paramref name="index"/>'s value.</summary>
    public byte[] Value(int index) => (byte[])Entries[index].Value.Clone();

    /// <summary>Reads the vector file at <paramref name="path"/> and its offloaded values.</summary>
    public static UpstreamVector Load(string path) => new(path, AssertTvFile.Load(path));

    /// <summary>The vector file named by ROSENPASS_VECTOR (fuzz/run.sh sets it), else vectors/upstream/ from the working folder (the repository root).</summary>
    public static string DefaultPath =>
        Environment.GetEnvironmentVariable("ROSENPASS_VECTOR") is { Length: > 0 } set
            ? set
            : System.IO.Path.Combine("vectors", "upstream", "crypto_server_test_vector_1.toml");
}
