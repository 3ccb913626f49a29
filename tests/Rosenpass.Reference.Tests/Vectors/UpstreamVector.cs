using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Tests.Vectors;

/// <summary>Upstream's recorded handshake, read once for the whole test run, with its entries by index.</summary>
public static class UpstreamVector
{
    private static readonly Lazy<IReadOnlyList<AssertTvEntry>> Loaded = new(() => AssertTvFile.Load(TestPaths.UpstreamVector));

    /// <summary>All 50 entries in file order.</summary>
    public static IReadOnlyList<AssertTvEntry> Entries => Loaded.Value;

    /// <summary>The value of entry <paramref name="index"/> (a fresh copy, safe to modify).</summary>
    public static byte[] Value(int index) => (byte[])Entries[index].Value.Clone();

    // Entry indices, as listed in upstream-facts §4 (the file is vectors/upstream/crypto_server_test_vector_1.toml).
    public const int PeerASecretKey = 0, PeerAPublicKey = 1, PeerBSecretKey = 2, PeerBPublicKey = 3, Psk = 4;
    public const int Eski = 15, Epki = 16;
    public const int Ihi5SharedKey = 18, Ihi5Ciphertext = 19;
    public const int InitHello = 26;
    public const int Rhr4SharedKey = 34, Rhr4Ciphertext = 35;
    public const int Rhr5SharedKey = 37, Rhr5Ciphertext = 38;
    public const int RespHello = 46, InitConf = 47, EmptyData = 48, ExchangedKey = 49;
}
