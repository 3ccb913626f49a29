using System.Security.Cryptography;

namespace Rosenpass.Reference.Crypto;

/// <summary>
/// XAEAD of spec §2.3: XChaCha20-Poly1305 (24-byte nonce; draft-irtf-cfrg-xchacha): the subkey HChaCha20(key,
/// nonce[..16]) keys ChaCha20-Poly1305 (<see cref="Aead"/>) with the nonce 0⁴ ‖ nonce[16..]. The nonce travels with
/// the ciphertext: output = nonce(24) ‖ ct ‖ tag(16). Keys are taken as spans and no copy outlives a call: the
/// subkey is zeroed here, and .NET zeroes its own key copy when <see cref="Aead"/> disposes the cipher.
/// </summary>
public static class XAead
{
    public const int KeyLength = 32;
    public const int NonceLength = 24;
    public const int TagLength = Aead.TagLength;

    /// <summary>The bytes this construction adds to a plaintext.</summary>
    public const int Overhead = NonceLength + TagLength;

    /// <summary>output (pt.Length + 40 bytes) ← nonce ‖ ct ‖ tag.</summary>
    public static void Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ad,
        ReadOnlySpan<byte> plaintext, Span<byte> output)
    {
        if (nonce.Length != NonceLength) throw new ArgumentException("nonce must be 24 bytes", nameof(nonce));
        if (output.Length != plaintext.Length + Overhead) throw new ArgumentException("output must be plaintext + 40 bytes", nameof(output));
        CheckKey(key);
        Span<byte> subkey = stackalloc byte[KeyLength];
        Span<byte> innerNonce = stackalloc byte[Aead.NonceLength];
        try
        {
            Derive(key, nonce, subkey, innerNonce);
            nonce.CopyTo(output);
            Aead.Encrypt(subkey, innerNonce, ad, plaintext, output[NonceLength..]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(subkey);
        }
    }

    /// <summary>Decrypts nonce ‖ ct ‖ tag into <paramref name="plaintext"/>; false (and a zeroed plaintext) on a bad tag.</summary>
    public static bool Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> ad, ReadOnlySpan<byte> input, Span<byte> plaintext)
    {
        if (input.Length != plaintext.Length + Overhead) throw new ArgumentException("input must be plaintext + 40 bytes", nameof(input));
        CheckKey(key);
        Span<byte> subkey = stackalloc byte[KeyLength];
        Span<byte> innerNonce = stackalloc byte[Aead.NonceLength];
        try
        {
            Derive(key, input[..NonceLength], subkey, innerNonce);
            return Aead.Decrypt(subkey, innerNonce, ad, input[NonceLength..], plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(subkey);
        }
    }

    /// <summary>The subkey HChaCha20(key, nonce[..16]) and the inner nonce 0⁴ ‖ nonce[16..24].</summary>
    private static void Derive(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, Span<byte> subkey, Span<byte> innerNonce)
    {
        HChaCha20.DeriveSubkey(key, nonce[..HChaCha20.NonceLength], subkey);
        innerNonce[..4].Clear();
        nonce[HChaCha20.NonceLength..].CopyTo(innerNonce[4..]);
    }

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength) throw new ArgumentException("key must be 32 bytes", nameof(key));
    }
}
