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

    /// <summary>Leaf p's constant, replicated into all 64 lanes of output vector bitreverse7(p).</summary>
    private static void Broadcast(ReadOnlySpan<ulong> leaves, Span<Vector256<ulong>> values)
    {
        for (int vector = 0; vector < Params.QWords; vector++)
        {
            int p = GfScalar.Reverse(vector, 7);
            for (int b = 0; b < W; b++)
            {
                FftValues.Word(values, vector, b) = 0UL - ((leaves[(p >> 6) * W + b] >> (p & 63)) & 1);
            }
        }
    }
}
