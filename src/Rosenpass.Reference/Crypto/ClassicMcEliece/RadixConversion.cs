using System.Numerics;
using System.Runtime.Intrinsics;

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
/// The up to four words of one bit plane share a <see cref="Vector256{T}"/>, so each step and twist is 13 vector
/// operations or one product.
/// Constant time: masks and shift distances are constants, nothing depends on the coefficients' values.
/// </remarks>
internal static class RadixConversion
{
    private const int W = GfBitsliced.Width;

    /// <summary>Converts 64·<paramref name="words"/> coefficients (words = 2 or 4) in place.</summary>
    public static void Forward(Span<ulong> coefficients, int words)
    {
        Span<Vector256<ulong>> x = stackalloc Vector256<ulong>[W];
        Load(x, coefficients, words);
        int rounds = Rounds(words);
        for (int round = 0; round < rounds; round++)
        {
            for (int quarter = 16 * words; quarter >= 1 << round; quarter >>= 1)
            {
                Step(x, quarter);
            }
            GfBitsliced.Multiply(x, x, FftConstants.TwistGroups[round]);
        }
        Store(coefficients, x, words);
        x.Clear();
    }

    /// <summary>The transpose of <see cref="Forward"/>: the same steps in reverse order, each one transposed.</summary>
    public static void Transposed(Span<ulong> coefficients, int words)
    {
        Span<Vector256<ulong>> x = stackalloc Vector256<ulong>[W];
        Load(x, coefficients, words);
        for (int round = Rounds(words) - 1; round >= 0; round--)
        {
            GfBitsliced.Multiply(x, x, FftConstants.TwistGroups[round]); // a lane-wise product is its own transpose
            for (int quarter = 1 << round; quarter <= 16 * words; quarter <<= 1)
            {
                StepTransposed(x, quarter);
            }
        }
        Store(coefficients, x, words);
        x.Clear();
    }

    /// <summary>Rounds until the leaves are linear: 6 for 128 coefficients, 7 for 256.</summary>
    private static int Rounds(int words) => words == 2 ? 6 : 7;

    /// <summary>
    /// Bit plane b of the (up to) four words in the lanes of one vector: lane w is word w's plane b. Two words leave
    /// lanes 2 and 3 zero, which every step and twist keeps zero.
    /// </summary>
    private static void Load(Span<Vector256<ulong>> x, ReadOnlySpan<ulong> coefficients, int words)
    {
        for (int b = 0; b < W; b++)
        {
            x[b] = words == 4
                ? Vector256.Create(coefficients[b], coefficients[W + b], coefficients[2 * W + b], coefficients[3 * W + b])
                : Vector256.Create(coefficients[b], coefficients[W + b], 0, 0);
        }
    }

    private static void Store(Span<ulong> coefficients, ReadOnlySpan<Vector256<ulong>> x, int words)
    {
        for (int b = 0; b < W; b++)
        {
            for (int w = 0; w < words; w++)
            {
                coefficients[w * W + b] = x[b].GetElement(w);
            }
        }
    }

    /// <summary>In every group of four quarters a, b, c, d of <paramref name="quarter"/> positions: c ^= d, b ^= c.</summary>
    private static void Step(Span<Vector256<ulong>> x, int quarter)
    {
        if (quarter <= 16)
        {
            Vector256<ulong> maskD = QuarterMask(quarter, 3), maskC = QuarterMask(quarter, 2);
            for (int b = 0; b < W; b++)
            {
                x[b] ^= Vector256.ShiftRightLogical(x[b] & maskD, quarter);
                x[b] ^= Vector256.ShiftRightLogical(x[b] & maskC, quarter);
            }
        }
        else if (quarter == 32)
        {
            // Words (0, 1) and (2, 3) are a, b | c, d in halves: high ^= high >> 32 (c ^= d), low ^= high << 32 (b ^= c).
            for (int b = 0; b < W; b++)
            {
                x[b] ^= Vector256.ShiftRightLogical(x[b], 32) & HighWords;
                x[b] ^= Vector256.Shuffle(Vector256.ShiftLeft(x[b], 32), Vector256.Create(1UL, 1, 3, 3)) & ~HighWords;
            }
        }
        else // 64: quarters are whole words: word 2 ^= word 3, word 1 ^= word 2
        {
            for (int b = 0; b < W; b++)
            {
                x[b] ^= Vector256.Shuffle(x[b], Vector256.Create(0UL, 0, 3, 0)) & Lane(2);
                x[b] ^= Vector256.Shuffle(x[b], Vector256.Create(0UL, 2, 0, 0)) & Lane(1);
            }
        }
    }

    /// <summary>The transpose of <see cref="Step"/>: c ^= b, then d ^= c.</summary>
    private static void StepTransposed(Span<Vector256<ulong>> x, int quarter)
    {
        if (quarter <= 16)
        {
            Vector256<ulong> maskB = QuarterMask(quarter, 1), maskC = QuarterMask(quarter, 2);
            for (int b = 0; b < W; b++)
            {
                x[b] ^= Vector256.ShiftLeft(x[b] & maskB, quarter);
                x[b] ^= Vector256.ShiftLeft(x[b] & maskC, quarter);
            }
        }
        else if (quarter == 32)
        {
            // high ^= low >> 32 (c ^= b), then high ^= high << 32 (d ^= c)
            for (int b = 0; b < W; b++)
            {
                x[b] ^= Vector256.Shuffle(Vector256.ShiftRightLogical(x[b], 32), Vector256.Create(0UL, 0, 2, 2)) & HighWords;
                x[b] ^= Vector256.ShiftLeft(x[b], 32) & HighWords;
            }
        }
        else // word 2 ^= word 1, word 3 ^= word 2
        {
            for (int b = 0; b < W; b++)
            {
                x[b] ^= Vector256.Shuffle(x[b], Vector256.Create(0UL, 0, 1, 0)) & Lane(2);
                x[b] ^= Vector256.Shuffle(x[b], Vector256.Create(0UL, 0, 0, 2)) & Lane(3);
            }
        }
    }

    /// <summary>Lanes 1 and 3: the upper word of each pair of words.</summary>
    private static readonly Vector256<ulong> HighWords = Vector256.Create(0, ~0UL, 0, ~0UL);

    /// <summary>All ones in lane <paramref name="lane"/> only.</summary>
    private static Vector256<ulong> Lane(int lane) => Vector256.Create(lane == 0 ? ~0UL : 0, lane == 1 ? ~0UL : 0, lane == 2 ? ~0UL : 0, lane == 3 ? ~0UL : 0);

    /// <summary>The positions p with (p mod 4s) / s = <paramref name="which"/>, for s = <paramref name="quarter"/> ≤ 16, in every lane.</summary>
    private static Vector256<ulong> QuarterMask(int quarter, int which) => Vector256.Create(QuarterMasks[BitOperations.Log2((uint)quarter), which]);

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
}
