using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Rosenpass.Reference.Crypto;

/// <summary>
/// HChaCha20 (draft-irtf-cfrg-xchacha §2.2): the ChaCha20 block function on key and a 16-byte nonce, without the
/// final addition, keeping words 0-3 and 12-15. XChaCha20 derives its subkey with it (spec §2.3). Its working
/// state is zeroed before it returns.
/// </summary>
internal static class HChaCha20
{
    public const int NonceLength = 16;

    /// <summary>"expand 32-byte k" as four little-endian words.</summary>
    private static ReadOnlySpan<uint> Constants => [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574];

    /// <summary>subkey (32 bytes) ← HChaCha20(key (32 bytes), nonce (16 bytes)).</summary>
    public static void DeriveSubkey(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, Span<byte> subkey)
    {
        Span<uint> x = stackalloc uint[16];
        Constants.CopyTo(x);
        for (int i = 0; i < 8; i++) x[4 + i] = BinaryPrimitives.ReadUInt32LittleEndian(key[(4 * i)..]);
        for (int i = 0; i < 4; i++) x[12 + i] = BinaryPrimitives.ReadUInt32LittleEndian(nonce[(4 * i)..]);

        for (int round = 0; round < 10; round++)
        {
            // A column round, then a diagonal round (RFC 8439 §2.3).
            QuarterRound(x, 0, 4, 8, 12);
            QuarterRound(x, 1, 5, 9, 13);
            QuarterRound(x, 2, 6, 10, 14);
            QuarterRound(x, 3, 7, 11, 15);
            QuarterRound(x, 0, 5, 10, 15);
            QuarterRound(x, 1, 6, 11, 12);
            QuarterRound(x, 2, 7, 8, 13);
            QuarterRound(x, 3, 4, 9, 14);
        }

        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(subkey[(4 * i)..], x[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(subkey[(16 + 4 * i)..], x[12 + i]);
        }
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(x));
    }

    /// <summary>The ChaCha quarter round (RFC 8439 §2.1).</summary>
    private static void QuarterRound(Span<uint> x, int a, int b, int c, int d)
    {
        x[a] += x[b]; x[d] = BitOperations.RotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d]; x[b] = BitOperations.RotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b]; x[d] = BitOperations.RotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d]; x[b] = BitOperations.RotateLeft(x[b] ^ x[c], 7);
    }
}
