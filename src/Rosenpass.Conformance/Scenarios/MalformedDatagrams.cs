using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// The bad datagrams of the malformed scenario, each with a label. Every one must be dropped without an
/// answer (spec §5.7 framing, §8.1 mac, §6 authentication, §7 biscuit). Built from a fixed seed, so every run
/// sends the same junk; the forged ones start from real messages of the handshake just done.
/// </summary>
internal static class MalformedDatagrams
{
    private const int Seed = 7;

    /// <summary>Real messages to mutate: ours to the IUT, and the IUT's to us (reflected back to it).</summary>
    public sealed record Material(byte[] InitHello, byte[] InitConf, byte[]? RespHello, byte[]? EmptyData, byte[] IutPublicKey, ProtocolVersion Version);

    public static IReadOnlyList<(string Label, byte[] Datagram)> Build(Material m)
    {
        var random = new Random(Seed);
        var list = new List<(string, byte[])>
        {
            ("empty", []),
            ("one byte", [(byte)MessageType.InitHello]),
            ("too long for any message", Junk(random, 2501, 0x81)),
            ("64 KiB", Junk(random, 65000, 0x81)),
        };
        foreach (var type in Enum.GetValues<MessageType>()) list.AddRange(WrongFrames(random, type));
        foreach (byte unknown in new byte[] { 0x00, 0x01, 0x80, 0x85, 0x87, 0xff })
            list.Add(($"unknown type 0x{unknown:x2}", Junk(random, InitHello.Length, unknown)));
        list.AddRange(Flips("InitHello", m.InitHello, m, [("sidi", 0), ("epki", 4), ("sctr", 804), ("pidi_ct", 960), ("auth", 1008)]));
        list.AddRange(Flips("InitConf", m.InitConf, m, [("sidi", 0), ("sidr", 4), ("biscuit", 8), ("auth", 124)]));
        if (m.RespHello is { } resp)
        {
            list.Add(("its own RespHello reflected", resp));
            list.Add(("its own RespHello reflected, mac for it", Remac(resp, m)));
        }
        if (m.EmptyData is { } empty)
        {
            list.Add(("its own EmptyData reflected", empty));
            list.Add(("its own EmptyData reflected, mac for it", Remac(empty, m)));
        }
        return list;
    }

    /// <summary>Random bodies of the right type: right length (bad mac), valid mac, one byte short, one too long, header only.</summary>
    private static IEnumerable<(string, byte[])> WrongFrames(Random random, MessageType type)
    {
        int length = MessageParser.LengthOf(type);
        yield return ($"{type} random", Junk(random, length, (byte)type));
        yield return ($"{type} one byte short", Junk(random, length - 1, (byte)type));
        yield return ($"{type} one byte long", Junk(random, length + 1, (byte)type));
        yield return ($"{type} header only", Junk(random, Envelope.HeaderLength, (byte)type));
    }

    /// <summary>One flipped byte per field: once with the mac left stale, once with the mac sealed again for the IUT.</summary>
    private static IEnumerable<(string, byte[])> Flips(string name, byte[] message, Material m, (string Field, int PayloadOffset)[] fields)
    {
        foreach (var (field, offset) in fields)
        {
            var flipped = (byte[])message.Clone();
            flipped[Envelope.HeaderLength + offset] ^= 0x01;
            yield return ($"{name} {field} flipped", flipped);
            yield return ($"{name} {field} flipped, mac valid", Remac(flipped, m));
        }
        var badMac = (byte[])message.Clone();
        badMac[Envelope.MacOffset(message.Length)] ^= 0x01;
        yield return ($"{name} mac flipped", badMac);
        var reserved = (byte[])message.Clone();
        reserved[1] ^= 0x01;
        yield return ($"{name} reserved byte set, mac stale", reserved);
    }

    /// <summary>Seals the mac for the IUT's public key (spec §8.1), as any attacker can: it gets past the mac.</summary>
    private static byte[] Remac(byte[] message, Material m)
    {
        var copy = (byte[])message.Clone();
        var macKey = Labels.For(m.Version).Mac.Mix(m.IutPublicKey).ToArray();
        EnvelopeSeal.WriteMac(KeyedHash.For(m.Version), macKey, copy);
        return copy;
    }

    private static byte[] Junk(Random random, int length, byte type)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        if (length > 0) bytes[0] = type;
        return bytes;
    }
}
