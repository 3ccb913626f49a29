using System.Numerics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The first half of the additive FFT (Gao–Mateer; see <see cref="FftConstants"/>): rewrites a polynomial, given as
/// bitsliced coefficients (bit p of the words at <c>[w·13 + b]</c> is bit b of coefficient 64w + p), into the
/// 2^r polynomials of the recursion's leaves, and its transpose for <see cref="AdditiveFftTranspose"/>.
/// </summary>
/// <remarks>
/// One round splits every polynomial f of the current level into f0, f1 with f(x) = f0(x² + x) + x·f1(x² + x).
/// For 2^d coefficients in quarters a, b, c, d of size s = 2^(d-2), (x² + x)^s = x^(2s) + x^s gives
/// f = (a + x^s(b + c + d)) + (x^(2s) + x^s)((c + d) + x^s d): "c ^= d, then b ^= c", repeated on both halves down
/// to s = 1; then f0's coefficients sit at even positions and f1's at odd ones. Round j works on polynomials
/// interleaved with stride 2^j, so its quarter sizes, counted in positions, run from n/4 down to 2^j; after the
/// round each new polynomial is twisted: its coefficient i times c^i (<see cref="FftConstants.Twist"/>).
/// Constant time: masks and shift distances are constants, nothing depends on the coefficients' values.
/// </remarks>
internal static class RadixConversion
{
    private const int W = GfBitsliced.Width;

    /// <summary>Converts 64·<paramref name="words"/> coefficients (words = 2 or 4) in place.</summary>
    public static void Forward(Span<ulong> coefficients, int words)
    {
        int rounds = Rounds(words);
        for (int round = 0; round < rounds; round++)
        {
            for (int quarter = 16 * words; quarter >= 1 << round; quarter >>= 1)
            {
                Step(coefficients, words, quarter);
            }
            Scale(coefficients, words, round);
        }
    }

    /// <summary>The transpose of <see cref="Forward"/>: the same steps in reverse order, each one transposed.</summary>
    public static void Transposed(Span<ulong> coefficients, int words)
    {
        for (int round = Rounds(words) - 1; round >= 0; round--)
        {
            Scale(coefficients, words, round);
            for (int quarter = 1 << round; quarter <= 16 * words; quarter <<= 1)
            {
                StepTransposed(coefficients, words, quarter);
            }
        }
    }

    /// <summary>Rounds until the leaves are linear: 6 for 128 coefficients, 7 for 256.</summary>
    private static int Rounds(int words) => words == 2 ? 6 : 7;

    /// <summary>In every group of four quarters a, b, c, d of <paramref name="quarter"/> positions: c ^= d, b ^= c.</summary>
    private static void Step(Span<ulong> x, int words, int quarter)
    {
        if (quarter <= 16)
        {
            ulong maskD = QuarterMask(quarter, 3), maskC = QuarterMask(quarter, 2);
            for (int i = 0; i < words * W; i++)
            {
                x[i] ^= (x[i] & maskD) >> quarter;
                x[i] ^= (x[i] & maskC) >> quarter;
            }
        }
        else if (quarter == 32)
        {
            for (int w = 0; w < words; w += 2)
            {
                for (int b = 0; b < W; b++)
                {
                    ref ulong low = ref x[w * W + b], high = ref x[(w + 1) * W + b];
                    high ^= high >> 32;
                    low ^= high << 32;
                }
            }
        }
        else // 64: quarters are whole words
        {
            for (int b = 0; b < W; b++)
            {
                x[2 * W + b] ^= x[3 * W + b];
                x[1 * W + b] ^= x[2 * W + b];
            }
        }
    }

    /// <summary>The transpose of <see cref="Step"/>: c ^= b, then d ^= c.</summary>
    private static void StepTransposed(Span<ulong> x, int words, int quarter)
    {
        if (quarter <= 16)
        {
            ulong maskB = QuarterMask(quarter, 1), maskC = QuarterMask(quarter, 2);
            for (int i = 0; i < words * W; i++)
            {
                x[i] ^= (x[i] & maskB) << quarter;
                x[i] ^= (x[i] & maskC) << quarter;
            }
        }
        else if (quarter == 32)
        {
            for (int w = 0; w < words; w += 2)
            {
                for (int b = 0; b < W; b++)
                {
                    ref ulong low = ref x[w * W + b], high = ref x[(w + 1) * W + b];
                    high ^= low >> 32;
                    high ^= high << 32;
                }
            }
        }
        else
        {
            for (int b = 0; b < W; b++)
            {
                x[2 * W + b] ^= x[1 * W + b];
                x[3 * W + b] ^= x[2 * W + b];
            }
        }
    }

    /// <summary>The positions p with (p mod 4s) / s = <paramref name="which"/>, for s = <paramref name="quarter"/> ≤ 16.</summary>
    private static ulong QuarterMask(int quarter, int which) => QuarterMasks[BitOperations.Log2((uint)quarter), which];

    /// <summary>[log2 s, which]: the masks of <see cref="QuarterMask"/>, computed once.</summary>
    private static readonly ulong[,] QuarterMasks = BuildQuarterMasks();

    private static ulong[,] BuildQuarterMasks()
    {
        var masks = new ulong[5, 4];
        for (int log = 0; log < 5; log++)
        {
            for (int which = 0; which < 4; which++)
            {
                masks[log, which] = ComputeQuarterMask(1 << log, which);
            }
        }
        return masks;
    }

    private static ulong ComputeQuarterMask(int quarter, int which)
    {
        ulong mask = 0;
        for (int p = 0; p < 64; p++)
        {
            if ((p % (4 * quarter)) / quarter == which)
            {
                mask |= 1UL << p;
            }
        }
        return mask;
    }

    /// <summary>The twist after round <paramref name="round"/>: lane-wise product with the public scalings.</summary>
    private static void Scale(Span<ulong> x, int words, int round)
    {
        ulong[] twist = FftConstants.Twist[round];
        for (int w = 0; w < words; w++)
        {
            Span<ulong> vector = x.Slice(w * W, W);
            GfBitsliced.Multiply(vector, vector, twist.AsSpan(w * W, W));
        }
    }
}
