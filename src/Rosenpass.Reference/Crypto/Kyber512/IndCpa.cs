using System.Security.Cryptography;

namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// Kyber.CPAPKE, the IND-CPA-secure public-key encryption underneath the KEM (round-3 specification,
/// Algorithms 4-6; spec §2.5; reference <c>indcpa.c</c>).
/// </summary>
internal static class IndCpa
{
    /// <summary>
    /// Parse (round-3 specification Algorithm 1, reference <c>rej_uniform</c>): reads 12-bit candidates from
    /// the byte stream, two from every three bytes, and keeps those below q. Writes into
    /// <paramref name="coefficients"/> from index <paramref name="count"/> on and returns the new count.
    /// </summary>
    private static int RejectionSample(short[] coefficients, int count, ReadOnlySpan<byte> stream)
    {
        for (int pos = 0; pos + 3 <= stream.Length && count < Params.N; pos += 3)
        {
            int d1 = (stream[pos] | (stream[pos + 1] << 8)) & 0xFFF;
            int d2 = ((stream[pos + 1] >> 4) | (stream[pos + 2] << 4)) & 0xFFF;
            if (d1 < Params.Q)
            {
                coefficients[count++] = (short)d1;
            }
            if (d2 < Params.Q && count < Params.N)
            {
                coefficients[count++] = (short)d2;
            }
        }
        return count;
    }

    /// <summary>
    /// Generates the matrix Â ∈ R_q^(k×k) in the NTT domain from the public seed ρ (<c>gen_matrix</c>):
    /// Â[i][j] = Parse(XOF(ρ, j, i)), or its transpose Â^T[i][j] = Parse(XOF(ρ, i, j)).
    /// </summary>
    public static PolyVec[] GenerateMatrix(ReadOnlySpan<byte> seed, bool transposed)
    {
        var a = new PolyVec[Params.K];
        Span<byte> block = stackalloc byte[Symmetric.XofBlockBytes];
        for (int i = 0; i < Params.K; i++)
        {
            a[i] = new PolyVec();
            for (int j = 0; j < Params.K; j++)
            {
                var xof = transposed
                    ? Symmetric.XofAbsorb(seed, (byte)i, (byte)j)
                    : Symmetric.XofAbsorb(seed, (byte)j, (byte)i);
                // 168 is a multiple of 3, so parsing block by block reads the stream exactly as one piece.
                int count = 0;
                while (count < Params.N)
                {
                    Symmetric.XofSqueezeBlock(xof, block);
                    count = RejectionSample(a[i].Vec[j].Coeffs, count, block);
                }
            }
        }
        return a;
    }

    /// <summary>
    /// Kyber.CPAPKE.KeyGen (Algorithm 4) from the 32 random bytes d: (ρ, σ) = G(d); Â from ρ; s, e from
    /// CBD_η1(PRF(σ, N)); t̂ = Â∘ŝ + ê. pk = Encode_12(t̂) || ρ, sk = Encode_12(ŝ).
    /// </summary>
    public static void KeyPair(Span<byte> publicKey, Span<byte> secretKey, ReadOnlySpan<byte> d)
    {
        Span<byte> buffer = stackalloc byte[2 * Params.SymBytes];
        Symmetric.HashG(buffer, d);
        ReadOnlySpan<byte> publicSeed = buffer[..Params.SymBytes];   // ρ
        ReadOnlySpan<byte> noiseSeed = buffer[Params.SymBytes..];    // σ

        PolyVec[] a = GenerateMatrix(publicSeed, transposed: false);

        var s = new PolyVec();
        var e = new PolyVec();
        var t = new PolyVec();
        byte nonce = 0;
        for (int i = 0; i < Params.K; i++)
        {
            s.Vec[i].GetNoise(noiseSeed, nonce++, Params.Eta1);
        }
        for (int i = 0; i < Params.K; i++)
        {
            e.Vec[i].GetNoise(noiseSeed, nonce++, Params.Eta1);
        }

        s.Ntt();
        e.Ntt();

        for (int i = 0; i < Params.K; i++)
        {
            PolyVec.BaseMulAccMontgomery(t.Vec[i], a[i], s);
            t.Vec[i].ToMont();
        }
        PolyVec.Add(t, t, e);
        t.BarrettReduce();

        s.ToBytes(secretKey[..Params.IndCpaSecretKeyBytes]);
        t.ToBytes(publicKey[..Params.PolyVecBytes]);
        publicSeed.CopyTo(publicKey.Slice(Params.PolyVecBytes, Params.SymBytes));

        s.Clear();
        e.Clear();
        CryptographicOperations.ZeroMemory(buffer);
    }

