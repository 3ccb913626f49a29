namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// Compress_q and Decompress_q of the round-3 specification's preliminaries (spec §2.5), on single coefficients.
/// </summary>
internal static class Compress
{
    /// <summary>
    /// Compress_q(x, d) = ⌈(2^d / q) · x⌋ mod 2^d, for x in [0, q) and 1 ≤ d ≤ 11.
    /// </summary>
    public static int CompressCoefficient(int x, int d)
    {
        int numerator = (x << d) + Params.Q / 2; // rounding: ⌈y⌋ = ⌊y + 1/2⌋
        return DivideByQ(numerator) & ((1 << d) - 1);
    }

    /// <summary>Decompress_q(y, d) = ⌈(q / 2^d) · y⌋, for y in [0, 2^d).</summary>
    public static short DecompressCoefficient(int y, int d)
    {
        return (short)((y * Params.Q + (1 << (d - 1))) >> d);
    }

    /// <summary>
    /// ⌊n / q⌋ for 0 ≤ n &lt; 2^22, by multiplication with ⌈2^36 / q⌉ and a shift. Compression is applied to
    /// secret values (the message in decapsulation), and a hardware division may take a time that depends on
    /// its operands ("KyberSlash"); a multiplication does not. A test checks this equals n / q for every such n.
    /// </summary>
    public static int DivideByQ(int n)
    {
        const ulong m = ((1UL << 36) + Params.Q - 1) / Params.Q; // ⌈2^36 / q⌉
        return (int)(((ulong)n * m) >> 36);
    }
}
