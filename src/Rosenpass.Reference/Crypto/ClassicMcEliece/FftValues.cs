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
        for (int start = 0; start < Groups; start += 2 * half)
        {
            for (int i = 0; i < half; i++)
            {
                Butterfly(values.Slice((start + i) * W, W), values.Slice((start + half + i) * W, W),
                    multipliers.Slice(i * W, W), transposed);
            }
        }
    }

    /// <summary>
    /// Levels 5 and 6, whose pairs lie inside a group: level 5 pairs lanes (0, 2) and (1, 3), level 6 lanes (0, 1)
    /// and (2, 3). Two neighbouring groups A, B are regrouped so that one vector holds the four lower partners and
    /// another the four upper ones: level 5 takes the 128-bit halves, lo = (A0, A1, B0, B1), hi = (A2, A3, B2, B3);
    /// level 6 first reorders each group's lanes to (0, 2, 1, 3), which makes its pairs (0, 2), (1, 3) as well.
    /// Then one butterfly of whole vectors serves both groups, and the regrouping is undone. The multipliers fit
    /// as they are: level 5's lanes are (y_0, y_1, y_0, y_1), the lower partners' own; level 6's are all y_0.
    /// </summary>
    public static void ButterfliesInGroup(Span<Vector256<ulong>> values, int level, bool transposed)
    {
        ReadOnlySpan<Vector256<ulong>> y = FftConstants.MultiplierGroups[level].AsSpan(0, W);
        bool reorder = level == 6;
        Span<Vector256<ulong>> lo = stackalloc Vector256<ulong>[W];
        Span<Vector256<ulong>> hi = stackalloc Vector256<ulong>[W];
        for (int g = 0; g < Groups; g += 2)
        {
            Span<Vector256<ulong>> a = values.Slice(g * W, W), b = values.Slice((g + 1) * W, W);
            for (int plane = 0; plane < W; plane++)
            {
                Vector256<ulong> x = Reorder(a[plane], reorder), z = Reorder(b[plane], reorder);
                lo[plane] = Vector256.Create(x.GetLower(), z.GetLower());
                hi[plane] = Vector256.Create(x.GetUpper(), z.GetUpper());
            }
            Butterfly(lo, hi, y, transposed);
            for (int plane = 0; plane < W; plane++)
            {
                a[plane] = Reorder(Vector256.Create(lo[plane].GetLower(), hi[plane].GetLower()), reorder);
                b[plane] = Reorder(Vector256.Create(lo[plane].GetUpper(), hi[plane].GetUpper()), reorder);
            }
        }
        lo.Clear();
        hi.Clear();
    }

    /// <summary>Lanes (0, 1, 2, 3) to (0, 2, 1, 3) if <paramref name="reorder"/>: its own inverse.</summary>
    private static Vector256<ulong> Reorder(Vector256<ulong> v, bool reorder) =>
        reorder ? Vector256.Shuffle(v, Vector256.Create(0UL, 2, 1, 3)) : v;

    /// <summary>
    /// One butterfly on whole vectors: lo ← lo + y·hi, hi ← hi + lo; or its transpose, lo ← lo + hi, hi ← hi + y·lo.
    /// </summary>
    private static void Butterfly(Span<Vector256<ulong>> lo, Span<Vector256<ulong>> hi, ReadOnlySpan<Vector256<ulong>> y,
        bool transposed)
    {
        if (!transposed)
        {
            GfBitsliced.MultiplyAdd(lo, hi, y);
            for (int b = 0; b < W; b++) hi[b] ^= lo[b];
        }
        else
        {
            for (int b = 0; b < W; b++) lo[b] ^= hi[b];
            GfBitsliced.MultiplyAdd(hi, lo, y);
        }
    }
}
