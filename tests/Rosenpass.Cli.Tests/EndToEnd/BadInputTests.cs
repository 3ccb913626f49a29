using System.Net;
using System.Net.Sockets;
using Rosenpass.Cli.Tests.Support;

namespace Rosenpass.Cli.Tests.EndToEnd;

/// <summary>
/// Bad input never ends in a stack trace: one error line on stderr naming the file or field, and exit code 1
/// (2 for usage errors, as clap).
/// </summary>
[Collection(EndToEndCollection.Name)]
public class BadInputTests(KeyPairFixture keys) : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Config(string peerExtra = "", string listen = "\"127.0.0.1:1\"", string topExtra = "")
    {
        keys.CopyTo(_folder, "a", "b");
        return _folder.Write("c.toml", $"""
            public_key = "{_folder.File("a.pk")}"
            secret_key = "{_folder.File("a.sk")}"
            listen = [{listen}]
            {topExtra}
            [[peers]]
            public_key = "{_folder.File("b.pk")}"
            key_out = "{_folder.File("out")}"
            {peerExtra}
            """);
    }

    private void AssertOneErrorLine(string[] args, params string[] expected)
    {
        var (code, _, stderr) = RosenpassProcess.Run(_folder.Path, args);
        Assert.Equal(1, code);
        string line = Assert.Single(stderr);
        Assert.Contains("ERROR", line);
        foreach (var part in expected) Assert.Contains(part, line);
    }

    [Fact]
    public void Missing_config_file() => AssertOneErrorLine(["exchange-config", "nope.toml"], "nope.toml", "no such file");

    [Fact]
    public void Config_is_a_directory() => AssertOneErrorLine(["exchange-config", "/"], "/: is a directory");

    [Fact]
    public void Malformed_toml() => AssertOneErrorLine(["exchange-config", _folder.Write("m.toml", "listen = [\n")], "m.toml", "not valid TOML");

    [Fact]
    public void Unknown_key() => AssertOneErrorLine(["exchange-config", Config(peerExtra: "colour = \"blue\"")], "c.toml", "peers[0].colour: unknown field");

    [Fact]
    public void Bad_listen_address() => AssertOneErrorLine(["exchange-config", Config(listen: "\"127.0.0.1:99999\"")], "c.toml", "listen[0]");

    [Fact]
    public void Missing_key_file()
    {
        string config = Config();
        File.Delete(_folder.File("b.pk"));
        AssertOneErrorLine(["exchange-config", config], _folder.File("b.pk"), "no such file");
    }

    [Fact]
    public void Wrong_size_secret_key()
    {
        string config = Config();
        File.WriteAllBytes(_folder.File("a.sk"), new byte[100]);
        AssertOneErrorLine(["exchange-config", config], _folder.File("a.sk"), "exactly 13608 bytes");
    }

    [Fact]
    public void Bad_psk_file()
    {
        string config = Config(peerExtra: $"pre_shared_key = \"{_folder.File("psk")}\"");
        File.WriteAllText(_folder.File("psk"), "short");
        AssertOneErrorLine(["exchange-config", config], _folder.File("psk"), "base64");
    }

    [Fact]
    public void Unresolvable_endpoint() => AssertOneErrorLine(["exchange-config", Config(peerExtra: "endpoint = \"host.invalid:5\"")],
        "peers[0].endpoint", "host.invalid");

    [Fact]
    public void Port_in_use()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        AssertOneErrorLine(["exchange-config", Config(listen: $"\"127.0.0.1:{port}\"")], $"listen 127.0.0.1:{port}", "cannot bind");
    }

    [Fact]
    public void Bad_exchange_arguments() => AssertOneErrorLine(["exchange", "public-key", "p", "frobnicate"], "unrecognised argument frobnicate");

    [Fact]
    public void Gen_config_does_not_overwrite_without_force()
    {
        string path = _folder.Write("existing.toml", "keep me");
        AssertOneErrorLine(["gen-config", path], "already exists");
        Assert.Equal("keep me", File.ReadAllText(path));
        Assert.Equal(0, RosenpassProcess.Run(_folder.Path, "gen-config", "-f", path).ExitCode);
        Assert.Contains("[[peers]]", File.ReadAllText(path));
    }

    [Fact]
    public void Usage_errors_exit_2_without_a_trace()
    {
        var (code, _, stderr) = RosenpassProcess.Run(_folder.Path, "exchange-config");
        Assert.Equal(2, code);
        Assert.DoesNotContain(stderr, l => l.Contains("   at "));
    }

    [Fact]
    public void Validate_reports_each_file_and_exits_0()
    {
        string good = Config();
        string bad = _folder.Write("bad.toml", "listen = []\npeers = []\nnope = 1\n");
        string logical = _folder.Write("logical.toml", "listen = []\n[[peers]]\npublic_key = \"missing.pk\"\n");
        var (code, _, stderr) = RosenpassProcess.Run(_folder.Path, "validate", good, bad, logical);
        Assert.Equal(0, code);
        Assert.Equal($"\"{good}\" is valid TOML and conforms to the expected schema", stderr[0]);
        Assert.Equal($"\"{good}\" has passed all logical checks", stderr[1]);
        Assert.StartsWith($"\"{bad}\" is not valid: ", stderr[2]);
        Assert.Contains("nope: unknown field", stderr[2]);
        Assert.Equal($"\"{logical}\" is valid TOML and conforms to the expected schema", stderr[3]);
        Assert.StartsWith($"\"{logical}\" contains logical errors: 'missing.pk: no such file'", stderr[4]);
        Assert.Contains(stderr, l => l.Contains("peers[0].key_out") && l.Contains("contains logical errors"));
    }

    [Fact]
    public void Gen_keys_from_a_config_then_validate_passes()
    {
        string config = _folder.Write("g.toml", $"""
            public_key = "{_folder.File("g.pk")}"
            secret_key = "{_folder.File("g.sk")}"
            listen = []
            peers = []
            """);
        Assert.Equal(0, RosenpassProcess.Run(_folder.Path, "gen-keys", config).ExitCode);
        Assert.Equal(524160, new FileInfo(_folder.File("g.pk")).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_folder.File("g.sk")));
        AssertOneErrorLine(["gen-keys", config], "already exists");
        Assert.Contains("has passed all logical checks", RosenpassProcess.Run(_folder.Path, "validate", config).Stderr[1]);
    }

    public void Dispose() => _folder.Dispose();
}
