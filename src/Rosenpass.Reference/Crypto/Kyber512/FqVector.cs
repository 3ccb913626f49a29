using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// The reductions of <see cref="Reduce"/> on 16 coefficients at once, in the 16-bit lanes of a 256-bit AVX2 vector
/// (reference AVX2 code, <c>fq.S</c> and the <c>fqmul</c> macros). Each gives, lane by lane, exactly the value of its
/// scalar counterpart (the tests compare them on every 16-bit input), so both paths compute the same bytes.
/// There is no branch and no table index in any of them: secret coefficients pass through the same instructions.
/// </summary>
internal static class FqVector
{
    private static readonly Vector256<short> Q = Vector256.Create((short)Params.Q);
    private static readonly Vector256<short> QInv = Vector256.Create((short)Reduce.QInv);
    private static readonly Vector256<short> BarrettV = Vector256.Create((short)(((1 << 26) + Params.Q / 2) / Params.Q));
    private static readonly Vector256<short> BarrettRound = Vector256.Create((short)(1 << 9));

    /// <summary>
    /// Lane by lane, <see cref="Reduce.MontgomeryReduce"/>(a·b) = a·b·2^-16 mod q, given b and b·q^-1 mod 2^16
    /// (<paramref name="bTimesQInv"/>; constant factors have it precomputed). With t = a·b·q^-1 mod 2^16, a·b − t·q
    /// is a multiple of 2^16, so its high half is exactly high(a·b) − high(t·q): no carry from the low halves.
    /// </summary>
    public static Vector256<short> MontgomeryMultiply(Vector256<short> a, Vector256<short> b, Vector256<short> bTimesQInv)
    {
        Vector256<short> high = Avx2.MultiplyHigh(a, b);
        Vector256<short> t = Avx2.MultiplyLow(a, bTimesQInv);
        return Avx2.Subtract(high, Avx2.MultiplyHigh(t, Q));
    }

    /// <summary>Montgomery multiplication of two variable vectors (b·q^-1 formed here).</summary>
    public static Vector256<short> MontgomeryMultiply(Vector256<short> a, Vector256<short> b) =>
        MontgomeryMultiply(a, b, Avx2.MultiplyLow(b, QInv));

    /// <summary>b·q^-1 mod 2^16 lane by lane: the second factor a constant multiplier needs.</summary>
    public static Vector256<short> TimesQInv(Vector256<short> b) => Avx2.MultiplyLow(b, QInv);

    /// <summary>
    /// Lane by lane, <see cref="Reduce.BarrettReduce"/>: t = ⌊(v·a + 2^25) / 2^26⌋ computed as
    /// ⌊(⌊v·a / 2^16⌋ + 2^9) / 2^10⌋ (the high half of the product, then a rounding shift: the same integer, since
    /// ⌊⌊x⌋ / n⌋ = ⌊x / n⌋), and a − t·q.
    /// </summary>
    public static Vector256<short> BarrettReduce(Vector256<short> a)
    {
        Vector256<short> t = Avx2.MultiplyHigh(a, BarrettV);
        t = Avx2.ShiftRightArithmetic(Avx2.Add(t, BarrettRound), 10);
        return Avx2.Subtract(a, Avx2.MultiplyLow(t, Q));
    }
}