    /// <summary>
    /// Kyber.CPAPKE.Enc (Algorithm 5) of the 32-byte message m under pk with the 32-byte coins r:
    /// r, e1 from CBD_η1 / CBD_η2 of PRF(coins, N), e2 from CBD_η2; u = NTT^-1(Â^T∘r̂) + e1,
    /// v = NTT^-1(t̂^T∘r̂) + e2 + Decompress_q(m, 1); c = Encode_du(Compress(u)) || Encode_dv(Compress(v)).
    /// </summary>
    public static void Encrypt(Span<byte> ciphertext, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey,
        ReadOnlySpan<byte> coins)
    {
        var t = new PolyVec();
        t.FromBytes(publicKey[..Params.PolyVecBytes]);
        ReadOnlySpan<byte> publicSeed = publicKey.Slice(Params.PolyVecBytes, Params.SymBytes);

        var k = new Poly();
        k.FromMessage(message);

        PolyVec[] at = GenerateMatrix(publicSeed, transposed: true);

        var r = new PolyVec();
        var e1 = new PolyVec();
        var e2 = new Poly();
        byte nonce = 0;
        for (int i = 0; i < Params.K; i++)
        {
            r.Vec[i].GetNoise(coins, nonce++, Params.Eta1);
        }
        for (int i = 0; i < Params.K; i++)
        {
            e1.Vec[i].GetNoise(coins, nonce++, Params.Eta2);
        }
        e2.GetNoise(coins, nonce++, Params.Eta2);

        r.Ntt();

        var u = new PolyVec();
        var v = new Poly();
        for (int i = 0; i < Params.K; i++)
        {
            PolyVec.BaseMulAccMontgomery(u.Vec[i], at[i], r);
        }
        PolyVec.BaseMulAccMontgomery(v, t, r);

        u.InvNttToMont();
        v.InvNttToMont();

        PolyVec.Add(u, u, e1);
        Poly.Add(v, v, e2);
        Poly.Add(v, v, k);
        u.BarrettReduce();
        v.BarrettReduce();

        u.CompressTo(ciphertext[..Params.PolyVecCompressedBytes]);
        v.CompressTo(ciphertext.Slice(Params.PolyVecCompressedBytes, Params.PolyCompressedBytes), Params.Dv);

        k.Clear();
        r.Clear();
        e1.Clear();
        e2.Clear();
        u.Clear();
        v.Clear();
    }

    /// <summary>
    /// Kyber.CPAPKE.Dec (Algorithm 6): u = Decompress(Decode_du(c1)), v = Decompress(Decode_dv(c2));
    /// m = Encode_1(Compress_q(v − NTT^-1(ŝ^T∘NTT(u)), 1)).
    /// </summary>
    public static void Decrypt(Span<byte> message, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey)
    {
        var u = new PolyVec();
        var v = new Poly();
        u.DecompressFrom(ciphertext[..Params.PolyVecCompressedBytes]);
        v.DecompressFrom(ciphertext.Slice(Params.PolyVecCompressedBytes, Params.PolyCompressedBytes), Params.Dv);

        var s = new PolyVec();
        s.FromBytes(secretKey[..Params.IndCpaSecretKeyBytes]);

        var mp = new Poly();
        u.Ntt();
        PolyVec.BaseMulAccMontgomery(mp, s, u);
        mp.InvNttToMont();

        Poly.Sub(mp, v, mp);
        mp.BarrettReduce();
        mp.ToMessage(message);

        s.Clear();
        mp.Clear();
    }
}
