using System.Runtime.Intrinsics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The public constants of the additive FFT (Gao–Mateer), computed here from the field rather than tabulated.
/// The FFT evaluates at all q field elements, element number k being
/// x_k = Σ_j k_j β_j with β_j = z^(12-j), i.e. the 13-bit reversal of k: the order in which the secret key's
/// Beneš network lays out the support (CM §4.2 field ordering, §5 control bits).
/// </summary>
/// <remarks>
/// Recursion (level l = 0, 1, ...): at level l a polynomial is evaluated on span(B_l), a basis whose last element is 1.
/// Writing x = y + ε (ε ∈ {0, 1}), f(x) = f0(x² + x) + x·f1(x² + x) gives f(y) = f0(ŷ) + y·f1(ŷ) and
/// f(y + 1) = f(y) + f1(ŷ), with ŷ = y² + y ranging over span(G), G_j = B_l,j² + B_l,j. Scaling by the last
/// element c_(l+1) of G ("twist") gives B_(l+1) = G / c_(l+1), whose last element is again 1, and f0, f1 are
/// replaced by f0(c·x), f1(c·x). <see cref="Twist"/> holds those scalings, <see cref="Multiplier"/> the y's.
/// </remarks>
internal static class FftConstants
{
    /// <summary>Levels of the recursion used: 7 for 128 coefficients, 8 for 256.</summary>
    public const int MaxLevels = 8;

    /// <summary>
    /// Twist[j]: the bitsliced scalings applied after radix-conversion round j to 256 coefficients (4 words): the
    /// coefficient at position p is multiplied by c_(j+1)^(p >> (j+1)) (its index within its own polynomial).
    /// </summary>
    public static readonly ulong[][] Twist = new ulong[MaxLevels - 1][];

    /// <summary>TwistGroups[j]: <see cref="Twist"/>[j] with the four words of each bit plane in one vector (lane w: word w).</summary>
    public static readonly Vector256<ulong>[][] TwistGroups = new Vector256<ulong>[MaxLevels - 1][];

    /// <summary>
    /// Multiplier[l]: the bitsliced y's of level l's butterflies. For l ≤ 6 a butterfly pairs whole words, and
    /// vector w (of 2^(6-l)) holds y_k = Σ_j k_j B_l,j for k = 64w ... 64w + 63. For l = 7 pairs are the two
    /// 32-bit halves of one word: y_0 ... y_31 in both halves.
    /// </summary>
    public static readonly ulong[][] Multiplier = new ulong[MaxLevels][];

    /// <summary>
    /// MultiplierGroups[l]: <see cref="Multiplier"/> for butterflies on groups of four value vectors (lane i of group
    /// g stands for vector 4g + i, see <see cref="AdditiveFft"/>): lane i of group g holds Multiplier[l]'s vector
    /// (4g + i) mod 2^(6-l), so levels 5 and 6, whose pairs lie inside a group, find theirs in the right lanes too.
    /// </summary>
    public static readonly Vector256<ulong>[][] MultiplierGroups = new Vector256<ulong>[MaxLevels][];

    static FftConstants()
    {
        var basis = new ushort[Params.M];
        for (int j = 0; j < Params.M; j++)
        {
            basis[j] = (ushort)(1 << (Params.M - 1 - j)); // β_j = z^(12-j); β_12 = 1
        }
        for (int level = 0; level < MaxLevels; level++)
        {
            int dimension = Params.M - level; // basis[0 .. dimension-1], basis[dimension-1] = 1
            Multiplier[level] = BuildMultipliers(basis, dimension - 1, level);
            MultiplierGroups[level] = Group(Multiplier[level]);
            if (level == MaxLevels - 1)
            {
                break;
            }
            for (int j = 0; j < dimension - 1; j++)
            {
                basis[j] = (ushort)(GfScalar.Multiply(basis[j], basis[j]) ^ basis[j]);
            }
            ushort twist = basis[dimension - 2];
            ushort inverse = GfScalar.Inverse(twist);
            for (int j = 0; j < dimension - 1; j++)
            {
                basis[j] = GfScalar.Multiply(basis[j], inverse);
            }
            Twist[level] = BuildTwist(twist, level);
            TwistGroups[level] = GroupWords(Twist[level]);
        }
    }

    /// <summary>y_k = Σ_j k_j basis_j over the half block of level <paramref name="level"/> (2^spanned elements).</summary>
    private static ulong[] BuildMultipliers(ushort[] basis, int spanned, int level)
    {
        int elements = 1 << spanned;
        int vectors = Math.Max(1, elements / 64);
        var table = new ulong[vectors * GfBitsliced.Width];
        for (int k = 0; k < elements; k++)
        {
            ushort y = 0;
            for (int j = 0; j < spanned; j++)
            {
                y ^= (ushort)(((k >> j) & 1) * basis[j]);
            }
            SetLane(table.AsSpan((k / 64) * GfBitsliced.Width), k % 64, y);
            if (level == MaxLevels - 1)
            {
                SetLane(table, 32 + k, y); // level 7: the upper half pairs with the same y's
            }
        }
        return table;
    }

    private static Vector256<ulong>[] Group(ulong[] vectors)
    {
        int count = vectors.Length / GfBitsliced.Width;
        var groups = new Vector256<ulong>[Math.Max(1, count / 4) * GfBitsliced.Width];
        for (int g = 0; g < groups.Length / GfBitsliced.Width; g++)
        {
            for (int b = 0; b < GfBitsliced.Width; b++)
            {
                ulong Word(int lane) => vectors[((4 * g + lane) % count) * GfBitsliced.Width + b];
                groups[g * GfBitsliced.Width + b] = Vector256.Create(Word(0), Word(1), Word(2), Word(3));
            }
        }
        return groups;
    }

    private static Vector256<ulong>[] GroupWords(ulong[] words)
    {
        const int W = GfBitsliced.Width;
        var groups = new Vector256<ulong>[W];
        for (int b = 0; b < W; b++)
        {
            groups[b] = Vector256.Create(words[b], words[W + b], words[2 * W + b], words[3 * W + b]);
        }
        return groups;
    }

    private static ulong[] BuildTwist(ushort twist, int round)
    {
        var table = new ulong[4 * GfBitsliced.Width];
        for (int p = 0; p < 256; p++)
        {
            int power = p >> (round + 1);
            ushort value = 1;
            for (int i = 0; i < power; i++)
            {
                value = GfScalar.Multiply(value, twist);
            }
            SetLane(table.AsSpan((p / 64) * GfBitsliced.Width), p % 64, value);
        }
        return table;
    }

    /// <summary>Puts the field element <paramref name="value"/> into lane <paramref name="lane"/> of a bitsliced vector.</summary>
    public static void SetLane(Span<ulong> vector, int lane, ushort value)
    {
        for (int b = 0; b < GfBitsliced.Width; b++)
        {
            vector[b] |= (ulong)((value >> b) & 1) << lane;
        }
    }
}
