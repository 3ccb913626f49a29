using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// The ways negative cases spoil a genuine message. Each returns a fresh copy and a description that goes into the
/// step's <c>mutation</c> field. Field offsets are those of spec §5 (absolute, header included).
/// </summary>
internal static class Mutations
{
    /// <summary>A mutated datagram and how it was made.</summary>
    public sealed record Mutated(byte[] Message, string Description);

    /// <summary>The first byte of each field that negative cases flip, per message type (spec §5.2-§5.6).</summary>
    public static int Offset(MessageType type, string field) => (type, field) switch
    {
        (MessageType.InitHello, "sidi") => 4,
        (MessageType.InitHello, "pidi_ct") => 964,
        (MessageType.InitHello, "auth") => 1012,
        (MessageType.RespHello, "sidi") => 8,
        (MessageType.RespHello, "auth") => 936,
        (MessageType.RespHello, "biscuit") => 952,
        (MessageType.InitConf, "biscuit") => 12,
        (MessageType.InitConf, "auth") => 128,
        (MessageType.EmptyData, "sid") => 4,
        (MessageType.EmptyData, "auth") => 16,
        (MessageType.CookieReply, "sid") => 4,
        (MessageType.CookieReply, "cookie_encrypted") => 8 + XAead.NonceLength,
        _ => throw new ArgumentException($"no field {field} in {type}"),
    };

    public static Mutated Truncated(byte[] message) => new(message[..^1], $"the last byte removed ({message.Length - 1} bytes)");

    public static Mutated Extended(byte[] message) => new([.. message, 0], $"a zero byte appended ({message.Length + 1} bytes)");

    public static Mutated UnknownType(byte[] message) => new(WithByte(message, 0, 0x85), "type byte set to 0x85, which names no message");

    /// <summary>The type byte of another message type, whose length differs.</summary>
    public static Mutated OtherType(byte[] message, MessageType other) =>
        new(WithByte(message, 0, (byte)other), $"type byte set to 0x{(byte)other:x2} ({other})");

    /// <summary>Flips the lowest bit of the mac's first byte.</summary>
    public static Mutated FlippedMac(byte[] message)
    {
        int offset = Envelope.MacOffset(message.Length);
        return new(Flip(message, offset), $"bit 0 of byte {offset} (mac) flipped");
    }

    /// <summary>
    /// Flips the lowest bit of <paramref name="field"/>'s first byte and, when <paramref name="receiverPublicKey"/> is
    /// given, recomputes the mac for that receiver under <paramref name="version"/>, as anyone can (the mac key is
    /// public, spec §8.1): the check the case aims at is then reached.
    /// </summary>
    public static Mutated Flipped(byte[] message, string field, byte[]? receiverPublicKey, ProtocolVersion version)
    {
        var type = (MessageType)message[0];
        int offset = Offset(type, field);
        byte[] mutated = Flip(message, offset);
        if (receiverPublicKey == null) return new(mutated, $"bit 0 of byte {offset} ({field}) flipped");
        var labels = Labels.For(version);
        EnvelopeSeal.WriteMac(labels.Hash, labels.Mac.Mix(receiverPublicKey).ToArray(), mutated);
        return new(mutated, $"bit 0 of byte {offset} ({field}) flipped, mac recomputed");
    }

    private static byte[] Flip(byte[] message, int offset) => WithByte(message, offset, (byte)(message[offset] ^ 1));

    private static byte[] WithByte(byte[] message, int offset, byte value)
    {
        byte[] copy = (byte[])message.Clone();
        copy[offset] = value;
        return copy;
    }
}
