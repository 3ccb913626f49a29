using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// <see cref="Ntt"/>'s forward and inverse transforms and base multiplication on 16 coefficients at once (AVX2; the
/// layout of the reference's AVX2 code, <c>ntt.S</c>, <c>invntt.S</c>, <c>basemul.S</c>). The same butterflies with
/// the same zetas in the same order, so every coefficient gets exactly the value of the scalar code; the tests compare
/// the two on random polynomials. A polynomial is 16 vectors. In the layers whose butterflies span 16 or more
/// coefficients (len ≥ 16) both halves of a butterfly are whole vectors. In the layers len = 8, 4, 2 two
/// neighbouring vectors X, Y (32 coefficients) are first rearranged (<see cref="Split"/>) into L, the low halves of
/// their 16 butterflies, and H, the high halves, with a per-lane zeta vector arranged the same way; then rearranged
/// back. Every loop runs a fixed number of times and every vector index and table index
/// depends only on the loop counters, never on a coefficient: the transforms take the same path for any polynomial.
/// </summary>
internal static class NttAvx2
{
    /// <summary>Whether this path can run here.</summary>
    public static bool IsSupported => Avx2.IsSupported;

    private static readonly Vector256<short> InverseFactor = Vector256.Create((short)1441); // 2^32 / 128 mod q

    // The small layers' zetas, lane by lane, for the forward and inverse transforms: [layer (len 8, 4, 2) * 8 + pair].
    private static readonly Vector256<short>[] ForwardZetas = LaneZetas(inverse: false);
    private static readonly Vector256<short>[] ForwardZetasQInv = [.. ForwardZetas.Select(FqVector.TimesQInv)];
    private static readonly Vector256<short>[] InverseZetas = LaneZetas(inverse: true);
    private static readonly Vector256<short>[] InverseZetasQInv = [.. InverseZetas.Select(FqVector.TimesQInv)];

    // Base multiplication's γ = ±zetas[64 + p/2] of pair p, in both lanes of the pair: 16 vectors.
    private static readonly Vector256<short>[] BaseMulZetas = BaseMulLaneZetas();
    private static readonly Vector256<short>[] BaseMulZetasQInv = [.. BaseMulZetas.Select(FqVector.TimesQInv)];

    private static Span<Vector256<short>> Vectors(Span<short> coefficients) =>
        MemoryMarshal.Cast<short, Vector256<short>>(coefficients[..Params.N]);

    /// <summary>
    /// The zetas of the small layers placed where <see cref="Split"/> puts the butterflies: for each coefficient
    /// j the zeta of its butterfly (forward: zetas[128/len + j/(2len)], as <see cref="Ntt.Forward"/> takes them in
    /// order; inverse: zetas[256/len − 1 − j/(2len)], as <see cref="Ntt.InverseToMont"/> counts down), then split.
    /// </summary>
    private static Vector256<short>[] LaneZetas(bool inverse)
    {
        int[] lengths = [8, 4, 2]; // the layers below 16, in the order of the forward transform
        var table = new Vector256<short>[lengths.Length * 8];
        short[] perCoefficient = new short[Params.N];
        for (int layer = 0; layer < lengths.Length; layer++)
        {
            int len = lengths[layer];
            for (int j = 0; j < Params.N; j++)
            {
                int block = j / (2 * len);
                perCoefficient[j] = Ntt.Zetas[inverse ? 256 / len - 1 - block : 128 / len + block];
            }
            var zetas = Vectors(perCoefficient);
            for (int pair = 0; pair < 8; pair++)
            {
                Split(len, zetas[2 * pair], zetas[2 * pair + 1], out table[layer * 8 + pair], out _);
            }
        }
        return table;
    }

    private static Vector256<short>[] BaseMulLaneZetas()
    {
        short[] perCoefficient = new short[Params.N];
        for (int j = 0; j < Params.N; j++)
        {
            int pair = j / 2;
            short zeta = Ntt.Zetas[64 + pair / 2];
            perCoefficient[j] = pair % 2 == 0 ? zeta : (short)-zeta;
        }
        return Vectors(perCoefficient).ToArray();
    }

    /// <summary>
    /// Rearranges 32 coefficients X ‖ Y into L (the low halves of the 16 butterflies of a layer with length len)
    /// and H (their high halves, lane by lane opposite their partners). Applied to L and H, the same rearrangement
    /// gives X and Y back, so it also merges.
    /// </summary>
    private static void Split(int len, Vector256<short> x, Vector256<short> y, out Vector256<short> l, out Vector256<short> h)
    {
        switch (len)
        {
            case 8:
                Split8(x, y, out l, out h);
                break;
            case 4:
                Split4(x, y, out l, out h);
                break;
            default:
                Split2(x, y, out l, out h);
                break;
        }
    }

    /// <summary>len = 8: L = the low 128-bit halves of X and Y, H = their high halves.</summary>
    private static void Split8(Vector256<short> x, Vector256<short> y, out Vector256<short> l, out Vector256<short> h)
    {
        l = Avx2.Permute2x128(x, y, 0x20);
        h = Avx2.Permute2x128(x, y, 0x31);
    }

