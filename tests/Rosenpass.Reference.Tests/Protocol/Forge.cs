using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>What an attacker who knows the recipient's public key can do: change bytes and seal the mac again.</summary>
internal static class Forge
{
    /// <summary>A copy of <paramref name="message"/> with byte <paramref name="offset"/> XORed with <paramref name="mask"/>.</summary>
    public static byte[] Flip(byte[] message, int offset, byte mask = 0x01)
    {
        byte[] copy = (byte[])message.Clone();
        copy[offset] ^= mask;
        return copy;
    }

    /// <summary>Recomputes the mac for recipient key <paramref name="recipientPublicKey"/> (spec §8.1).</summary>
    public static byte[] Remac(byte[] message, byte[] recipientPublicKey, ProtocolVersion version = ProtocolVersion.V03)
    {
        byte[] copy = (byte[])message.Clone();
        EnvelopeSeal.WriteMac(KeyedHash.For(version), MacKey(recipientPublicKey, version), copy);
        return copy;
    }

    /// <summary>KH(lhash("mac"), pk), cached: it hashes the whole 512 KiB key.</summary>
    private static byte[] MacKey(byte[] publicKey, ProtocolVersion version)
    {
        lock (MacKeys)
        {
            var key = (publicKey, version);
            if (!MacKeys.TryGetValue(key, out var macKey))
            {
                macKey = Labels.For(version).Mac.Mix(publicKey).ToArray();
                MacKeys[key] = macKey;
            }
            return macKey;
        }
    }

    private static readonly Dictionary<(byte[], ProtocolVersion), byte[]> MacKeys = new();

    /// <summary>Flips a byte and seals the mac again, so the message gets past the mac to the deeper checks.</summary>
    public static byte[] FlipAndRemac(byte[] message, int offset, byte[] recipientPublicKey, ProtocolVersion version = ProtocolVersion.V03) =>
        Remac(Flip(message, offset), recipientPublicKey, version);

    /// <summary>Offset of a payload field in the whole message (payloads start after the 4-byte header).</summary>
    public static int At(int payloadOffset) => Envelope.HeaderLength + payloadOffset;
}
