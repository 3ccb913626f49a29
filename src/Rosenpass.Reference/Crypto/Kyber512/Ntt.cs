namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// The number-theoretic transform of R_q = Z_q[X]/(X^256 + 1) (round-3 specification, preliminaries;
/// reference <c>ntt.c</c>). ζ = 17 is a primitive 256th root of unity mod q; the NTT maps a polynomial to
/// 128 residues modulo the degree-2 factors X^2 - ζ^(2·br7(i)+1).
/// </summary>
internal static class Ntt
{
    /// <summary>Tests set this to run the scalar code on a machine with AVX2 (both paths stay tested).</summary>
    [ThreadStatic] internal static bool t_forceScalar;

    /// <summary>
    /// Whether the transforms, base multiplication and reductions of this thread run on <see cref="NttAvx2"/>
    /// (16 coefficients at once); the scalar code here is the fallback and computes the same values.
    /// </summary>
    public static bool Vectorised => NttAvx2.IsSupported && !t_forceScalar;

    /// <summary>
    /// zetas[i] = ζ^br7(i) · 2^16 mod q, centred: the powers of ζ in bit-reversed order, in Montgomery form
    /// (br7 reverses the 7 low bits). Computed here rather than listed; the reference lists the same values.
    /// </summary>
    public static readonly short[] Zetas = ComputeZetas();

    private static short[] ComputeZetas()
    {
        const int zeta = 17;
        var zetas = new short[128];
        for (int i = 0; i < 128; i++)
        {
            int power = 1;
            for (int e = 0; e < BitReverse7(i); e++)
            {
                power = power * zeta % Params.Q;
            }
            int montgomery = (int)((long)power * (1 << 16) % Params.Q);
            if (montgomery > Params.Q / 2)
            {
                montgomery -= Params.Q;
            }
            zetas[i] = (short)montgomery;
        }
        return zetas;
    }

    private static int BitReverse7(int i)
    {
        int r = 0;
        for (int b = 0; b < 7; b++)
        {
            r |= ((i >> b) & 1) << (6 - b);
        }
        return r;
    }

    /// <summary>Multiplication followed by Montgomery reduction: returns a·b·2^-16 mod q.</summary>
    public static short FqMul(short a, short b) => Reduce.MontgomeryReduce(a * b);

    /// <summary>
    /// Forward NTT in place (Cooley-Tukey butterflies). Input in standard order, output in bit-reversed
    /// order. Output coefficients are bounded by 7q in absolute value, not reduced.
    /// </summary>
    public static void Forward(short[] r)
    {
        int k = 1;
        for (int len = 128; len >= 2; len >>= 1)
        {
            for (int start = 0; start < Params.N; start += 2 * len)
            {
                short zeta = Zetas[k++];
                for (int j = start; j < start + len; j++)
                {
                    short t = FqMul(zeta, r[j + len]);
                    r[j + len] = (short)(r[j] - t);
                    r[j] = (short)(r[j] + t);
                }
            }
        }
    }

    /// <summary>
    /// Inverse NTT in place (Gentleman-Sande butterflies), including multiplication by 2^16 (Montgomery
    /// factor) and by 1/128. Input in bit-reversed order, output in standard order.
    /// </summary>
    public static void InverseToMont(short[] r)
    {
        const short f = 1441; // 2^32 / 128 mod q: Montgomery factor squared, divided by 128
        int k = 127;
        for (int len = 2; len <= 128; len <<= 1)
        {
            for (int start = 0; start < Params.N; start += 2 * len)
            {
                short zeta = Zetas[k--];
                for (int j = start; j < start + len; j++)
                {
                    short t = r[j];
                    r[j] = Reduce.BarrettReduce((short)(t + r[j + len]));
                    r[j + len] = (short)(r[j + len] - t);
                    r[j + len] = FqMul(zeta, r[j + len]);
                }
            }
        }
        for (int j = 0; j < Params.N; j++)
        {
            r[j] = FqMul(r[j], f);
        }
    }

    /// <summary>
    /// Multiplication in Z_q[X]/(X^2 - ζ) of (a0 + a1·X) and (b0 + b1·X), with Montgomery reduction
    /// (<c>basemul</c>): (r0, r1) = (a0·b0 + a1·b1·ζ, a0·b1 + a1·b0)·2^-16.
    /// </summary>
    public static void BaseMul(short a0, short a1, short b0, short b1, short zeta, out short r0, out short r1)
    {
        r0 = (short)(FqMul(FqMul(a1, b1), zeta) + FqMul(a0, b0));
        r1 = (short)(FqMul(a0, b1) + FqMul(a1, b0));
    }
}
