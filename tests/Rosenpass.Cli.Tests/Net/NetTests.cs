using System.Net;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Logging;
using Rosenpass.Cli.Net;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Tests.Net;

public class NetTests
{
    [Fact]
    public void Host_id_is_socket_index_v6_address_port_scope()
    {
        byte[] id = HostId.For(3, new IPEndPoint(IPAddress.Parse("192.0.2.7"), 0x1234));
        Assert.Equal(30, id.Length);
        Assert.Equal(Convert.FromHexString(
            "0000000000000003" + "00000000000000000000FFFFC0000207" + "1234" + "00000000"), id);
    }

    [Fact]
    public void Host_id_keeps_the_v6_scope()
    {
        byte[] id = HostId.For(0, new IPEndPoint(IPAddress.Parse("fe80::1%5"), 1));
        Assert.Equal(Convert.FromHexString("0000000000000000" + "FE800000000000000000000000000001" + "0001" + "00000005"), id);
    }

    [Fact]
    public void Endpoints_resolve_literals_and_names_and_refuse_garbage()
    {
        Assert.Equal(new IPEndPoint(IPAddress.Parse("::1"), 7), Assert.Single(EndpointResolver.Resolve("[::1]:7", "f")));
        Assert.Contains(EndpointResolver.Resolve("localhost:9", "f"), e => IPAddress.IsLoopback(e.Address) && e.Port == 9);
        Assert.Throws<InputFormatException>(() => EndpointResolver.Resolve("no-port", "f"));
        Assert.Throws<InputFormatException>(() => EndpointResolver.Resolve("host.invalid:1", "f"));
    }

    [Theory]
    [InlineData("[::]:0", true)]
    [InlineData("[fe80::1%2]:5", true)]
    [InlineData("10.0.0.1:65535", true)]
    [InlineData("10.0.0.1:65536", false)]
    [InlineData("10.0.0.1:+5", false)]
    [InlineData("::1:5", false)]
    [InlineData("[10.0.0.1]:5", false)]
    [InlineData("10.0.1:5", false)]
    [InlineData(":5", false)]
    public void Socket_addresses_follow_rusts_notation(string text, bool valid)
    {
        Assert.Equal(valid, SocketAddressParser.TryParse(text) != null);
    }

    [Theory]
    [InlineData("info", LogLevel.Info)]
    [InlineData("warn,rosenpass=debug", LogLevel.Debug)]
    [InlineData("other=trace,error", LogLevel.Error)]
    [InlineData("", null)]
    [InlineData("nonsense", null)]
    public void Rust_log_names_our_level(string value, LogLevel? expected)
    {
        Assert.Equal(expected, LogLevelParser.FromRustLog(value));
    }
}
