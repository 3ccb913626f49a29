using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The layout of the FFT's 128 bitsliced value vectors (one per 64 field elements): grouped by four, so that one
/// <see cref="Vector256{T}"/> holds the same bit plane of four neighbouring vectors. Group g, plane b is element
/// [13 g + b]; its lane i belongs to vector 4g + i. Butterflies whose pairs are at least four vectors apart then
/// work on whole groups; the two levels whose pairs lie inside a group (1 and 2 vectors apart) move lanes with
/// fixed shuffles. Public indices only.
/// </summary>
internal static class FftValues
{
    private const int W = GfBitsliced.Width;

    /// <summary>Groups of four value vectors: 32.</summary>
    public const int Groups = Params.QWords / 4;

    /// <summary>Vector256 elements of one set of values: 32 × 13.</summary>
    public const int Length = Groups * W;

    /// <summary>The 64-bit word of vector <paramref name="vector"/>, bit plane <paramref name="plane"/>.</summary>
    public static ref ulong Word(Span<Vector256<ulong>> values, int vector, int plane) =>
        ref MemoryMarshal.Cast<Vector256<ulong>, ulong>(values)[4 * ((vector >> 2) * W + plane) + (vector & 3)];

    /// <summary>lo ← lo + y·hi, hi ← hi + lo for levels 0 ... 4 (pairs of groups).</summary>
    public static void Butterflies(Span<Vector256<ulong>> values, int level, bool transposed)
    {
        ReadOnlySpan<Vector256<ulong>> multipliers = FftConstants.MultiplierGroups[level];
        int half = 1 << (4 - level); // in groups
        Span<Vector256<ulong>> product = stackalloc Vector256<ulong>[W];
        for (int start = 0; start < Groups; start += 2 * half)
        {
            for (int i = 0; i < half; i++)
            {
                Span<Vector256<ulong>> lo = values.Slice((start + i) * W, W);
                Span<Vector256<ulong>> hi = values.Slice((start + half + i) * W, W);
                ReadOnlySpan<Vector256<ulong>> y = multipliers.Slice(i * W, W);
                if (!transposed)
                {
                    GfBitsliced.Multiply(product, hi, y);
                    for (int b = 0; b < W; b++) { lo[b] ^= product[b]; hi[b] ^= lo[b]; }
                }
                else
                {
                    // transpose of the above: lo ← lo + hi, hi ← hi + y·lo
                    for (int b = 0; b < W; b++) lo[b] ^= hi[b];
                    GfBitsliced.Multiply(product, lo, y);
                    for (int b = 0; b < W; b++) hi[b] ^= product[b];
                }
            }
        }
        product.Clear();
    }

    /// <summary>
    /// Levels 5 and 6: pairs (lanes 0,1 | 2,3) or (lanes 0,2 | 1,3) of each group. A shuffle brings the partner
    /// lane over, the product or sum is taken in all lanes, and a lane mask keeps the half that receives it.
    /// </summary>
    public static void ButterfliesInGroup(Span<Vector256<ulong>> values, int level, bool transposed)
    {
        ReadOnlySpan<Vector256<ulong>> y = FftConstants.MultiplierGroups[level].AsSpan(0, W);
        Vector256<ulong> hiToLo = level == 5 ? Vector256.Create(2UL, 3, 2, 3) : Vector256.Create(1UL, 1, 3, 3);
        Vector256<ulong> loToHi = level == 5 ? Vector256.Create(0UL, 1, 0, 1) : Vector256.Create(0UL, 0, 2, 2);
        Vector256<ulong> loLanes = level == 5 ? Vector256.Create(~0UL, ~0UL, 0, 0) : Vector256.Create(~0UL, 0, ~0UL, 0);
        Vector256<ulong> hiLanes = ~loLanes;
        Span<Vector256<ulong>> moved = stackalloc Vector256<ulong>[W];
        for (int g = 0; g < Groups; g++)
        {
            Span<Vector256<ulong>> v = values.Slice(g * W, W);
            if (!transposed)
            {
                for (int b = 0; b < W; b++) moved[b] = Vector256.Shuffle(v[b], hiToLo);
                GfBitsliced.Multiply(moved, moved, y);
                for (int b = 0; b < W; b++) v[b] ^= moved[b] & loLanes;                           // lo += y·hi
                for (int b = 0; b < W; b++) v[b] ^= Vector256.Shuffle(v[b], loToHi) & hiLanes;    // hi += lo
            }
            else
            {
                for (int b = 0; b < W; b++) v[b] ^= Vector256.Shuffle(v[b], hiToLo) & loLanes;    // lo += hi
                for (int b = 0; b < W; b++) moved[b] = Vector256.Shuffle(v[b], loToHi);
                GfBitsliced.Multiply(moved, moved, y);
                for (int b = 0; b < W; b++) v[b] ^= moved[b] & hiLanes;                           // hi += y·lo
            }
        }
        moved.Clear();
    }
}
