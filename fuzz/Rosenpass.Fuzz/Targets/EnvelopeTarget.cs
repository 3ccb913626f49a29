using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Fuzz.Targets;

/// <summary>
/// The envelope's mac and cookie check (spec §8.1, §8.2) as the server uses it: on every well-framed
/// enveloped datagram, under both versions' keyed hashes, with responder b's mac key. It must never throw;
/// a datagram sealed with <see cref="EnvelopeSeal.WriteMac"/> must verify, and the same datagram with one mac
/// bit flipped must not (likewise for the cookie).
/// </summary>
public static class EnvelopeTarget
{
    public static FuzzTarget Target { get; } = new("envelope", "EnvelopeSeal mac/cookie check after framing, V02 and V03",
        Run, Seeds.ValidMessages);

    private static readonly Lazy<(byte[] V02, byte[] V03)> MacKeys = new(() =>
    {
        var pk = Harness.Vector.Value(UpstreamVector.PeerBPublicKey);
        return (Labels.V02.Mac.Mix(pk).ToArray(), Labels.V03.Mac.Mix(pk).ToArray());
    });

    /// <summary>A fixed cookie value (16 bytes): the cookie check's key.</summary>
    private static readonly byte[] CookieValue = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();

    private static void Run(byte[] input)
    {
        if (MessageParser.CheckFrame(input, out var type) != null || type == MessageType.CookieReply) return;
        var (v02, v03) = MacKeys.Value;
        CheckMac(KeyedHash.For(ProtocolVersion.V02), v02, input);
        CheckMac(KeyedHash.For(ProtocolVersion.V03), v03, input);
        CheckCookie(input);
    }

    private static void CheckMac(KeyedHash hash, byte[] macKey, byte[] input)
    {
        bool asReceived = EnvelopeSeal.MacIsValid(hash, macKey, input);
        var sealedCopy = (byte[])input.Clone();
        EnvelopeSeal.WriteMac(hash, macKey, sealedCopy);
        if (!EnvelopeSeal.MacIsValid(hash, macKey, sealedCopy))
            throw new PropertyViolatedException($"{hash.Version}: a freshly written mac does not verify");
        if (asReceived != sealedCopy.AsSpan().SequenceEqual(input))
            throw new PropertyViolatedException($"{hash.Version}: mac verdict {asReceived} disagrees with recomputation");
        sealedCopy[Envelope.MacOffset(sealedCopy.Length) + input[^1] % Envelope.MacLength] ^= (byte)(1 << (input[0] & 7));
        if (EnvelopeSeal.MacIsValid(hash, macKey, sealedCopy))
            throw new PropertyViolatedException($"{hash.Version}: a mac with one bit flipped verifies");
    }

    private static void CheckCookie(byte[] input)
    {
        var sealedCopy = (byte[])input.Clone();
        EnvelopeSeal.WriteCookie(CookieValue, sealedCopy);
        if (!EnvelopeSeal.CookieIsValid(CookieValue, sealedCopy))
            throw new PropertyViolatedException("a freshly written cookie does not verify");
        sealedCopy[sealedCopy.Length - 1 - input[^2] % Envelope.CookieLength] ^= 0x80;
        if (EnvelopeSeal.CookieIsValid(CookieValue, sealedCopy))
            throw new PropertyViolatedException("a cookie with one bit flipped verifies");
    }
}