    /// <summary>len = 4: L = the even 64-bit words of X and Y interleaved, H = the odd ones.</summary>
    private static void Split4(Vector256<short> x, Vector256<short> y, out Vector256<short> l, out Vector256<short> h)
    {
        l = Avx2.UnpackLow(x.AsInt64(), y.AsInt64()).AsInt16();
        h = Avx2.UnpackHigh(x.AsInt64(), y.AsInt64()).AsInt16();
    }

    /// <summary>len = 2: L = the even 32-bit words of X and Y interleaved, H = the odd ones.</summary>
    private static void Split2(Vector256<short> x, Vector256<short> y, out Vector256<short> l, out Vector256<short> h)
    {
        l = Avx2.Blend(x.AsInt32(), Avx2.ShiftLeftLogical(y.AsUInt64(), 32).AsInt32(), 0xAA).AsInt16();
        h = Avx2.Blend(Avx2.ShiftRightLogical(x.AsUInt64(), 32).AsInt32(), y.AsInt32(), 0xAA).AsInt16();
    }

    /// <summary>Cooley-Tukey butterfly (<see cref="Ntt.Forward"/>): t = ζ·b·2^-16; (a, b) = (a + t, a − t).</summary>
    private static void ForwardButterfly(ref Vector256<short> a, ref Vector256<short> b, Vector256<short> zeta, Vector256<short> zetaQInv)
    {
        Vector256<short> t = FqVector.MontgomeryMultiply(b, zeta, zetaQInv);
        b = Avx2.Subtract(a, t);
        a = Avx2.Add(a, t);
    }

    /// <summary>Gentleman-Sande butterfly (<see cref="Ntt.InverseToMont"/>): (a, b) = (Barrett(a + b), ζ·(b − a)·2^-16).</summary>
    private static void InverseButterfly(ref Vector256<short> a, ref Vector256<short> b, Vector256<short> zeta, Vector256<short> zetaQInv)
    {
        Vector256<short> t = a;
        a = FqVector.BarrettReduce(Avx2.Add(t, b));
        b = FqVector.MontgomeryMultiply(Avx2.Subtract(b, t), zeta, zetaQInv);
    }

    /// <summary><see cref="Ntt.Forward"/> on vectors.</summary>
    public static void Forward(Span<short> coefficients)
    {
        var v = Vectors(coefficients);
        int k = 1;
        // len = 128, 64, 32, 16: halves d = len/16 vectors apart, one zeta per block of 2d vectors.
        for (int d = 8; d >= 1; d >>= 1)
        {
            for (int start = 0; start < 16; start += 2 * d)
            {
                Vector256<short> zeta = Vector256.Create(Ntt.Zetas[k++]);
                Vector256<short> zetaQInv = FqVector.TimesQInv(zeta);
                for (int j = start; j < start + d; j++)
                {
                    ForwardButterfly(ref v[j], ref v[j + d], zeta, zetaQInv);
                }
            }
        }
        // len = 8, 4, 2: within each pair of vectors.
        for (int pair = 0; pair < 8; pair++)
        {
            Vector256<short> x = v[2 * pair], y = v[2 * pair + 1];
            Split8(x, y, out var l, out var h);
            ForwardButterfly(ref l, ref h, ForwardZetas[pair], ForwardZetasQInv[pair]);
            Split8(l, h, out x, out y);
            Split4(x, y, out l, out h);
            ForwardButterfly(ref l, ref h, ForwardZetas[8 + pair], ForwardZetasQInv[8 + pair]);
            Split4(l, h, out x, out y);
            Split2(x, y, out l, out h);
            ForwardButterfly(ref l, ref h, ForwardZetas[16 + pair], ForwardZetasQInv[16 + pair]);
            Split2(l, h, out x, out y);
            v[2 * pair] = x;
            v[2 * pair + 1] = y;
        }
    }

    /// <summary><see cref="Ntt.InverseToMont"/> on vectors.</summary>
    public static void InverseToMont(Span<short> coefficients)
    {
        var v = Vectors(coefficients);
        // len = 2, 4, 8: within each pair of vectors.
        for (int pair = 0; pair < 8; pair++)
        {
            Vector256<short> x = v[2 * pair], y = v[2 * pair + 1];
            Split2(x, y, out var l, out var h);
            InverseButterfly(ref l, ref h, InverseZetas[16 + pair], InverseZetasQInv[16 + pair]);
            Split2(l, h, out x, out y);
            Split4(x, y, out l, out h);
            InverseButterfly(ref l, ref h, InverseZetas[8 + pair], InverseZetasQInv[8 + pair]);
            Split4(l, h, out x, out y);
            Split8(x, y, out l, out h);
            InverseButterfly(ref l, ref h, InverseZetas[pair], InverseZetasQInv[pair]);
            Split8(l, h, out x, out y);
            v[2 * pair] = x;
            v[2 * pair + 1] = y;
        }
        // len = 16, 32, 64, 128: zetas[15], zetas[14], ... as the scalar code counts down.
        int k = 15;
        for (int d = 1; d <= 8; d <<= 1)
        {
            for (int start = 0; start < 16; start += 2 * d)
            {
                Vector256<short> zeta = Vector256.Create(Ntt.Zetas[k--]);
                Vector256<short> zetaQInv = FqVector.TimesQInv(zeta);
                for (int j = start; j < start + d; j++)
                {
                    InverseButterfly(ref v[j], ref v[j + d], zeta, zetaQInv);
                }
            }
        }
        Vector256<short> factorQInv = FqVector.TimesQInv(InverseFactor);
        for (int j = 0; j < v.Length; j++)
        {
            v[j] = FqVector.MontgomeryMultiply(v[j], InverseFactor, factorQInv);
        }
    }

