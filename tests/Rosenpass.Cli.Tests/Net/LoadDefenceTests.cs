using System.Net;
using Rosenpass.Cli.Net;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Cli.Tests.Net;

/// <summary>The daemon's pieces of spec §8.5 on their own: the under-load rule, the token bucket, the two queues.</summary>
public class LoadDefenceTests
{
    [Fact]
    public void Sixteen_valid_mac_InitHellos_within_a_second_mean_under_load_for_one_second()
    {
        var detector = new LoadDetector();
        for (int i = 0; i < 15; i++) detector.ValidMacInitHello(10 + i * 0.06);
        Assert.False(detector.IsUnderLoad(10.9)); // 15 are not enough
        detector.ValidMacInitHello(10.9);
        Assert.True(detector.IsUnderLoad(10.9));
        Assert.True(detector.IsUnderLoad(11.89));
        Assert.False(detector.IsUnderLoad(11.91)); // LOAD_HOLD after the trigger
    }

    [Fact]
    public void Sixteen_spread_over_more_than_a_second_are_not_load()
    {
        var detector = new LoadDetector();
        for (int i = 0; i < 100; i++) detector.ValidMacInitHello(i * 0.07); // 14.3 per second
        Assert.False(detector.IsUnderLoad(7));
    }

    [Fact]
    public void A_backlog_of_sixteen_means_under_load()
    {
        var detector = new LoadDetector();
        detector.Waiting(15, 3);
        Assert.False(detector.IsUnderLoad(3));
        detector.Waiting(16, 3);
        Assert.True(detector.IsUnderLoad(3.5));
        Assert.False(detector.IsUnderLoad(4.01));
    }

    [Fact]
    public void A_source_gets_a_burst_of_five_then_one_per_second()
    {
        var buckets = new TokenBuckets();
        var source = TokenBuckets.SourceOf(HostId.For(0, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 1)));
        Assert.Equal(5, Enumerable.Range(0, 20).Count(_ => buckets.TryTake(source, 100)));
        Assert.False(buckets.TryTake(source, 100.9));
        Assert.True(buckets.TryTake(source, 101.0));
        Assert.False(buckets.TryTake(source, 101.5));
        var other = TokenBuckets.SourceOf(HostId.For(0, new IPEndPoint(IPAddress.Parse("192.0.2.2"), 1)));
        Assert.True(buckets.TryTake(other, 101.5)); // another address has its own bucket
    }

    [Fact]
    public void A_source_is_an_IPv4_address_or_an_IPv6_64_and_never_a_port()
    {
        UInt128 Of(string address, int port, int socket = 0) => TokenBuckets.SourceOf(HostId.For(socket, new IPEndPoint(IPAddress.Parse(address), port)));
        Assert.Equal(Of("192.0.2.1", 1), Of("192.0.2.1", 2, socket: 1));
        Assert.Equal(Of("192.0.2.1", 1), Of("::ffff:192.0.2.1", 9));
        Assert.NotEqual(Of("192.0.2.1", 1), Of("192.0.2.3", 1));
        Assert.Equal(Of("2001:db8:1:2::1", 1), Of("2001:db8:1:2:ffff::7", 1));
        Assert.NotEqual(Of("2001:db8:1:2::1", 1), Of("2001:db8:1:3::1", 1));
    }

    [Fact]
    public void Datagrams_of_established_sessions_are_not_starved_by_a_backlog_of_InitHellos()
    {
        var queues = new ReceiveQueues();
        var from = new IPEndPoint(IPAddress.Loopback, 1);
        for (int i = 0; i < 100; i++) queues.Add(new Datagram(InitHelloShaped(), from, 0));
        queues.Add(new Datagram(new byte[InitConf.Length], from, 0));
        Assert.True(queues.TryTake(out var first));
        Assert.True(queues.TryTake(out var second));
        Assert.Contains(InitConf.Length, new[] { first.Bytes.Length, second.Bytes.Length });
        Assert.Equal(99, queues.InitHellosWaiting);
    }

    [Fact]
    public void A_queue_is_bounded_in_count_and_in_bytes()
    {
        var queues = new ReceiveQueues();
        var from = new IPEndPoint(IPAddress.Loopback, 1);
        for (int i = 0; i < 2000; i++) queues.Add(new Datagram(InitHelloShaped(), from, 0));
        Assert.Equal(ReceiveQueues.MaxBytes / InitHello.Length, queues.InitHellosWaiting); // the 1 MiB bound comes first
        for (int i = 0; i < 2000; i++) queues.Add(new Datagram(new byte[64], from, 0));
        int others = 0;
        while (queues.TryTake(out var d)) others += d.Bytes.Length == 64 ? 1 : 0;
        Assert.Equal(ReceiveQueues.MaxDatagrams, others); // the count bound
        Assert.Equal(2000 - ReceiveQueues.MaxBytes / InitHello.Length + 2000 - ReceiveQueues.MaxDatagrams, queues.Dropped);
    }

    private static byte[] InitHelloShaped()
    {
        var bytes = new byte[InitHello.Length];
        bytes[0] = (byte)MessageType.InitHello;
        return bytes;
    }
}
