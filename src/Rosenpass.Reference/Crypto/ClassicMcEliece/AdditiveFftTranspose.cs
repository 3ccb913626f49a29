using System.Runtime.Intrinsics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The transpose of the additive FFT for 256 coefficients: from weights w_k at all q field elements x_k, the sums
/// S_i = Σ_k w_k x_k^i for i &lt; 256. With w_k = r_k / g(x_k)² these are the syndrome of r for the Goppa code
/// (CM §3.4: the decoder's "syndrome", H applied to the received word, in the power-sum form that
/// Berlekamp–Massey reads), without forming a parity-check matrix.
/// </summary>
/// <remarks>
/// The forward FFT for 256 coefficients is: radix conversion (7 rounds), broadcast of 256 leaf constants into
/// 32-lane half words, a butterfly level 7 inside each word, levels 6 ... 0 between words. The transpose runs
/// the transposed steps in reverse: butterflies lo ← lo + hi, hi ← hi + y·lo for levels 0 ... 7, then each
/// leaf takes the XOR (parity) of its half word, then the transposed radix conversion.
/// Constant time: public bounds, indices and multipliers; values only pass through AND/XOR and fixed shifts.
/// </remarks>
internal static class AdditiveFftTranspose
{
    private const int W = GfBitsliced.Width;

    /// <summary>
    /// Sums of <paramref name="weights"/> (<see cref="FftValues"/> layout, overwritten) into <paramref name="sums"/>
    /// (4 × 13 words: S_0 ... S_255 bitsliced; the decoder uses S_0 ... S_(2t-1)).
    /// </summary>
    public static void Sum(Span<Vector256<ulong>> weights, Span<ulong> sums)
    {
        for (int level = 0; level <= 4; level++)
        {
            FftValues.Butterflies(weights, level, transposed: true);
        }
        FftValues.ButterfliesInGroup(weights, 5, transposed: true);
        FftValues.ButterfliesInGroup(weights, 6, transposed: true);
        InnerButterfliesTransposed(weights);
        Collect(weights, sums);
        RadixConversion.Transposed(sums, 4);
    }

    /// <summary>
    /// Level 7: the two 32-lane halves of each word; y_0 ... y_31 stand in both halves of the multiplier. The lower
    /// halves of two neighbouring groups A, B share one product: A's in the lower halves, B's in the upper ones.
    /// </summary>
    private static void InnerButterfliesTransposed(Span<Vector256<ulong>> values)
    {
        ReadOnlySpan<Vector256<ulong>> y = FftConstants.MultiplierGroups[7].AsSpan(0, W);
        Span<Vector256<ulong>> product = stackalloc Vector256<ulong>[W];
        Vector256<ulong> lowHalves = Vector256.Create(0xFFFF_FFFFUL);
        for (int g = 0; g < FftValues.Groups; g += 2)
        {
            Span<Vector256<ulong>> a = values.Slice(g * W, W), c = values.Slice((g + 1) * W, W);
            for (int b = 0; b < W; b++)
            {
                a[b] ^= Vector256.ShiftRightLogical(a[b], 32);   // lo += hi
                c[b] ^= Vector256.ShiftRightLogical(c[b], 32);
                product[b] = (a[b] & lowHalves) | Vector256.ShiftLeft(c[b], 32);
            }
            GfBitsliced.Multiply(product, product, y);
            for (int b = 0; b < W; b++)
            {
                a[b] ^= Vector256.ShiftLeft(product[b], 32);     // hi += y·lo
                c[b] ^= product[b] & ~lowHalves;
            }
        }
        product.Clear();
    }

    /// <summary>
    /// Leaf p = bitreverse8(block) receives the parity of its 32-lane half word, bit plane by bit plane. Block
    /// 8g + e is 32-bit element e of group g (<see cref="FftValues"/>: element 2i + h is half h of lane i), so
    /// p = 32·bitreverse3(e) + bitreverse5(g): the 32 groups, visited in the order j = bitreverse5(g), fill bit j
    /// of a 32-bit word per (plane, element), eight of them in one <see cref="Vector256{T}"/> of uint per plane;
    /// element e's word then lands in leaf word bitreverse3(e) / 2, half bitreverse3(e) mod 2.
    /// </summary>
    private static void Collect(Span<Vector256<ulong>> values, Span<ulong> leaves)
    {
        Span<Vector256<uint>> parities = stackalloc Vector256<uint>[W];
        parities.Clear();
        for (int j = 0; j < FftValues.Groups; j++)
        {
            int g = GfScalar.Reverse(j, 5);
            for (int b = 0; b < W; b++)
            {
                Vector256<uint> x = values[g * W + b].AsUInt32();
                x ^= Vector256.ShiftRightLogical(x, 16); // fold each 32-bit element onto its bit 0: its parity
                x ^= Vector256.ShiftRightLogical(x, 8);
                x ^= Vector256.ShiftRightLogical(x, 4);
                x ^= Vector256.ShiftRightLogical(x, 2);
                x ^= Vector256.ShiftRightLogical(x, 1);
                parities[b] |= Vector256.ShiftLeft(x & Vector256<uint>.One, j);
            }
        }
        leaves[..(4 * W)].Clear();
        for (int b = 0; b < W; b++)
        {
            for (int e = 0; e < 8; e++)
            {
                int k = GfScalar.Reverse(e, 3);
                leaves[(k >> 1) * W + b] |= (ulong)parities[b].GetElement(e) << (32 * (k & 1));
            }
        }
        parities.Clear();
    }
}