    /// <summary>Swaps the two coefficients of every pair (the 16-bit halves of each 32-bit word).</summary>
    private static Vector256<short> SwapPairs(Vector256<short> a) =>
        Avx2.Or(Avx2.ShiftLeftLogical(a.AsUInt32(), 16), Avx2.ShiftRightLogical(a.AsUInt32(), 16)).AsInt16();

    /// <summary>
    /// <see cref="Ntt.BaseMul"/> for the 8 pairs of vector <paramref name="i"/>: with p = a∘b (lanes a0·b0, a1·b1)
    /// and s = a∘swap(b) (lanes a0·b1, a1·b0), r0 = ζ·(a1·b1) + a0·b0 in the even lanes and r1 = a0·b1 + a1·b0 in
    /// the odd lanes, each product Montgomery-reduced as in the scalar code.
    /// </summary>
    private static Vector256<short> BaseMul(Vector256<short> a, Vector256<short> b, int i)
    {
        Vector256<short> products = FqVector.MontgomeryMultiply(a, b);
        Vector256<short> cross = FqVector.MontgomeryMultiply(a, SwapPairs(b));
        Vector256<short> zetaTerm = FqVector.MontgomeryMultiply(products, BaseMulZetas[i], BaseMulZetasQInv[i]);
        Vector256<short> r0 = Avx2.Add(SwapPairs(zetaTerm), products);
        Vector256<short> r1 = Avx2.Add(cross, SwapPairs(cross));
        return Avx2.Blend(r0, r1, 0xAA); // even lanes r0, odd lanes r1
    }

    /// <summary>
    /// r = Σ_k a_k ∘ b_k · 2^-16, Barrett-reduced (<see cref="PolyVec.BaseMulAccMontgomery"/>): the k products summed
    /// without reduction, then reduced, as in the scalar code.
    /// </summary>
    public static void BaseMulAccMontgomery(Span<short> r, PolyVec a, PolyVec b)
    {
        var result = Vectors(r);
        for (int i = 0; i < result.Length; i++)
        {
            Vector256<short> sum = Vector256<short>.Zero;
            for (int k = 0; k < Params.K; k++)
            {
                sum = Avx2.Add(sum, BaseMul(Vectors(a.Vec[k].Coeffs)[i], Vectors(b.Vec[k].Coeffs)[i], i));
            }
            result[i] = FqVector.BarrettReduce(sum);
        }
    }

    /// <summary><see cref="Poly.BarrettReduce"/> on vectors.</summary>
    public static void BarrettReduce(Span<short> coefficients)
    {
        var v = Vectors(coefficients);
        for (int j = 0; j < v.Length; j++)
        {
            v[j] = FqVector.BarrettReduce(v[j]);
        }
    }

    /// <summary><see cref="Poly.Add"/> on vectors: r = a + b lane by lane, wrapping as the scalar 16-bit sum does.</summary>
    public static void Add(Span<short> r, Span<short> a, Span<short> b)
    {
        Span<Vector256<short>> vr = Vectors(r), va = Vectors(a), vb = Vectors(b);
        for (int j = 0; j < vr.Length; j++)
        {
            vr[j] = Avx2.Add(va[j], vb[j]);
        }
    }

    /// <summary><see cref="Poly.Sub"/> on vectors: r = a − b lane by lane, wrapping.</summary>
    public static void Subtract(Span<short> r, Span<short> a, Span<short> b)
    {
        Span<Vector256<short>> vr = Vectors(r), va = Vectors(a), vb = Vectors(b);
        for (int j = 0; j < vr.Length; j++)
        {
            vr[j] = Avx2.Subtract(va[j], vb[j]);
        }
    }

    private static readonly Vector256<short> MontgomeryFactor = Vector256.Create((short)1353); // 2^32 mod q

    /// <summary><see cref="Poly.ToMont"/> on vectors: every coefficient times 2^32 mod q, Montgomery-reduced.</summary>
    public static void ToMont(Span<short> coefficients)
    {
        var v = Vectors(coefficients);
        Vector256<short> factorQInv = FqVector.TimesQInv(MontgomeryFactor);
        for (int j = 0; j < v.Length; j++)
        {
            v[j] = FqVector.MontgomeryMultiply(v[j], MontgomeryFactor, factorQInv);
        }
    }
}
