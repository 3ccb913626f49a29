namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>A vector of k = 2 polynomials, an element of R_q^k (reference <c>polyvec.c</c>).</summary>
internal sealed class PolyVec
{
    /// <summary>The k polynomials.</summary>
    public readonly Poly[] Vec = [new Poly(), new Poly()];

    /// <summary>Encode_12 of each polynomial, concatenated (<c>polyvec_tobytes</c>); 768 bytes.</summary>
    public void ToBytes(Span<byte> output)
    {
        for (int i = 0; i < Params.K; i++)
        {
            Vec[i].ToBytes(output.Slice(i * Params.PolyBytes, Params.PolyBytes));
        }
    }

    /// <summary>Decode_12 of each polynomial (<c>polyvec_frombytes</c>).</summary>
    public void FromBytes(ReadOnlySpan<byte> input)
    {
        for (int i = 0; i < Params.K; i++)
        {
            Vec[i].FromBytes(input.Slice(i * Params.PolyBytes, Params.PolyBytes));
        }
    }

    /// <summary>Encode_du(Compress_q(u, du)) of each polynomial (<c>polyvec_compress</c>); 640 bytes.</summary>
    public void CompressTo(Span<byte> output)
    {
        const int bytesPerPoly = Params.Du * Params.N / 8;
        for (int i = 0; i < Params.K; i++)
        {
            Vec[i].CompressTo(output.Slice(i * bytesPerPoly, bytesPerPoly), Params.Du);
        }
    }

    /// <summary>Decompress_q(Decode_du(input), du) of each polynomial (<c>polyvec_decompress</c>).</summary>
    public void DecompressFrom(ReadOnlySpan<byte> input)
    {
        const int bytesPerPoly = Params.Du * Params.N / 8;
        for (int i = 0; i < Params.K; i++)
        {
            Vec[i].DecompressFrom(input.Slice(i * bytesPerPoly, bytesPerPoly), Params.Du);
        }
    }

    /// <summary>NTT of each polynomial (<c>polyvec_ntt</c>).</summary>
    public void Ntt()
    {
        foreach (var p in Vec)
        {
            p.Ntt();
        }
    }

    /// <summary>Inverse NTT of each polynomial, times 2^16 (<c>polyvec_invntt_tomont</c>).</summary>
    public void InvNttToMont()
    {
        foreach (var p in Vec)
        {
            p.InvNttToMont();
        }
    }

    /// <summary>
    /// r = Σ_i a_i ∘ b_i · 2^-16 in the NTT domain, Barrett-reduced: the inner product a^T·b
    /// (<c>polyvec_basemul_acc_montgomery</c>). Pair by pair, the k products in Z_q[X]/(X^2 − γ) are summed
    /// (γ = ±zetas[64 + i/2] for the i-th pair), as the reference sums its per-polynomial products.
    /// </summary>
    public static void BaseMulAccMontgomery(Poly r, PolyVec a, PolyVec b)
    {
        if (Kyber512.Ntt.Vectorised)
        {
            NttAvx2.BaseMulAccMontgomery(r.Coeffs, a, b);
            return;
        }
        for (int i = 0; i < Params.N / 4; i++)
        {
            short zeta = Kyber512.Ntt.Zetas[64 + i];
            BaseMulAccPair(r, a, b, 4 * i, zeta);
            BaseMulAccPair(r, a, b, 4 * i + 2, (short)-zeta);
        }
        r.BarrettReduce();
    }

    private static void BaseMulAccPair(Poly r, PolyVec a, PolyVec b, int offset, short zeta)
    {
        int r0 = 0, r1 = 0;
        for (int k = 0; k < Params.K; k++)
        {
            short[] x = a.Vec[k].Coeffs, y = b.Vec[k].Coeffs;
            Kyber512.Ntt.BaseMul(x[offset], x[offset + 1], y[offset], y[offset + 1], zeta, out short p0, out short p1);
            r0 += p0;
            r1 += p1;
        }
        // Each product is below 2q in absolute value, so the sum of k = 2 fits 16 bits as in the reference.
        r.Coeffs[offset] = (short)r0;
        r.Coeffs[offset + 1] = (short)r1;
    }

    /// <summary>Barrett reduction of each polynomial (<c>polyvec_reduce</c>).</summary>
    public void BarrettReduce()
    {
        foreach (var p in Vec)
        {
            p.BarrettReduce();
        }
    }

    /// <summary>r = a + b (<c>polyvec_add</c>).</summary>
    public static void Add(PolyVec r, PolyVec a, PolyVec b)
    {
        for (int i = 0; i < Params.K; i++)
        {
            Poly.Add(r.Vec[i], a.Vec[i], b.Vec[i]);
        }
    }

    /// <summary>Zeroes every polynomial (spec §2.7).</summary>
    public void Clear()
    {
        foreach (var p in Vec)
        {
            p.Clear();
        }
    }
}
