using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Rosenpass.Reference.Crypto;

/// <summary>
/// XAEAD of spec §2.3: XChaCha20-Poly1305 (24-byte nonce), from BouncyCastle. The nonce travels with
/// the ciphertext: output = nonce(24) ‖ ct ‖ tag(16).
/// </summary>
public static class XAead
{
    public const int KeyLength = 32;
    public const int NonceLength = 24;
    public const int TagLength = 16;

    /// <summary>The bytes this construction adds to a plaintext.</summary>
    public const int Overhead = NonceLength + TagLength;

    /// <summary>output (pt.Length + 40 bytes) ← nonce ‖ ct ‖ tag.</summary>
    public static void Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ad,
        ReadOnlySpan<byte> plaintext, Span<byte> output)
    {
        if (nonce.Length != NonceLength) throw new ArgumentException("nonce must be 24 bytes", nameof(nonce));
        if (output.Length != plaintext.Length + Overhead) throw new ArgumentException("output must be plaintext + 40 bytes", nameof(output));
        var cipher = Init(forEncryption: true, key, nonce, ad);
        nonce.CopyTo(output);
        int written = cipher.ProcessBytes(plaintext, output[NonceLength..]);
        cipher.DoFinal(output[(NonceLength + written)..]);
    }

    /// <summary>Decrypts nonce ‖ ct ‖ tag into <paramref name="plaintext"/>; false (and a zeroed plaintext) on a bad tag.</summary>
    public static bool Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> ad, ReadOnlySpan<byte> input, Span<byte> plaintext)
    {
        if (input.Length != plaintext.Length + Overhead) throw new ArgumentException("input must be plaintext + 40 bytes", nameof(input));
        var cipher = Init(forEncryption: false, key, input[..NonceLength], ad);
        byte[] buffer = GC.AllocateArray<byte>(plaintext.Length, pinned: true);
        try
        {
            int written = cipher.ProcessBytes(input[NonceLength..], buffer);
            cipher.DoFinal(buffer.AsSpan(written));
            buffer.CopyTo(plaintext);
            return true;
        }
        catch (InvalidCipherTextException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    private static XChaCha20Poly1305 Init(bool forEncryption, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ad)
    {
        if (key.Length != KeyLength) throw new ArgumentException("key must be 32 bytes", nameof(key));
        var cipher = new XChaCha20Poly1305();
        cipher.Init(forEncryption, new AeadParameters(new KeyParameter(key), TagLength * 8, nonce.ToArray(), ad.ToArray()));
        return cipher;
    }
}
