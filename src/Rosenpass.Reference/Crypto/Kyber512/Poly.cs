using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// An element of R_q = Z_q[X]/(X^256 + 1): 256 coefficients, in normal or NTT domain as the caller knows
/// (reference <c>poly.c</c>). Coefficients are 16-bit signed and not always fully reduced, as in the reference.
/// Polynomials live in a <see cref="Workspace"/>, made once per thread.
/// </summary>
internal sealed class Poly
{
    /// <summary>The coefficients f_0 ... f_255.</summary>
    public readonly short[] Coeffs = GC.AllocateArray<short>(Params.N, pinned: true);

    /// <summary>Encode_12 of the coefficients mapped to [0, q) (<c>poly_tobytes</c>); 384 bytes.</summary>
    public void ToBytes(Span<byte> output)
    {
        Span<int> values = stackalloc int[Params.N];
        for (int i = 0; i < Params.N; i++)
        {
            values[i] = Reduce.ToPositive(Coeffs[i]);
        }
        Encode.Pack(output, values, 12);
        values.Clear();
    }

    /// <summary>Decode_12 (<c>poly_frombytes</c>); round 3 does not check that values are below q.</summary>
    public void FromBytes(ReadOnlySpan<byte> input)
    {
        Span<int> values = stackalloc int[Params.N];
        Encode.Unpack(values, input, 12);
        for (int i = 0; i < Params.N; i++)
        {
            Coeffs[i] = (short)values[i];
        }
        values.Clear();
    }

    /// <summary>Encode_d(Compress_q(f, d)) (<c>poly_compress</c>, and per polynomial <c>polyvec_compress</c>).</summary>
    public void CompressTo(Span<byte> output, int d)
    {
        Span<int> values = stackalloc int[Params.N];
        for (int i = 0; i < Params.N; i++)
        {
            values[i] = Compress.CompressCoefficient(Reduce.ToPositive(Coeffs[i]), d);
        }
        Encode.Pack(output, values, d);
        values.Clear();
    }

    /// <summary>Decompress_q(Decode_d(input), d) (<c>poly_decompress</c>).</summary>
    public void DecompressFrom(ReadOnlySpan<byte> input, int d)
    {
        Span<int> values = stackalloc int[Params.N];
        Encode.Unpack(values, input, d);
        for (int i = 0; i < Params.N; i++)
        {
            Coeffs[i] = Compress.DecompressCoefficient(values[i], d);
        }
        values.Clear();
    }

    /// <summary>
    /// Decompress_q(Decode_1(m), 1) (<c>poly_frommsg</c>): each message bit becomes 0 or ⌈q/2⌋ = 1665,
    /// selected with a mask rather than a branch, since m is secret.
    /// </summary>
    public void FromMessage(ReadOnlySpan<byte> message)
    {
        if (message.Length != Params.SymBytes)
        {
            throw new ArgumentException("Message must be 32 bytes.");
        }
        for (int i = 0; i < Params.N; i++)
        {
            int bit = (message[i / 8] >> (i % 8)) & 1;
            Coeffs[i] = (short)(-bit & ((Params.Q + 1) / 2));
        }
    }

    /// <summary>Encode_1(Compress_q(f, 1)) (<c>poly_tomsg</c>); coefficients must be in (-q, q).</summary>
    public void ToMessage(Span<byte> message)
    {
        CompressTo(message, 1);
    }

    /// <summary>
    /// CBD_η(PRF(σ, nonce)) (<c>poly_getnoise_eta1</c>, <c>poly_getnoise_eta2</c>): a noise polynomial from
    /// 64·η bytes of SHAKE256(σ || nonce).
    /// </summary>
    public void GetNoise(ReadOnlySpan<byte> seed, byte nonce, int eta)
    {
        Span<byte> buffer = stackalloc byte[64 * eta];
        Symmetric.Prf(buffer, seed, nonce);
        Cbd.Sample(Coeffs, buffer, eta);
        CryptographicOperations.ZeroMemory(buffer);
    }

    /// <summary>CBD_η of the first 64·η bytes of a PRF output (noise drawn four at a time, <see cref="Symmetric.Prf4"/>).</summary>
    public void SampleNoise(ReadOnlySpan<byte> prfOutput, int eta)
    {
        Cbd.Sample(Coeffs, prfOutput[..(64 * eta)], eta);
    }

    /// <summary>NTT, then Barrett reduction of every coefficient (<c>poly_ntt</c>).</summary>
    public void Ntt()
    {
        if (Kyber512.Ntt.Vectorised)
        {
            NttAvx2.Forward(Coeffs);
        }
        else
        {
            Kyber512.Ntt.Forward(Coeffs);
        }
        BarrettReduce();
    }

    /// <summary>Inverse NTT, multiplying by the Montgomery factor 2^16 (<c>poly_invntt_tomont</c>).</summary>
    public void InvNttToMont()
    {
        if (Kyber512.Ntt.Vectorised)
        {
            NttAvx2.InverseToMont(Coeffs);
        }
        else
        {
            Kyber512.Ntt.InverseToMont(Coeffs);
        }
    }

    /// <summary>Multiplies every coefficient by 2^16 mod q, into Montgomery form (<c>poly_tomont</c>).</summary>
    public void ToMont()
    {
        if (Kyber512.Ntt.Vectorised)
        {
            NttAvx2.ToMont(Coeffs);
            return;
        }
        const short f = 1353; // 2^32 mod q
        for (int i = 0; i < Params.N; i++)
        {
            Coeffs[i] = Reduce.MontgomeryReduce(Coeffs[i] * f);
        }
    }

    /// <summary>Barrett reduction of every coefficient to the centred range (<c>poly_reduce</c>).</summary>
    public void BarrettReduce()
    {
        if (Kyber512.Ntt.Vectorised)
        {
            NttAvx2.BarrettReduce(Coeffs);
            return;
        }
        for (int i = 0; i < Params.N; i++)
        {
            Coeffs[i] = Reduce.BarrettReduce(Coeffs[i]);
        }
    }

    /// <summary>r = a + b, coefficient-wise, without reduction (<c>poly_add</c>).</summary>
    public static void Add(Poly r, Poly a, Poly b)
    {
        if (Kyber512.Ntt.Vectorised)
        {
            NttAvx2.Add(r.Coeffs, a.Coeffs, b.Coeffs);
            return;
        }
        for (int i = 0; i < Params.N; i++)
        {
            r.Coeffs[i] = (short)(a.Coeffs[i] + b.Coeffs[i]);
        }
    }

    /// <summary>r = a − b, coefficient-wise, without reduction (<c>poly_sub</c>).</summary>
    public static void Sub(Poly r, Poly a, Poly b)
    {
        if (Kyber512.Ntt.Vectorised)
        {
            NttAvx2.Subtract(r.Coeffs, a.Coeffs, b.Coeffs);
            return;
        }
        for (int i = 0; i < Params.N; i++)
        {
            r.Coeffs[i] = (short)(a.Coeffs[i] - b.Coeffs[i]);
        }
    }

    /// <summary>Zeroes the coefficients (spec §2.7), for polynomials that held secrets.</summary>
    public void Clear()
    {
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(Coeffs.AsSpan()));
    }
}
