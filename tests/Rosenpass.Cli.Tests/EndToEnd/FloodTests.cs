using System.Net;
using System.Net.Sockets;
using Rosenpass.Cli.Tests.Support;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Cli.Tests.EndToEnd;

/// <summary>
/// A running responder takes 10,000+ random and mutated datagrams, stays up, and then completes a legitimate
/// handshake. The mutations start from a real InitHello addressed to it (made in-process by the core with peer
/// a's keys), so they reach past the frame checks: flipped bytes, truncations, extensions, other type bytes, replays.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class FloodTests(KeyPairFixture keys)
{
    private const int RandomCount = 4000;
    private const int MutatedCount = 6500;

    /// <summary>The envelope ends with mac (16 bytes) and cookie (16 bytes); the mac covers everything before itself.</summary>
    private const int CookieLength = 16;

    [Fact]
    public void Responder_survives_a_flood_and_then_completes_a_handshake()
    {
        using var pair = new PairSetup(keys);
        using var b = pair.Start("--log-level", "info", "exchange-config", pair.ConfigB);
        Assert.True(b.WaitForStderr(l => l.Contains("listening on")), string.Join(" | ", b.Stderr));
        var target = new IPEndPoint(IPAddress.Loopback, pair.PortB);
        byte[] initHello = RealInitHello(pair);
        var random = new Random(20261129); // fixed seed: a failure replays

        // Every handled datagram is logged at info. Batches of 50, a quarter of what the kernel's receive buffer holds
        // (about 200), each sent once the responder has worked off the earlier ones, so that even on a loaded machine
        // the kernel drops next to none and nearly all are really looked at.
        int Handled() => b.Stderr.Count(l => l.Contains("dropped a datagram"));
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        int sent = 0;
        foreach (var batch in RandomDatagrams(random).Concat(Mutations(initHello, random)).Chunk(50))
        {
            foreach (var datagram in batch) sender.SendTo(datagram, target);
            sent += batch.Length;
            Assert.True(Eventually.Holds(() => Handled() >= sent * 9 / 10 - 100), $"the responder handled {Handled()} of {sent}");
        }
        Assert.True(sent >= 10_000);
        Assert.True(Eventually.Holds(() => Handled() >= 9000), $"only {Handled()} of {sent} datagrams were handled");
        Assert.False(b.HasExited, string.Join(" | ", b.Stderr.TakeLast(5)));

        using var a = pair.Start("exchange-config", pair.ConfigA);
        Assert.NotNull(pair.CommonKey());
        Assert.False(b.HasExited);
        Assert.DoesNotContain(b.Stderr, l => l.Contains("ERROR") || l.Contains("   at "));
    }

    /// <summary>An InitHello from a to b, as a's daemon would send it.</summary>
    private static byte[] RealInitHello(PairSetup pair)
    {
        byte[] publicKey = File.ReadAllBytes(pair.Folder.File("a.pk"));
        using var server = new Server(publicKey, Secret.CopyOf(File.ReadAllBytes(pair.Folder.File("a.sk"))));
        var peerB = server.AddPeer(File.ReadAllBytes(pair.Folder.File("b.pk")));
        return server.Initiate(peerB);
    }

    private static IEnumerable<byte[]> RandomDatagrams(Random random)
    {
        for (int i = 0; i < RandomCount; i++)
        {
            var datagram = new byte[random.Next(0, 1600)];
            random.NextBytes(datagram);
            if (datagram.Length > 0 && i % 2 == 0) datagram[0] = (byte)(0x81 + random.Next(6)); // a known type byte
            yield return datagram;
        }
    }

    private static IEnumerable<byte[]> Mutations(byte[] valid, Random random)
    {
        for (int i = 0; i < MutatedCount; i++)
        {
            byte[] datagram = (i % 5) switch
            {
                0 => valid[..random.Next(valid.Length)],                                   // truncated
                1 => [.. valid, .. new byte[random.Next(1, 64)]],                           // extended
                2 => WithType(valid, (byte)(0x82 + random.Next(5))),                        // another type byte
                _ => Flipped(valid, random, random.Next(1, 4), valid.Length - CookieLength),  // 1-3 bytes changed
            };
            yield return datagram;
        }
        // Replays, and changes in the cookie field only (the mac does not cover it): each of these is a valid
        // InitHello that costs the responder a full McEliece decapsulation, so only a few.
        for (int i = 0; i < 5; i++) yield return valid;
        for (int i = 0; i < 10; i++) yield return Flipped(valid, random, 1, valid.Length, from: valid.Length - CookieLength);
    }

    private static byte[] WithType(byte[] valid, byte type)
    {
        var copy = (byte[])valid.Clone();
        copy[0] = type;
        return copy;
    }

    /// <summary>Changes <paramref name="count"/> bytes in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    private static byte[] Flipped(byte[] valid, Random random, int count, int until, int from = 0)
    {
        var copy = (byte[])valid.Clone();
        for (int i = 0; i < count; i++) copy[random.Next(from, until)] ^= (byte)random.Next(1, 256);
        return copy;
    }
}
