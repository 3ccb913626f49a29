using Rosenpass.Cli.Config;
using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Tests;

namespace Rosenpass.Cli.Tests.Config;

public class ConfigLoaderTests
{
    private static string Example(string name) => Path.Combine(TestPaths.UpstreamConfigExamples, name);

    [Fact]
    public void Upstream_example_peer_a_loads_unchanged()
    {
        var config = ConfigLoader.Load(Example("config-examples-peer-a-config.toml"));
        Assert.Equal("peer-a-public-key", config.PublicKey);
        Assert.Equal("peer-a-secret-key", config.SecretKey);
        Assert.Equal("[::]:10001", SocketAddressParser.Format(Assert.Single(config.Listen)));
        Assert.Equal(Verbosity.Quiet, config.Verbosity);
        var peer = Assert.Single(config.Peers);
        Assert.Equal("peer-b-public-key", peer.PublicKey);
        Assert.Equal("localhost:10002", peer.Endpoint);
        Assert.Equal("peer-a-rp-out-key", peer.KeyOut);
        Assert.Null(peer.WireGuard);
        Assert.Equal(ProtocolVersion.V02, peer.ProtocolVersion);
    }

    [Theory]
    [InlineData("config-examples-peer-b-config.toml", "[::]:10002", "localhost:10001")]
    [InlineData("boot_race-a.toml", "127.0.0.1:9999", "127.0.0.1:9998")]
    [InlineData("boot_race-b.toml", "127.0.0.1:9998", "127.0.0.1:9999")]
    public void Every_upstream_example_loads(string file, string listen, string endpoint)
    {
        var config = ConfigLoader.Load(Example(file));
        Assert.Equal(listen, SocketAddressParser.Format(Assert.Single(config.Listen)));
        Assert.Equal(endpoint, Assert.Single(config.Peers).Endpoint);
        Assert.Equal(DosDefence.Auto, config.DosDefence); // upstream has no dos_defence: our default (spec §8.5.3)
    }

    [Theory]
    [InlineData("auto", DosDefence.Auto)]
    [InlineData("always", DosDefence.Always)]
    [InlineData("never", DosDefence.Never)]
    public void Dos_defence_is_read_and_written_back(string value, DosDefence expected)
    {
        var config = ConfigLoader.Parse($"listen = []\ndos_defence = \"{value}\"\npeers = []\n", "d.toml");
        Assert.Equal(expected, config.DosDefence);
        Assert.Equal(expected, ConfigLoader.Parse(ConfigWriter.ToToml(config), "d.toml").DosDefence);
        Assert.Equal(expected != DosDefence.Auto, ConfigWriter.ToToml(config).Contains("dos_defence"));
    }

    [Theory]
    [InlineData("\"Auto\"")]
    [InlineData("\"off\"")]
    [InlineData("true")]
    public void A_bad_dos_defence_names_the_field(string value)
    {
        var error = Assert.Throws<InputFormatException>(() => ConfigLoader.Parse($"listen = []\ndos_defence = {value}\npeers = []\n", "d.toml"));
        Assert.Contains("dos_defence", error.Message);
    }

    [Fact]
    public void All_peer_keys_are_read()
    {
        var config = ConfigLoader.Parse("""
            public_key = "pk"
            secret_key = "sk"
            listen = ["0.0.0.0:1", "[::1]:2"]
            verbosity = "Verbose"
            [[peers]]
            public_key = "peer.pk"
            pre_shared_key = "psk"
            device = "wg0"
            peer = "RULdRAtUw7SFfVfGD0000000000000000000000000E="
            extra_params = ["persistent-keepalive", "25"]
            protocol_version = "V03"
            osk_organization = "example.org"
            osk_label = ["one", "two"]
            """, "t.toml");
        Assert.Equal(2, config.Listen.Count);
        Assert.Equal(Verbosity.Verbose, config.Verbosity);
        var peer = Assert.Single(config.Peers);
        Assert.Null(peer.Endpoint);
        Assert.Equal("psk", peer.PreSharedKey);
        Assert.Equal("wg0", peer.WireGuard!.Device);
        Assert.Equal(["persistent-keepalive", "25"], peer.WireGuard.ExtraParams);
        Assert.Equal(ProtocolVersion.V03, peer.ProtocolVersion);
        Assert.Equal("example.org", peer.OskOrganization);
        Assert.Equal(["one", "two"], peer.OskLabel!);
    }

