using System.Runtime.Intrinsics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// Evaluation of a polynomial of degree &lt; 128 at all q = 8192 field elements (the additive FFT of Gao and Mateer,
/// in the bitsliced form of Bernstein–Chou–Schwabe "McBits" and Chou "McBits revisited"). Used by the decoder
/// (CM §3.4) to evaluate the Goppa polynomial g and the error locator at every support element at once.
/// </summary>
/// <remarks>
/// Input: 2 bitsliced coefficient vectors (26 words, see <see cref="RadixConversion"/>). Output: 128 bitsliced
/// vectors (laid out as <see cref="FftValues"/>), lane j of vector v holding f(x_k) for k = 64v + j, x_k as in
/// <see cref="FftConstants"/>.
/// After the radix conversion the leaves are constants: leaf p (a coefficient position) is the polynomial whose
/// path of choices f0/f1 is the bits of p, lowest first, so it is the value of the block of 64 outputs numbered by
/// the 7-bit reversal of p. Butterflies then rebuild each level from its two halves: lo ← lo + y·hi, hi ← hi + lo.
/// Constant time: every loop bound, index and multiplier is public; the values only pass through AND/XOR.
/// </remarks>
internal static class AdditiveFft
{
    private const int W = GfBitsliced.Width;

    /// <summary>
    /// Evaluates <paramref name="coefficients"/> (2 × 13 words, overwritten) into <paramref name="values"/>
    /// (<see cref="FftValues"/> layout).
    /// </summary>
    public static void Evaluate(Span<ulong> coefficients, Span<Vector256<ulong>> values)
    {
        RadixConversion.Forward(coefficients, 2);
        Broadcast(coefficients, values);
        FftValues.ButterfliesInGroup(values, 6, transposed: false);
        FftValues.ButterfliesInGroup(values, 5, transposed: false);
        for (int level = 4; level >= 0; level--)
        {
            FftValues.Butterflies(values, level, transposed: false);
        }
    }

    /// <summary>
    /// Leaf p's constant, replicated into all 64 lanes of output vector bitreverse7(p). Vector 4g + i (group g,
    /// lane i) takes leaf p = 32·bitreverse2(i) + bitreverse5(g): for lanes 0 ... 3, bit r, r + 64, r + 32, r + 96
    /// (r = bitreverse5(g)), i.e. bit r of (word 0, word 1, word 0 / 2^32, word 1 / 2^32), one shift per group.
    /// </summary>
    private static void Broadcast(ReadOnlySpan<ulong> leaves, Span<Vector256<ulong>> values)
    {
        Span<Vector256<ulong>> words = stackalloc Vector256<ulong>[W];
        for (int b = 0; b < W; b++)
        {
            ulong low = leaves[b], high = leaves[W + b];
            words[b] = Vector256.Create(low, high, low >> 32, high >> 32);
        }
        for (int g = 0; g < FftValues.Groups; g++)
        {
            int r = GfScalar.Reverse(g, 5);
            for (int b = 0; b < W; b++)
            {
                values[g * W + b] = Vector256<ulong>.Zero - (Vector256.ShiftRightLogical(words[b], r) & Vector256<ulong>.One);
            }
        }
        words.Clear();
    }
}
