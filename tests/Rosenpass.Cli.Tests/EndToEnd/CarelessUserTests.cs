using Rosenpass.Cli.Tests.Support;

namespace Rosenpass.Cli.Tests.EndToEnd;

/// <summary>
/// The bad inputs of issue #17, as a careless user types them. Each is refused with one line naming the file or
/// field, with the right exit code, before anything is written: by <c>validate</c> (which, like upstream, exits 0
/// but says "contains logical errors") and by <c>exchange-config</c> at start-up (exit code 1).
/// </summary>
[Collection(EndToEndCollection.Name)]
public class CarelessUserTests(KeyPairFixture keys) : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Config(string keyOut = "out", string peerExtra = "", string listen = "\"127.0.0.1:1\"", string peerKey = "b",
        string secretKey = "a", string morePeers = "")
    {
        keys.CopyTo(_folder, "a", "b", "c");
        return _folder.Write("c.toml", $"""
            public_key = "{_folder.File("a.pk")}"
            secret_key = "{_folder.File(secretKey + ".sk")}"
            listen = [{listen}]

            [[peers]]
            public_key = "{_folder.File(peerKey + ".pk")}"
            key_out = "{(keyOut.StartsWith('/') || keyOut.Length == 0 || keyOut.Contains('\\') ? keyOut : _folder.File(keyOut))}"
            {peerExtra}
            {morePeers}
            """);
    }

    private (int Code, IReadOnlyList<string> Stdout, IReadOnlyList<string> Stderr) Run(params string[] args) =>
        RosenpassProcess.Run(_folder.Path, args);

    private static string Show(IReadOnlyList<string> lines) => string.Join(" | ", lines);

    /// <summary>validate names the problem as a logical error; exchange-config refuses with one line and exit 1.</summary>
    private void AssertRefused(string config, params string[] expected)
    {
        var files = Directory.GetFileSystemEntries(_folder.Path).Order().ToArray();
        var (code, _, stderr) = Run("validate", config);
        Assert.Equal(0, code);
        Assert.DoesNotContain(stderr, l => l.Contains("passed all logical checks"));
        Assert.Contains(stderr, l => l.Contains("contains logical errors") && expected.All(l.Contains));

        var (startCode, stdout, startErr) = Run("exchange-config", config);
        Assert.True(startCode == 1, $"exit {startCode}; stderr: {Show(startErr)}");
        string line = Assert.Single(startErr);
        Assert.Contains("ERROR", line);
        foreach (var part in expected) Assert.Contains(part, line);
        Assert.Empty(stdout);
        Assert.Equal(files, Directory.GetFileSystemEntries(_folder.Path).Order().ToArray()); // nothing written
    }

    [Theory]
    [InlineData("INFO")]
    [InlineData("Debug")]
    [InlineData("trace")]
    public void Log_level_names_are_case_insensitive_as_upstreams(string level)
    {
        var (code, _, stderr) = Run("--log-level", level, "validate", Config());
        Assert.True(code == 0, Show(stderr));
        Assert.Contains(stderr, l => l.Contains("passed all logical checks"));
    }

    [Theory]
    [InlineData("--log-level", "loud", "validate", "x.toml")]
    [InlineData("validate", "x.toml", "--log-level")]
    [InlineData("--log-level")]
    [InlineData("--log-level", "", "validate", "x.toml")]
    [InlineData("--log-level", "info", "validate", "x.toml", "--log-level", "debug")] // found by the cli fuzz target
    public void Bad_log_level_is_a_usage_error_not_a_crash(params string[] args)
    {
        var (code, _, stderr) = Run(args);
        Assert.True(code == 2, $"exit {code}; stderr: {Show(stderr)}");
        Assert.Contains(stderr, l => l.StartsWith("error:") && l.Contains("--log-level"));
        Assert.DoesNotContain(stderr, l => l.Contains("   at ") || l.Contains("Exception"));
    }

    /// <summary>Found by the cli fuzz target: System.CommandLine read "@." as a response file and threw on the folder.</summary>
    [Fact]
    public void An_argument_starting_with_at_is_a_file_name_not_a_response_file()
    {
        var (code, _, stderr) = Run("validate", "@.");
        Assert.True(code == 0, Show(stderr));
        Assert.StartsWith("\"@.\" is not valid: @.: no such file", Assert.Single(stderr));
    }

    [Fact]
    public void Empty_key_out() => AssertRefused(Config(keyOut: ""), "peers[0].key_out");

    [Fact]
    public void Key_out_with_nul() => AssertRefused(Config(keyOut: _folder.File("o") + "\\u0000x"), "peers[0].key_out");

    [Fact]
    public void Key_out_in_a_missing_folder() => AssertRefused(Config(keyOut: _folder.File("no/such/out")), "peers[0].key_out", "folder");

    [Fact]
    public void Key_out_is_a_folder()
    {
        Directory.CreateDirectory(_folder.File("dir"));
        AssertRefused(Config(keyOut: "dir"), "peers[0].key_out", "directory");
    }

    [Fact]
    public void Key_out_is_our_secret_key() => AssertRefused(Config(keyOut: "a.sk"), "peers[0].key_out", "secret_key");

    [Fact]
    public void Two_peers_share_one_key_out() => AssertRefused(Config(morePeers: $"""
        [[peers]]
        public_key = "{_folder.File("c.pk")}"
        key_out = "{_folder.File("out")}"
        """), "peers[1].key_out", "peers[0]");

    [Fact]
    public void Endpoint_port_0() => AssertRefused(Config(peerExtra: "endpoint = \"127.0.0.1:0\""), "peers[0].endpoint", "port 0");

    [Fact]
    public void Ipv6_endpoint_with_only_ipv4_listen() =>
        AssertRefused(Config(peerExtra: "endpoint = \"[::1]:5000\""), "peers[0].endpoint", "IPv6", "listen");

    [Fact]
    public void Own_public_key_as_peer_key() => AssertRefused(Config(peerKey: "a"), "peers[0].public_key", "our own");

    [Fact]
    public void Public_key_that_does_not_match_the_secret_key() =>
        AssertRefused(Config(secretKey: "b"), _folder.File("b.sk"), "does not match", _folder.File("a.pk"));

    [Fact]
    public void Duplicate_peers_are_refused_by_validate_as_by_exchange_config() => AssertRefused(Config(morePeers: $"""
        [[peers]]
        public_key = "{_folder.File("b.pk")}"
        key_out = "{_folder.File("out2")}"
        """), "peers[1].public_key", "peers[0]");

    [Fact]
    public void Gen_keys_refuses_one_path_for_both_keys()
    {
        var (code, _, stderr) = Run("gen-keys", "-p", "k", "-s", "./k");
        Assert.Equal(1, code);
        Assert.Contains("same file", Assert.Single(stderr));
        Assert.False(File.Exists(_folder.File("k")));
    }

    [Fact]
    public void Exchange_c_refuses_an_existing_file_without_force()
    {
        keys.CopyTo(_folder, "a", "b");
        string victim = _folder.Write("victim.toml", "keep me");
        var (code, _, stderr) = Run("exchange", "-c", victim, "public-key", "a.pk", "secret-key", "a.sk",
            "peer", "public-key", "b.pk", "outfile", "out");
        Assert.Equal(1, code);
        Assert.Contains("already exists", Assert.Single(stderr));
        Assert.Equal("keep me", File.ReadAllText(victim));
    }

    [Fact]
    public void Exchange_c_never_overwrites_a_key_file_even_with_force()
    {
        keys.CopyTo(_folder, "a", "b");
        byte[] secret = File.ReadAllBytes(_folder.File("a.sk"));
        var (code, _, stderr) = Run("exchange", "--force", "-c", "a.sk", "public-key", "a.pk", "secret-key", "a.sk",
            "peer", "public-key", "b.pk", "outfile", "out");
        Assert.Equal(1, code);
        Assert.Contains("secret-key", Assert.Single(stderr));
        Assert.Equal(secret, File.ReadAllBytes(_folder.File("a.sk")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_folder.File("a.sk")));
    }

    [Fact]
    public void Exchange_c_saves_only_a_config_that_passes_the_checks()
    {
        keys.CopyTo(_folder, "a", "b");
        var (code, _, _) = Run("exchange", "-c", "saved.toml", "public-key", "a.pk", "secret-key", "a.sk",
            "peer", "public-key", "a.pk", "outfile", "out");
        Assert.Equal(1, code);
        Assert.False(File.Exists(_folder.File("saved.toml")));
    }

    [Fact]
    public void Gen_keys_force_replaces_through_a_new_file_and_never_follows_a_symlink()
    {
        string old = _folder.Write("sk", "old secret, mode 0644");
        File.SetUnixFileMode(old, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        string target = _folder.Write("target", "someone else's file");
        File.CreateSymbolicLink(_folder.File("pk"), target);
        using var reader = new FileStream(old, FileMode.Open, FileAccess.Read); // opened while the mode was wide

        var (code, _, stderr) = Run("gen-keys", "--force", "-p", "pk", "-s", "sk");
        Assert.True(code == 0, Show(stderr));

        Assert.Equal("old secret, mode 0644", new StreamReader(reader).ReadToEnd()); // the old file was not written into
        Assert.Equal(13608, new FileInfo(old).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(old));
        Assert.Null(new FileInfo(_folder.File("pk")).LinkTarget); // the link itself was replaced
        Assert.Equal(524160, new FileInfo(_folder.File("pk")).Length);
        Assert.Equal("someone else's file", File.ReadAllText(target));
        Assert.Equal(["pk", "sk", "target"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order());
    }

    public void Dispose() => _folder.Dispose();
}
