using System.Net;
using Rosenpass.Cli.Config;
using Rosenpass.Conformance.Iut;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Tests;

/// <summary>The IUT's configuration, read back by our CLI's loader of upstream's TOML format (upstream-facts §3.3).</summary>
public sealed class IutConfigFileTests
{
    private static readonly IutConfigFile.Paths Paths = new("/k/iut \"pk\"", "/k/iut.sk", "/k/ours.pk", "/k/psk", "/k/out\\file");

    [Fact]
    public void As_responder_the_IUT_has_no_endpoint_for_us()
    {
        var config = ConfigLoader.Parse(IutConfigFile.Toml(Paths, 40000, new IutSetup(ProtocolVersion.V03, OurEndpoint: null)), "iut.toml");

        Assert.Equal(Paths.PublicKey, config.PublicKey);
        Assert.Equal(Paths.SecretKey, config.SecretKey);
        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 40000)], config.Listen);
        var peer = Assert.Single(config.Peers);
        Assert.Equal(Paths.OurPublicKey, peer.PublicKey);
        Assert.Null(peer.Endpoint);
        Assert.Equal(Paths.Psk, peer.PreSharedKey);
        Assert.Equal(Paths.Outfile, peer.KeyOut);
        Assert.Equal(ProtocolVersion.V03, peer.ProtocolVersion);
    }

    [Fact]
    public void As_initiator_the_IUT_has_our_endpoint_and_the_version()
    {
        var ours = new IPEndPoint(IPAddress.Loopback, 40001);
        var config = ConfigLoader.Parse(IutConfigFile.Toml(Paths, 40000, new IutSetup(ProtocolVersion.V02, ours)), "iut.toml");

        var peer = Assert.Single(config.Peers);
        Assert.Equal("127.0.0.1:40001", peer.Endpoint);
        Assert.Equal(ProtocolVersion.V02, peer.ProtocolVersion);
    }
}
