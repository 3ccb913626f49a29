using System.Buffers.Binary;
using System.Numerics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The error locator from the syndrome (spec §3.4, decoding: "Berlekamp–Massey"), inversion-free: from the 2t power
/// sums S_0 ... S_(2t-1) the shortest Λ with Σ_i Λ_i S_(N-i) = 0 for all N, then σ(x) = x^t Λ(1/x), whose roots
/// are the error positions' field elements (and 0 when fewer than t errors were found).
/// </summary>
/// <remarks>
/// Polynomials are bitsliced over 128 lanes (2 words per bit plane, lane i = coefficient i); so is the window
/// (S_N, S_(N-1), ...), which makes the discrepancy d one lane-wise product and a parity per bit plane.
/// Each step: Λ ← γ·Λ + d·(x·B); if d ≠ 0 and 2L ≤ N then x·B ← x·Λ_old, γ ← d, L ← N + 1 - L, else x·B ← x·(x·B).
/// Constant time: all 2t steps always run; "if" is a mask selecting between both computed values; L is kept as
/// data (compared by subtraction), never as a bound or an index. Truncation to 128 coefficients cannot matter for a
/// decodable syndrome (degrees stay ≤ t + 1), and the decoder's checks reject everything else.
/// </remarks>
internal static class BerlekampMassey
{
    private const int W = GfBitsliced.Width;

    /// <summary>Words of a bitsliced polynomial here: 2 × 13.</summary>
    public const int PolynomialWords = 2 * W;

    /// <summary>From <paramref name="sums"/> (bitsliced, S_i in lane i) to σ in <paramref name="locator"/> (2 × 13 words).</summary>
    public static void Locator(ReadOnlySpan<ulong> sums, Span<ulong> locator)
    {
        Span<ulong> lambda = stackalloc ulong[PolynomialWords];
        Span<ulong> shiftedB = stackalloc ulong[PolynomialWords];
        Span<ulong> window = stackalloc ulong[PolynomialWords];
        Span<ulong> scaled = stackalloc ulong[PolynomialWords];
        Span<ulong> gamma = stackalloc ulong[W];
        Span<ulong> delta = stackalloc ulong[W];
        lambda.Clear(); shiftedB.Clear(); window.Clear(); gamma.Clear();
        lambda[0] = 1;       // Λ = 1
        shiftedB[0] = 2;     // x·B = x
        gamma[0] = ~0UL;     // γ = 1, broadcast
        ulong length = 0;    // L

        for (int n = 0; n < 2 * Params.T; n++)
        {
            for (int b = 0; b < W; b++)
            {
                window[W + b] = (window[W + b] << 1) | (window[b] >> 63);
                window[b] = (window[b] << 1) | ((sums[(n >> 6) * W + b] >> (n & 63)) & 1);
            }
            MultiplyBoth(scaled, lambda, window);
            ulong nonzero = 0;
            for (int b = 0; b < W; b++)
            {
                ulong bit = (ulong)(BitOperations.PopCount(scaled[b] ^ scaled[W + b]) & 1);
                delta[b] = 0UL - bit;
                nonzero |= bit;
            }
            ulong lengthAtMostHalf = ~(ulong)((long)((ulong)n - 2 * length) >> 63); // 2L ≤ N
            ulong change = (0UL - nonzero) & lengthAtMostHalf;

            // scaled = d·(x·B); shiftedB ← x·(change ? Λ : x·B); Λ ← γ·Λ + scaled
            MultiplyBoth(scaled, delta, shiftedB);
            for (int i = 0; i < PolynomialWords; i++)
            {
                shiftedB[i] = (lambda[i] & change) | (shiftedB[i] & ~change);
            }
            ShiftUp(shiftedB);
            MultiplyBoth(lambda, gamma, lambda);
            for (int i = 0; i < PolynomialWords; i++)
            {
                lambda[i] ^= scaled[i];
            }
            for (int b = 0; b < W; b++)
            {
                gamma[b] = (delta[b] & change) | (gamma[b] & ~change);
            }
            length = (((ulong)n + 1 - length) & change) | (length & ~change);
        }

        // σ_i = Λ_(t-i): reverse the 128 lanes, then move lane 127 - (t - i) down to lane i.
        for (int b = 0; b < W; b++)
        {
            ulong reversedLow = Reverse(lambda[W + b]), reversedHigh = Reverse(lambda[b]);
            int shift = 127 - Params.T;
            locator[b] = (reversedLow >> shift) | (reversedHigh << (64 - shift));
            locator[W + b] = reversedHigh >> shift;
        }
        lambda.Clear(); shiftedB.Clear(); window.Clear(); scaled.Clear(); gamma.Clear(); delta.Clear();
    }

    /// <summary>Both words of a 128-lane polynomial times <paramref name="f"/> (a 64-lane vector or a 2-word one).</summary>
    private static void MultiplyBoth(Span<ulong> h, ReadOnlySpan<ulong> f, ReadOnlySpan<ulong> g)
    {
        bool broadcast = f.Length == W; // public: which call site this is
        GfBitsliced.Multiply(h[..W], f[..W], g[..W]);
        GfBitsliced.Multiply(h[W..], broadcast ? f : f[W..], g[W..]);
    }

    /// <summary>Multiplies a 128-lane polynomial by x: every lane moves up by one, lane 127 is dropped.</summary>
    private static void ShiftUp(Span<ulong> polynomial)
    {
        for (int b = 0; b < W; b++)
        {
            polynomial[W + b] = (polynomial[W + b] << 1) | (polynomial[b] >> 63);
            polynomial[b] <<= 1;
        }
    }

    private static ulong Reverse(ulong x)
    {
        x = ((x >> 1) & 0x5555555555555555) | ((x & 0x5555555555555555) << 1);
        x = ((x >> 2) & 0x3333333333333333) | ((x & 0x3333333333333333) << 2);
        x = ((x >> 4) & 0x0F0F0F0F0F0F0F0F) | ((x & 0x0F0F0F0F0F0F0F0F) << 4);
        return BinaryPrimitives.ReverseEndianness(x);
    }
}