    [Theory]
    [InlineData("listen = []\npeers = []\ncolour = \"blue\"", "colour: unknown field")]
    [InlineData("listen = []\n[[peers]]\npublic_key = \"p\"\nexchange_command = [\"wg\"]", "peers[0].exchange_command: unknown field")]
    [InlineData("peers = []", "listen: missing field")]
    [InlineData("listen = []", "peers: missing field")]
    [InlineData("listen = [\"localhost:1\"]\npeers = []", "listen[0]: \"localhost:1\" is not a socket address")]
    [InlineData("listen = [\"127.0.0.1\"]\npeers = []", "listen[0]")]
    [InlineData("listen = [\"1:80\"]\npeers = []", "listen[0]")]
    [InlineData("listen = [5]\npeers = []", "listen[0]: expected a string, found an integer")]
    [InlineData("listen = []\npeers = []\nverbosity = \"Loud\"", "verbosity: unknown variant \"Loud\"")]
    [InlineData("listen = []\n[[peers]]\npublic_key = \"p\"\nprotocol_version = \"V04\"", "peers[0].protocol_version")]
    [InlineData("listen = []\n[[peers]]\nkey_out = \"o\"", "peers[0].public_key: missing field")]
    [InlineData("listen = []\n[[peers]]\npublic_key = \"p\"\ndevice = \"wg0\"", "peers[0].peer: missing field")]
    [InlineData("public_key = \"pk\"\nlisten = []\npeers = []", "secret_key: missing field")]
    [InlineData("listen = [\npeers = []", "is not valid TOML")]
    public void Bad_configs_are_refused_naming_file_and_field(string toml, string expected)
    {
        var error = Assert.Throws<InputFormatException>(() => ConfigLoader.Parse(toml, "bad.toml"));
        Assert.StartsWith("bad.toml: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Missing_and_directory_config_files_are_typed_errors()
    {
        using var folder = new Support.TempFolder();
        Assert.Contains("no such file", Assert.Throws<InputFormatException>(() => ConfigLoader.Load(folder.File("none.toml"))).Message);
        Assert.Contains("is a directory", Assert.Throws<InputFormatException>(() => ConfigLoader.Load(folder.Path)).Message);
    }

    [Fact]
    public void A_leading_tilde_is_the_home_folder()
    {
        string home = Environment.GetEnvironmentVariable("HOME")!;
        Assert.Equal(Path.Combine(home, "keys/pk"), ConfigLoader.ExpandTilde("~/keys/pk"));
        Assert.Equal("~foo/bar", ConfigLoader.ExpandTilde("~foo/bar"));
        Assert.Equal("/~/x", ConfigLoader.ExpandTilde("/~/x"));
    }

    [Fact]
    public void Written_config_reads_back_the_same()
    {
        var config = ConfigLoader.Parse("""
            public_key = "p \"quoted\" k"
            secret_key = "C:\\sk"
            listen = ["127.0.0.1:9999", "[::]:9998"]
            [[peers]]
            public_key = "peer.pk"
            endpoint = "example.org:1"
            key_out = "out"
            device = "wg0"
            peer = "abc"
            extra_params = ["x"]
            protocol_version = "V03"
            osk_organization = "o"
            osk_label = ["l"]
            [[peers]]
            public_key = "p2"
            key_out = "o2"
            """, "a.toml");
        var again = ConfigLoader.Parse(ConfigWriter.ToToml(config), "b.toml");
        Assert.Equal(ConfigWriter.ToToml(config), ConfigWriter.ToToml(again));
        Assert.Equal("p \"quoted\" k", again.PublicKey);
        Assert.Equal("C:\\sk", again.SecretKey);
        Assert.Equal(2, again.Peers.Count);
        Assert.Equal(ProtocolVersion.V03, again.Peers[0].ProtocolVersion);
    }

    [Fact]
    public void The_example_config_from_gen_config_parses()
    {
        var config = ConfigLoader.Parse(ExampleConfig.Text, "example.toml");
        Assert.Equal("/path/to/rp-public-key", config.PublicKey);
        Assert.Empty(config.Listen);
        Assert.Equal("127.0.0.1:9998", Assert.Single(config.Peers).Endpoint);
    }
}
