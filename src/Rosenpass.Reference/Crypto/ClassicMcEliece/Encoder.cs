using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The encoding subroutine (CM §3.3): C = He with H = (I_mt | T), T the public key (CM §5: mt rows of k bits,
/// each row padded to whole bytes, here k = 3360 = 420 bytes exactly). Bit i of C is e_i plus the parity of
/// row i of T AND (e_mt, ..., e_(n-1)); mt = 1248 is a multiple of 8, so that tail of e starts at byte 156.
/// </summary>
/// <remarks>
/// Eight rows are 3360 bytes, exactly 105 <see cref="Vector256{T}"/>: the key is read as 156 such blocks, block j
/// giving byte j of C, against the tail of e repeated eight times. A row starts 420 = 13·32 + 4 bytes after the
/// previous one, so row r of a block begins 4r bytes into a vector: the two vectors a row shares with its
/// neighbours are split by a byte mask, the vectors in between are the row's alone.
/// Constant time: every row is read in full; e only passes through AND, XOR and popcount; bounds and masks are
/// constants.
/// </remarks>
internal static class Encoder
{
    private const int RowsPerBlock = 8;
    private const int BlockVectors = RowsPerBlock * Params.PublicKeyRowBytes / 32;

    public static void Encode(Span<byte> ciphertext, ReadOnlySpan<byte> error, ReadOnlySpan<byte> publicKey)
    {
        Span<Vector256<byte>> tails = stackalloc Vector256<byte>[BlockVectors];
        Span<byte> tailBytes = MemoryMarshal.AsBytes(tails);
        ReadOnlySpan<byte> tail = error.Slice(Params.CiphertextBytes, Params.PublicKeyRowBytes);
        for (int row = 0; row < RowsPerBlock; row++)
        {
            tail.CopyTo(tailBytes.Slice(row * Params.PublicKeyRowBytes, Params.PublicKeyRowBytes));
        }

        // Row r of a block: bytes [420 r, 420 r + 420), from vector first(r) to last(r); the masks keep its bytes there.
        Span<Vector256<byte>> firstMasks = stackalloc Vector256<byte>[RowsPerBlock];
        Span<Vector256<byte>> lastMasks = stackalloc Vector256<byte>[RowsPerBlock];
        for (int row = 0; row < RowsPerBlock; row++)
        {
            int start = row * Params.PublicKeyRowBytes, end = start + Params.PublicKeyRowBytes;
            firstMasks[row] = Vector256.GreaterThanOrEqual(Vector256<byte>.Indices, Vector256.Create((byte)(start - 32 * First(row))));
            lastMasks[row] = Vector256.LessThan(Vector256<byte>.Indices, Vector256.Create((byte)(end - 32 * Last(row))));
        }

        // Two blocks at a time, so that each vector of the repeated tail, once loaded, serves both.
        ReadOnlySpan<Vector256<byte>> key = MemoryMarshal.Cast<byte, Vector256<byte>>(publicKey[..Params.PublicKeyBytes]);
        for (int block = 0; block < Params.CiphertextBytes; block += 2)
        {
            ReadOnlySpan<Vector256<byte>> rowsA = key.Slice(block * BlockVectors, BlockVectors);
            ReadOnlySpan<Vector256<byte>> rowsB = key.Slice((block + 1) * BlockVectors, BlockVectors);
            int paritiesA = 0, paritiesB = 0;
            for (int row = 0; row < RowsPerBlock; row++)
            {
                int first = First(row), last = Last(row);
                Vector256<byte> t = tails[first] & firstMasks[row];
                Vector256<byte> sumA = rowsA[first] & t, sumB = rowsB[first] & t;
                for (int v = first + 1; v < last; v++)
                {
                    t = tails[v];
                    sumA ^= rowsA[v] & t;
                    sumB ^= rowsB[v] & t;
                }
                t = tails[last] & lastMasks[row];
                sumA ^= rowsA[last] & t;
                sumB ^= rowsB[last] & t;
                paritiesA |= Parity(sumA) << row;
                paritiesB |= Parity(sumB) << row;
            }
            ciphertext[block] = (byte)(paritiesA ^ error[block]); // bit r: e_(8 block + r) + the row's parity
            ciphertext[block + 1] = (byte)(paritiesB ^ error[block + 1]);
        }
        tails.Clear();
    }

    /// <summary>The parity of the 256 bits of <paramref name="sum"/>: 0 or 1.</summary>
    private static int Parity(Vector256<byte> sum)
    {
        Vector128<ulong> half = (sum.GetLower() ^ sum.GetUpper()).AsUInt64();
        return BitOperations.PopCount(half.GetElement(0) ^ half.GetElement(1)) & 1;
    }

    /// <summary>The vector of its block where row <paramref name="row"/> starts.</summary>
    private static int First(int row) => row * Params.PublicKeyRowBytes / 32;

    /// <summary>The vector of its block where row <paramref name="row"/> ends.</summary>
    private static int Last(int row) => ((row + 1) * Params.PublicKeyRowBytes - 1) / 32;
}
