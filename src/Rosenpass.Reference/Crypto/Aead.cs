using System.Security.Cryptography;

namespace Rosenpass.Reference.Crypto;

/// <summary>
/// AEAD of spec §2.2: ChaCha20-Poly1305 as in RFC 8439 (IETF, 12-byte nonce), from .NET's own
/// implementation. Ciphertexts are laid out as ct ‖ tag(16).
/// </summary>
public static class Aead
{
    public const int KeyLength = 32;
    public const int NonceLength = 12;
    public const int TagLength = 16;

    /// <summary>output (pt.Length + 16 bytes) ← ct ‖ tag.</summary>
    public static void Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ad,
        ReadOnlySpan<byte> plaintext, Span<byte> output)
    {
        if (output.Length != plaintext.Length + TagLength) throw new ArgumentException("output must be plaintext + 16 bytes", nameof(output));
        using var cipher = new ChaCha20Poly1305(key);
        cipher.Encrypt(nonce, plaintext, output[..plaintext.Length], output[plaintext.Length..], ad);
    }

    /// <summary>Decrypts ct ‖ tag into <paramref name="plaintext"/>; false (and a zeroed plaintext) on a bad tag.</summary>
    public static bool Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ad,
        ReadOnlySpan<byte> ciphertextAndTag, Span<byte> plaintext)
    {
        if (ciphertextAndTag.Length != plaintext.Length + TagLength) throw new ArgumentException("input must be plaintext + 16 bytes", nameof(ciphertextAndTag));
        using var cipher = new ChaCha20Poly1305(key);
        try
        {
            cipher.Decrypt(nonce, ciphertextAndTag[..plaintext.Length], ciphertextAndTag[plaintext.Length..], plaintext, ad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return false;
        }
    }
}
