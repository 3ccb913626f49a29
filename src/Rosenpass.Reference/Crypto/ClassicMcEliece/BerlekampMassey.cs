using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The error locator from the syndrome (CM §3.4, decoding: "Berlekamp–Massey"), inversion-free: from the 2t power
/// sums S_0 ... S_(2t-1) the shortest Λ with Σ_i Λ_i S_(N-i) = 0 for all N, then σ(x) = x^t Λ(1/x), whose roots
/// are the error positions' field elements (and 0 when fewer than t errors were found).
/// </summary>
/// <remarks>
/// Polynomials are bitsliced over 128 lanes (2 words per bit plane, lane i = coefficient i), Λ and x·B side by side
/// in the lanes of one Vector256 per bit plane; the window is bitsliced too
/// (S_N, S_(N-1), ...), which makes the discrepancy d one lane-wise product and a parity per bit plane.
/// Each step: Λ ← γ·Λ + d·(x·B); if d ≠ 0 and 2L ≤ N then x·B ← x·Λ_old, γ ← d, L ← N + 1 - L, else x·B ← x·(x·B).
/// Constant time: all 2t steps always run; "if" is a mask selecting between both computed values; L is kept as
/// data (compared by subtraction), never as a bound or an index. Truncation to 128 coefficients cannot matter for a
/// decodable syndrome (degrees stay ≤ t + 1), and the decoder's checks reject everything else.
/// </remarks>
internal static class BerlekampMassey
{
    private const int W = GfBitsliced.Width;

    /// <summary>From <paramref name="sums"/> (bitsliced, S_i in lane i) to σ in <paramref name="locator"/> (2 × 13 words).</summary>
    public static void Locator(ReadOnlySpan<ulong> sums, Span<ulong> locator)
    {
        // Per bit plane b, one Vector256 holds (Λ word 0, Λ word 1, x·B word 0, x·B word 1), so that one product
        // gives both γ·Λ and d·(x·B), and (with the window in lanes 0, 1) the discrepancy's Λ·window. γ and d are
        // kept as masks (bit b of the element, in all four lanes): factor = (γ, γ, d, d) is one blend.
        Span<Vector256<ulong>> state = stackalloc Vector256<ulong>[W];
        Span<Vector256<ulong>> window = stackalloc Vector256<ulong>[W];
        Span<Vector256<ulong>> gamma = stackalloc Vector256<ulong>[W];
        Span<Vector256<ulong>> delta = stackalloc Vector256<ulong>[W];
        Span<Vector256<ulong>> product = stackalloc Vector256<ulong>[W];
        state.Clear(); window.Clear(); gamma.Clear(); delta.Clear();
        state[0] = Vector256.Create(1UL, 0, 2, 0);      // Λ = 1, x·B = x
        gamma[0] = Vector256<ulong>.AllBitsSet;         // γ = 1
        Vector256<ulong> low = Vector256.Create(~0UL, ~0UL, 0, 0); // lanes 0, 1: Λ's
        Vector256<ulong> lane3 = Vector256.Create(0, 0, 0, ~0UL);
        ulong length = 0;                               // L

        for (int n = 0; n < 2 * Params.T; n++)
        {
            // window ← (window · x) + S_n as one 128-bit shift in lanes 0, 1 (lanes 2, 3 stay 0)
            for (int b = 0; b < W; b++)
            {
                Vector256<ulong> w = window[b];
                Vector256<ulong> carry = Vector256.Shuffle(Vector256.ShiftRightLogical(w, 63), Vector256.Create(2UL, 0, 2, 2));
                ulong bit = (sums[(n >> 6) * W + b] >> (n & 63)) & 1;
                window[b] = Vector256.ShiftLeft(w, 1) | carry | Vector256.CreateScalar(bit);
            }
            GfBitsliced.Multiply(product, state, window);
            ulong nonzero = 0;
            for (int b = 0; b < W; b++)
            {
                // d's bit b: the parity of Λ·window's lanes 0 and 1 (lanes 2, 3 are 0)
                Vector256<ulong> p = product[b];
                ulong bit = (ulong)(BitOperations.PopCount((p ^ Vector256.Shuffle(p, Vector256.Create(1UL, 0, 3, 2))).ToScalar()) & 1);
                delta[b] = Vector256.Create(0UL - bit);
                nonzero |= bit;
            }
            ulong lengthAtMostHalf = ~(ulong)((long)((ulong)n - 2 * length) >> 63); // 2L ≤ N
            ulong change = (0UL - nonzero) & lengthAtMostHalf;
            Vector256<ulong> changing = Vector256.Create(change);

            // (γ·Λ, d·(x·B)); then Λ ← γ·Λ + d·(x·B) and x·B ← x·(change ? Λ : x·B); γ ← change ? d : γ
            for (int b = 0; b < W; b++)
            {
                product[b] = Vector256.ConditionalSelect(low, gamma[b], delta[b]);
            }
            GfBitsliced.Multiply(product, state, product);
            for (int b = 0; b < W; b++)
            {
                Vector256<ulong> old = state[b], p = product[b];
                Vector256<ulong> sum = p ^ Vector256.Shuffle(p, Vector256.Create(2UL, 3, 0, 1));
                Vector256<ulong> chosen = Vector256.ConditionalSelect(changing, Vector256.Shuffle(old, Vector256.Create(0UL, 1, 0, 1)), old);
                Vector256<ulong> carry = Vector256.Shuffle(Vector256.ShiftRightLogical(chosen, 63), Vector256.Create(2UL, 2, 2, 2)) & lane3;
                state[b] = Vector256.ConditionalSelect(low, sum, Vector256.ShiftLeft(chosen, 1) | carry);
                gamma[b] = Vector256.ConditionalSelect(changing, delta[b], gamma[b]);
            }
            length = (((ulong)n + 1 - length) & change) | (length & ~change);
        }

        // σ_i = Λ_(t-i): reverse the 128 lanes, then move lane 127 - (t - i) down to lane i.
        for (int b = 0; b < W; b++)
        {
            ulong reversedLow = Reverse(state[b].GetElement(1)), reversedHigh = Reverse(state[b].GetElement(0));
            int shift = 127 - Params.T;
            locator[b] = (reversedLow >> shift) | (reversedHigh << (64 - shift));
            locator[W + b] = reversedHigh >> shift;
        }
        state.Clear(); window.Clear(); gamma.Clear(); delta.Clear(); product.Clear();
    }

    private static ulong Reverse(ulong x)
    {
        x = ((x >> 1) & 0x5555555555555555) | ((x & 0x5555555555555555) << 1);
        x = ((x >> 2) & 0x3333333333333333) | ((x & 0x3333333333333333) << 2);
        x = ((x >> 4) & 0x0F0F0F0F0F0F0F0F) | ((x & 0x0F0F0F0F0F0F0F0F) << 4);
        return BinaryPrimitives.ReverseEndianness(x);
    }
}
