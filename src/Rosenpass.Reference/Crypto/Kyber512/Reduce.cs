namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// Modular reduction of coefficients modulo q without division (reference <c>reduce.c</c>).
/// Coefficients are held as 16-bit signed integers, as in the reference.
/// </summary>
internal static class Reduce
{
    /// <summary>q^-1 mod 2^16, as a signed 16-bit value.</summary>
    public const int QInv = -3327; // 62209 = 3329^-1 mod 2^16

    /// <summary>
    /// Montgomery reduction: for -q·2^15 ≤ a &lt; q·2^15 returns a value congruent to a·2^-16 mod q,
    /// in the range (-q, q).
    /// </summary>
    public static short MontgomeryReduce(int a)
    {
        short t = (short)(a * QInv);            // t = a·q^-1 mod 2^16
        return (short)((a - t * Params.Q) >> 16); // (a - t·q) is divisible by 2^16
    }

    /// <summary>
    /// Barrett reduction: returns the representative of a mod q in the centred range
    /// {-(q-1)/2, ..., (q-1)/2}.
    /// </summary>
    public static short BarrettReduce(short a)
    {
        const int v = ((1 << 26) + Params.Q / 2) / Params.Q; // round(2^26 / q) = 20159
        int t = (v * a + (1 << 25)) >> 26;                     // round(a / q)
        return (short)(a - t * Params.Q);
    }

    /// <summary>Maps a coefficient in (-q, q) to its standard representative in [0, q), without branching.</summary>
    public static short ToPositive(short a) => (short)(a + ((a >> 15) & Params.Q));
}
