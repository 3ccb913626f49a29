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
    /// <paramref name="coefficients"/> from index <paramref name="count"/> on and returns the new count. The stream
    /// and the matrix are public (they come from ρ), so branching on the candidates reveals nothing.
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
    /// XOF output read for one matrix entry at first: 3 blocks (504 bytes, 336 candidates) suffice for 256
    /// coefficients in about 99 % of entries (each candidate is kept with probability q / 2^12 ≈ 0.81), as in the
    /// reference's AVX2 code (<c>GEN_MATRIX_NBLOCKS</c>).
    /// </summary>
    internal const int InitialXofBlocks = 3;

    /// <summary>
    /// Generates the matrix Â ∈ R_q^(k×k) in the NTT domain from the public seed ρ (<c>gen_matrix</c>):
    /// Â[i][j] = Parse(XOF(ρ, j, i)), or its transpose Â^T[i][j] = Parse(XOF(ρ, i, j)), into
    /// <paramref name="a"/>.
    /// </summary>
    public static void GenerateMatrix(PolyVec[] a, ReadOnlySpan<byte> seed, bool transposed)
    {
        // The k·k = 4 entries' streams are squeezed together; entry e = (i, j) = (e / 2, e % 2).
        Span<byte> xy = stackalloc byte[2 * Params.K * Params.K];
        for (int e = 0; e < Params.K * Params.K; e++)
        {
            int i = e / Params.K, j = e % Params.K;
            xy[2 * e] = transposed ? (byte)i : (byte)j;
            xy[2 * e + 1] = transposed ? (byte)j : (byte)i;
        }
        const int streamBytes = InitialXofBlocks * Symmetric.XofBlockBytes;
        Span<byte> streams = stackalloc byte[Params.K * Params.K * streamBytes];
        Symmetric.Xof4(streams, seed, xy);
        for (int e = 0; e < Params.K * Params.K; e++)
        {
            ParseEntry(a[e / Params.K].Vec[e % Params.K].Coeffs, streams.Slice(e * streamBytes, streamBytes), seed, xy[2 * e], xy[2 * e + 1]);
        }
    }

    /// <summary>
    /// One entry Parse(XOF(ρ, x, y)): parses the stream's first <see cref="InitialXofBlocks"/> blocks and, in the
    /// rare case that leaves coefficients missing, reads the stream on from there block by block until 256 are
    /// found. 168 is a multiple of 3, so parsing block by block reads the stream exactly as one piece.
    /// </summary>
    internal static void GenerateEntry(short[] coefficients, ReadOnlySpan<byte> seed, byte x, byte y)
    {
        Span<byte> stream = stackalloc byte[InitialXofBlocks * Symmetric.XofBlockBytes];
        Symmetric.Xof(stream, seed, x, y);
        ParseEntry(coefficients, stream, seed, x, y);
    }

    /// <summary>Parse of the stream's first blocks, already squeezed, continued from the XOF if they do not suffice.</summary>
    private static void ParseEntry(short[] coefficients, ReadOnlySpan<byte> firstBlocks, ReadOnlySpan<byte> seed, byte x, byte y)
    {
        int count = RejectionSample(coefficients, 0, firstBlocks);
        if (count < Params.N)
        {
            var xof = Symmetric.XofStreamFrom(seed, x, y, firstBlocks.Length);
            Span<byte> block = stackalloc byte[Symmetric.XofBlockBytes];
            while (count < Params.N)
            {
                Symmetric.XofSqueezeBlock(xof, block);
                count = RejectionSample(coefficients, count, block);
            }
        }
    }

    /// <summary>
    /// The first four noise polynomials of KeyGen or Enc, first_0, first_1, second_0, second_1 = CBD(PRF(seed, 0 ... 3)),
    /// drawn together (<see cref="Symmetric.Prf4"/>) at η1's length: a polynomial of η2 &lt; η1 reads the first 64·η2
    /// bytes, a shorter output of the same PRF.
    /// </summary>
    private static void SampleFourNoise(ReadOnlySpan<byte> seed, PolyVec first, int firstEta, PolyVec second, int secondEta)
    {
        const int noiseBytes = 64 * Params.Eta1;
        Span<byte> noise = stackalloc byte[4 * noiseBytes];
        Symmetric.Prf4(noise, seed, 0);
        first.Vec[0].SampleNoise(noise[..noiseBytes], firstEta);
        first.Vec[1].SampleNoise(noise.Slice(noiseBytes, noiseBytes), firstEta);
        second.Vec[0].SampleNoise(noise.Slice(2 * noiseBytes, noiseBytes), secondEta);
        second.Vec[1].SampleNoise(noise.Slice(3 * noiseBytes, noiseBytes), secondEta);
        CryptographicOperations.ZeroMemory(noise);
    }

    /// <summary>
    /// Kyber.CPAPKE.KeyGen (Algorithm 4) from the 32 random bytes d: (ρ, σ) = G(d); Â from ρ; s, e from
    /// CBD_η1(PRF(σ, N)); t̂ = Â∘ŝ + ê. pk = Encode_12(t̂) || ρ, sk = Encode_12(ŝ).
    /// </summary>
    public static void KeyPair(Span<byte> publicKey, Span<byte> secretKey, ReadOnlySpan<byte> d, Workspace w)
    {
        Span<byte> buffer = stackalloc byte[2 * Params.SymBytes];
        Symmetric.HashG(buffer, d);
        ReadOnlySpan<byte> publicSeed = buffer[..Params.SymBytes];   // ρ
        ReadOnlySpan<byte> noiseSeed = buffer[Params.SymBytes..];    // σ

        PolyVec[] a = w.Matrix;
        GenerateMatrix(a, publicSeed, transposed: false);

        PolyVec s = w.S, e = w.E, t = w.T;
        SampleFourNoise(noiseSeed, s, Params.Eta1, e, Params.Eta1); // s_0, s_1, e_0, e_1 from PRF(σ, 0 ... 3)

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

        CryptographicOperations.ZeroMemory(buffer);
    }

    /// <summary>
    /// Kyber.CPAPKE.Enc (Algorithm 5) of the 32-byte message m under pk with the 32-byte coins r:
    /// r, e1 from CBD_η1 / CBD_η2 of PRF(coins, N), e2 from CBD_η2; u = NTT^-1(Â^T∘r̂) + e1,
    /// v = NTT^-1(t̂^T∘r̂) + e2 + Decompress_q(m, 1); c = Encode_du(Compress(u)) || Encode_dv(Compress(v)).
    /// </summary>
    public static void Encrypt(Span<byte> ciphertext, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey,
        ReadOnlySpan<byte> coins, Workspace w)
    {
        PolyVec t = w.T;
        t.FromBytes(publicKey[..Params.PolyVecBytes]);
        ReadOnlySpan<byte> publicSeed = publicKey.Slice(Params.PolyVecBytes, Params.SymBytes);

        Poly k = w.Message;
        k.FromMessage(message);

        PolyVec[] at = w.Matrix;
        GenerateMatrix(at, publicSeed, transposed: true);

        PolyVec r = w.R, e1 = w.E1;
        Poly e2 = w.E2;
        SampleFourNoise(coins, r, Params.Eta1, e1, Params.Eta2); // r_0, r_1, e1_0, e1_1 from PRF(coins, 0 ... 3)
        e2.GetNoise(coins, 4, Params.Eta2);                      // e2 from PRF(coins, 4)

        r.Ntt();

        PolyVec u = w.U;
        Poly v = w.V;
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
    }

    /// <summary>
    /// Kyber.CPAPKE.Dec (Algorithm 6): u = Decompress(Decode_du(c1)), v = Decompress(Decode_dv(c2));
    /// m = Encode_1(Compress_q(v − NTT^-1(ŝ^T∘NTT(u)), 1)).
    /// </summary>
    public static void Decrypt(Span<byte> message, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey,
        Workspace w)
    {
        PolyVec u = w.U;
        Poly v = w.V;
        u.DecompressFrom(ciphertext[..Params.PolyVecCompressedBytes]);
        v.DecompressFrom(ciphertext.Slice(Params.PolyVecCompressedBytes, Params.PolyCompressedBytes), Params.Dv);

        PolyVec s = w.S;
        s.FromBytes(secretKey[..Params.IndCpaSecretKeyBytes]);

        Poly mp = w.Product;
        u.Ntt();
        PolyVec.BaseMulAccMontgomery(mp, s, u);
        mp.InvNttToMont();

        Poly.Sub(mp, v, mp);
        mp.BarrettReduce();
        mp.ToMessage(message);
    }
}
