using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Protocol;

/// <summary>
/// The biscuit (spec §7): the responder's handshake state, encrypted to itself and carried by the initiator
/// from RespHello to InitConf, so that the responder stores nothing between the two.
/// Plaintext: pidi(32) ‖ biscuit_no(12, little-endian) ‖ ck(32). Ciphertext: nonce(24) ‖ ct(76) ‖ tag(16),
/// where the top bit of nonce[0] names which of the two biscuit keys was used.
/// </summary>
public static class Biscuit
{
    public const int NumberLength = 12;
    private const int NumberOffset = FieldLength.PeerId;
    private const int CkOffset = NumberOffset + NumberLength;
    public const int PlaintextLength = CkOffset + KeyedHash.OutputLength;
    public const int CiphertextLength = PlaintextLength + XAead.Overhead;

    /// <summary>The additional data: lhash("biscuit additional data", spkr, sidi, sidr) (spec §7.1).</summary>
    public static byte[] AdditionalData(byte[] biscuitAdForOwnKey, Labels labels, ReadOnlySpan<byte> sidi, ReadOnlySpan<byte> sidr) =>
        HashDomain.FromValue(labels.Hash, biscuitAdForOwnKey).Mix(sidi).Mix(sidr).ToArray();

    /// <summary>The plaintext pidi ‖ biscuit_no ‖ ck, in a secret buffer.</summary>
    public static Secret Plaintext(ReadOnlySpan<byte> pidi, ReadOnlySpan<byte> biscuitNumber, ReadOnlySpan<byte> ck)
    {
        var plaintext = new Secret(PlaintextLength);
        var bytes = plaintext.Expose();
        pidi.CopyTo(bytes);
        biscuitNumber.CopyTo(bytes[NumberOffset..]);
        ck.CopyTo(bytes[CkOffset..]);
        return plaintext;
    }

    /// <summary>
    /// Encrypts a biscuit (store_biscuit, spec §7.1): nonce = 24 random bytes with the top bit of byte 0
    /// replaced by the key index; output = nonce ‖ XAEAD(key, nonce, ad, plaintext).
    /// </summary>
    public static void Seal(Secret key, int keyIndex, ReadOnlySpan<byte> nonce24, ReadOnlySpan<byte> ad, Secret plaintext, Span<byte> output)
    {
        Span<byte> nonce = stackalloc byte[XAead.NonceLength];
        nonce24.CopyTo(nonce);
        nonce[0] = (byte)((nonce[0] & 0x7f) | (keyIndex << 7));
        XAead.Encrypt(key.Expose(), nonce, ad, plaintext.Expose(), output);
    }

    /// <summary>Which biscuit key a biscuit names: the top bit of its first byte.</summary>
    public static int KeyIndex(ReadOnlySpan<byte> biscuit) => biscuit[0] >> 7;

    /// <summary>
    /// Decrypts a biscuit (load_biscuit, spec §7.1): its peer id, its number, and the chaining key it stored, restored
    /// as a <see cref="ChainingKey"/> of <paramref name="labels"/>. Null if the tag does not verify. The plaintext never
    /// leaves a secret buffer, and the caller disposes what it gets.
    /// </summary>
    public static OpenedBiscuit? Open(Secret key, Labels labels, ReadOnlySpan<byte> ad, ReadOnlySpan<byte> biscuit)
    {
        using var plaintext = new Secret(PlaintextLength);
        if (!XAead.Decrypt(key.Expose(), ad, biscuit, plaintext.Expose())) return null;
        var bytes = plaintext.Expose();
        return new OpenedBiscuit(bytes[..NumberOffset].ToArray(), bytes[NumberOffset..CkOffset].ToArray(),
            ChainingKey.FromValue(labels, bytes[CkOffset..]));
    }
}
