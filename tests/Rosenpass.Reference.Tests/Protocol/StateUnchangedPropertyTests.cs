using CsCheck;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>
/// Property: whatever a datagram holds, a rejected datagram leaves the server's observable state exactly as it
/// was (spec §6, §10.6). Each message type is tried in the state where its genuine form would be accepted:
/// 10,000 random datagrams and single-bit or single-byte mutations of the genuine message each, plus a smaller
/// number of mutations whose mac was sealed again, which reach the cryptographic checks.
/// </summary>
public class StateUnchangedPropertyTests : IClassFixture<StateUnchangedPropertyTests.Handshake>
{
    private const int Cases = 10_000;
    private readonly Handshake _h;

    public StateUnchangedPropertyTests(Handshake handshake) => _h = handshake;

    /// <summary>One handshake, stopped before each message is delivered, so each receiver can be probed.</summary>
    public sealed class Handshake : IDisposable
    {
        public ServerPair Pair { get; } = new();
        public ServerPair Loaded { get; } = new(loadAtB: FixedLoadPolicy.Always);
        public byte[] InitHello { get; }
        public byte[] RespHello { get; }
        public byte[] CookieReply { get; }

        public Handshake()
        {
            InitHello = Pair.A.Initiate(Pair.PeerB);
            RespHello = Pair.B.HandleMessage(InitHello).Response!;
            CookieReply = Loaded.B.HandleMessage(Loaded.A.Initiate(Loaded.PeerB)).Response!;
        }

        public void Dispose()
        {
            Pair.Dispose();
            Loaded.Dispose();
        }
    }

    /// <summary>Hands over the datagram; if rejected, nothing may have changed. Returns whether it was accepted.</summary>
    private static bool HandleAndCheck(Server server, byte[] datagram)
    {
        string before = server.DescribeState();
        var outcome = server.HandleMessage(datagram);
        if (outcome.Accepted) return true;
        Assert.Null(outcome.Response);
        Assert.Empty(outcome.Events);
        Assert.Equal(before, server.DescribeState());
        return false;
    }

    /// <summary>A genuine message with one bit flipped or one byte replaced, anywhere before <paramref name="end"/>.</summary>
    private static Gen<byte[]> Mutations(byte[] genuine, int end) =>
        Gen.Int[0, end - 1].Select(Gen.Int[0, 7], Gen.Byte, Gen.Bool).Select((offset, bit, value, flipBit) =>
        {
            byte[] copy = (byte[])genuine.Clone();
            copy[offset] = flipBit ? (byte)(copy[offset] ^ (1 << bit)) : (value == copy[offset] ? (byte)~value : value);
            return copy;
        });

    /// <summary>Random datagrams: any length, and exactly the message's length with its type byte.</summary>
    private static Gen<byte[]> RandomDatagrams(MessageType type) =>
        Gen.OneOf(Gen.Byte.Array[0, 1200], Gen.Byte.Array[MessageParser.LengthOf(type)].Select(bytes => { bytes[0] = (byte)type; return bytes; }));

    private static void NeverAccepted(Server server, Gen<byte[]> datagrams, int iterations) =>
        datagrams.Sample(datagram => Assert.False(HandleAndCheck(server, datagram), "a forged datagram was accepted"), iter: iterations, threads: 1);

    [Fact]
    public void InitHello_random_and_mutated() =>
        // The cookie field (the last 16 bytes) is not covered by the mac and is ignored when not under load.
        NeverAccepted(_h.Pair.B, Gen.OneOf(RandomDatagrams(MessageType.InitHello),
            Mutations(_h.InitHello, Envelope.CookieOffset(InitHello.Length))), Cases);

    [Fact]
    public void RespHello_random_and_mutated() =>
        NeverAccepted(_h.Pair.A, Gen.OneOf(RandomDatagrams(MessageType.RespHello),
            Mutations(_h.RespHello, Envelope.CookieOffset(RespHello.Length))), Cases);

    [Fact]
    public void InitConf_random_and_mutated()
    {
        using var pair = new ServerPair();
        byte[] ic = pair.A.HandleMessage(pair.B.HandleMessage(pair.A.Initiate(pair.PeerB)).Response!).Response!;
        NeverAccepted(pair.B, Gen.OneOf(RandomDatagrams(MessageType.InitConf), Mutations(ic, Envelope.CookieOffset(InitConf.Length))), Cases);
        // Mutations that keep a valid mac reach the biscuit and auth checks; reserved bytes (1-3) are not checked.
        NeverAccepted(pair.B, Mutations(ic, Envelope.MacOffset(InitConf.Length)).Where(m => !ReservedOnly(m, ic))
            .Select(m => Forge.Remac(m, pair.B.PublicKey)), 2_000);
        Assert.True(pair.B.HandleMessage(ic).Accepted); // the genuine one still works
    }

    [Fact]
    public void EmptyData_random_and_mutated()
    {
        using var pair = new ServerPair();
        byte[] ic = pair.A.HandleMessage(pair.B.HandleMessage(pair.A.Initiate(pair.PeerB)).Response!).Response!;
        byte[] ed = pair.B.HandleMessage(ic).Response!;
        NeverAccepted(pair.A, Gen.OneOf(RandomDatagrams(MessageType.EmptyData), Mutations(ed, Envelope.CookieOffset(EmptyData.Length))), Cases);
        NeverAccepted(pair.A, Mutations(ed, Envelope.MacOffset(EmptyData.Length)).Where(m => !ReservedOnly(m, ed))
            .Select(m => Forge.Remac(m, pair.A.PublicKey)), 2_000);
        Assert.True(pair.A.HandleMessage(ed).Accepted);
    }

    [Fact]
    public void CookieReply_random_and_mutated() =>
        // The padding after the encrypted cookie is random and ignored.
        NeverAccepted(_h.Loaded.A, Gen.OneOf(RandomDatagrams(MessageType.CookieReply),
            Mutations(_h.CookieReply, CookieReply.PaddingOffset).Where(m => !ReservedOnly(m, _h.CookieReply))), Cases);

    [Fact]
    public void Remaced_mutations_of_InitHello_and_RespHello_reach_the_deep_checks()
    {
        // Each of these costs a McEliece decapsulation, so fewer cases.
        NeverAccepted(_h.Pair.B, Mutations(_h.InitHello, Envelope.MacOffset(InitHello.Length)).Where(m => !ReservedOnly(m, _h.InitHello))
            .Select(m => Forge.Remac(m, _h.Pair.B.PublicKey)), 40);
        NeverAccepted(_h.Pair.A, Mutations(_h.RespHello, Envelope.MacOffset(RespHello.Length)).Where(m => !ReservedOnly(m, _h.RespHello))
            .Select(m => Forge.Remac(m, _h.Pair.A.PublicKey)), 40);
    }

    /// <summary>Whether the mutation touched only the reserved bytes 1-3, which no receiver checks (spec §5.7).</summary>
    private static bool ReservedOnly(byte[] mutated, byte[] genuine) =>
        Enumerable.Range(0, genuine.Length).Where(i => mutated[i] != genuine[i]).All(i => i is >= 1 and <= 3);
}
