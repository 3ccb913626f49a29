using Rosenpass.Cli.Config;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Tests.Config;

/// <summary>The first two cases are upstream's own tests of this grammar (config.rs, test_simple_cli_parse and
/// test_cli_parse_multiple_peers), with their expected values.</summary>
public class ExchangeArgumentsTests
{
    private static RosenpassConfig Parse(string line) => ExchangeArguments.Parse(line.Split(' '));

    [Fact]
    public void Upstream_simple_parse()
    {
        var config = Parse("public-key /my/public-key secret-key /my/secret-key verbose listen 0.0.0.0:9999 " +
                           "peer public-key /peer/public-key endpoint peer.test:9999 outfile /peer/rp-out");
        Assert.Equal("/my/public-key", config.PublicKey);
        Assert.Equal("/my/secret-key", config.SecretKey);
        Assert.Equal(Verbosity.Verbose, config.Verbosity);
        Assert.Equal("0.0.0.0:9999", SocketAddressParser.Format(Assert.Single(config.Listen)));
        var peer = Assert.Single(config.Peers);
        Assert.Equal("/peer/public-key", peer.PublicKey);
        Assert.Equal("peer.test:9999", peer.Endpoint);
        Assert.Null(peer.PreSharedKey);
        Assert.Equal("/peer/rp-out", peer.KeyOut);
    }

    [Fact]
    public void Upstream_multiple_peers()
    {
        var config = Parse("public-key /my/public-key secret-key /my/secret-key verbose " +
                           "peer public-key /peer-a/public-key endpoint peer.test:9999 outfile /peer-a/rp-out " +
                           "peer public-key /peer-b/public-key outfile /peer-b/rp-out");
        Assert.Empty(config.Listen);
        Assert.Equal(2, config.Peers.Count);
        Assert.Equal("peer.test:9999", config.Peers[0].Endpoint);
        Assert.Null(config.Peers[1].Endpoint);
        Assert.Equal("/peer-b/rp-out", config.Peers[1].KeyOut);
    }

    [Fact]
    public void Endpoint_and_preshared_key_together_work_unlike_upstream()
    {
        var peer = Assert.Single(Parse("public-key p secret-key s peer public-key q endpoint 127.0.0.1:1 preshared-key psk outfile o").Peers);
        Assert.Equal("127.0.0.1:1", peer.Endpoint);
        Assert.Equal("psk", peer.PreSharedKey);
    }

    [Fact]
    public void WireGuard_extra_arguments_run_until_the_next_peer()
    {
        var config = Parse("public-key p secret-key s" +
                           " peer public-key q wireguard wg0 PEERKEY persistent-keepalive 25 allowed-ips 10.0.0.2/32" +
                           " peer public-key r outfile o");
        var wg = config.Peers[0].WireGuard!;
        Assert.Equal("wg0", wg.Device);
        Assert.Equal("PEERKEY", wg.Peer);
        Assert.Equal(["persistent-keepalive", "25", "allowed-ips", "10.0.0.2/32"], wg.ExtraParams);
        Assert.Equal("r", config.Peers[1].PublicKey);
    }

    [Fact]
    public void Private_key_is_the_old_name_of_secret_key()
    {
        Assert.Equal("s", Parse("public-key p private-key s").SecretKey);
    }

    [Theory]
    [InlineData("public-key p secret-key s public-key q", "public-key was already set")]
    [InlineData("public-key p peer public-key q", "secret-key file must be set")]
    [InlineData("public-key p secret-key s peer outfile a outfile b", "outfile was already set")]
    [InlineData("public-key p secret-key s frobnicate", "unrecognised argument frobnicate")]
    [InlineData("public-key p secret-key s peer public-key q nonsense", "unrecognised argument nonsense")]
    [InlineData("public-key p secret-key s listen nowhere", "listen nowhere")]
    [InlineData("public-key", "public-key needs a value")]
    [InlineData("public-key p", "secret-key file must be set")]
    [InlineData("public-key p secret-key s peer outfile o", "peer 0 has no public-key")]
    public void Bad_arguments_are_one_clear_error(string line, string expected)
    {
        var error = Assert.Throws<InputFormatException>(() => Parse(line));
        Assert.Contains(expected, error.Message);
    }
}
