using System.Security.Cryptography;
using Rosenpass.Reference.Crypto;

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
    public const int PlaintextLength = 32 + NumberLength + KeyedHash.OutputLength;
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
        biscuitNumber.CopyTo(bytes[32..]);
        ck.CopyTo(bytes[(32 + NumberLength)..]);
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

    /// <summary>Decrypts a biscuit (load_biscuit, spec §7.1); null if the tag does not verify.</summary>
    public static Secret? Open(Secret key, ReadOnlySpan<byte> ad, ReadOnlySpan<byte> biscuit)
    {
        var plaintext = new Secret(PlaintextLength);
        if (XAead.Decrypt(key.Expose(), ad, biscuit, plaintext.Expose())) return plaintext;
        plaintext.Dispose();
        return null;
    }

    /// <summary>The parts of an opened biscuit.</summary>
    public static (byte[] Pidi, byte[] Number, byte[] Ck) Split(Secret plaintext)
    {
        var bytes = plaintext.Expose();
        return (bytes[..32].ToArray(), bytes[32..(32 + NumberLength)].ToArray(), bytes[(32 + NumberLength)..].ToArray());
    }

    /// <summary>Zeroes a chaining-key copy taken out of a biscuit.</summary>
    public static void Forget(byte[] ck) => CryptographicOperations.ZeroMemory(ck);
}
