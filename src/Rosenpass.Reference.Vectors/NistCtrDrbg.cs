using System.Security.Cryptography;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// The deterministic generator of the NIST PQC known-answer harness (<c>rng.c</c>: <c>randombytes_init</c>,
/// <c>randombytes</c>): AES-256 CTR_DRBG without derivation function, no personalisation, no reseeding.
/// Key and V start at zero and are updated with the 48-byte seed; each <see cref="Fill"/> is one
/// <c>randombytes</c> call, so callers must draw in the same pieces as the C code.
/// </summary>
public sealed class NistCtrDrbg : IRandomSource, IDisposable
{
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _v = new byte[16];
    private readonly Aes _aes = Aes.Create();

    /// <summary><c>randombytes_init(entropy_input, NULL, 256)</c>.</summary>
    public NistCtrDrbg(ReadOnlySpan<byte> entropyInput)
    {
        if (entropyInput.Length != 48)
        {
            throw new ArgumentException("The NIST DRBG takes a 48-byte seed.", nameof(entropyInput));
        }
        _aes.Key = _key; // Key = 0^256, V = 0^128
        Update(entropyInput);
    }

    /// <summary><c>randombytes(x, xlen)</c>: blocks AES(Key, ++V), then the update without input.</summary>
    public void Fill(Span<byte> destination)
    {
        Span<byte> block = stackalloc byte[16];
        for (int offset = 0; offset < destination.Length; offset += 16)
        {
            IncrementV();
            EncryptV(block);
            int take = Math.Min(16, destination.Length - offset);
            block[..take].CopyTo(destination[offset..]);
        }
        Update([]);
    }

    /// <summary><c>AES256_CTR_DRBG_Update</c>: three blocks AES(Key, ++V), xor the provided data, split into Key || V.</summary>
    private void Update(ReadOnlySpan<byte> providedData)
    {
        Span<byte> temp = stackalloc byte[48];
        for (int i = 0; i < 3; i++)
        {
            IncrementV();
            EncryptV(temp.Slice(16 * i, 16));
        }
        for (int i = 0; i < providedData.Length; i++)
        {
            temp[i] ^= providedData[i];
        }
        temp[..32].CopyTo(_key);
        temp[32..].CopyTo(_v);
        _aes.Key = _key;
    }

    private void EncryptV(Span<byte> output)
    {
        _aes.EncryptEcb(_v, output, PaddingMode.None);
    }

    /// <summary>V = V + 1 mod 2^128, V big-endian.</summary>
    private void IncrementV()
    {
        for (int j = 15; j >= 0; j--)
        {
            if (_v[j] == 0xFF)
            {
                _v[j] = 0;
            }
            else
            {
                _v[j]++;
                break;
            }
        }
    }

    /// <summary>Releases the AES instance.</summary>
    public void Dispose() => _aes.Dispose();
}
