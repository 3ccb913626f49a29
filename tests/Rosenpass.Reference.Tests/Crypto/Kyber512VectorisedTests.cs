using CsCheck;
using Rosenpass.Reference.Crypto.Kyber512;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// Kyber512's AVX2 path (<see cref="NttAvx2"/>, <see cref="FqVector"/>) against the scalar code it replaces on this
/// machine (spec §2.5): the same value in every lane for the reductions, the same polynomial for the transforms and
/// base multiplication on random inputs, and the KATs through the scalar fallback, so both paths stay tested.
/// </summary>
public class Kyber512VectorisedTests
{
    [Fact]
    public void Avx2_is_available_here()
    {
        // This project's machines have AVX2; on others the scalar code runs and the comparisons below cannot.
        Assert.True(NttAvx2.IsSupported);
        Assert.True(Ntt.Vectorised);
    }

    private static void OnScalar(Action action)
    {
        Ntt.t_forceScalar = true;
        try
        {
            action();
        }
        finally
        {
            Ntt.t_forceScalar = false;
        }
    }

    [Fact]
    public void Vector_barrett_reduction_equals_the_scalar_one_on_every_input()
    {
        if (!NttAvx2.IsSupported) return; // Avx2_is_available_here fails instead
        short[] lanes = new short[16];
        for (int a = short.MinValue; a <= short.MaxValue; a += 16)
        {
            for (int l = 0; l < 16; l++) lanes[l] = (short)(a + l);
            var reduced = FqVector.BarrettReduce(System.Runtime.Intrinsics.Vector256.Create<short>(lanes));
            for (int l = 0; l < 16; l++)
            {
                if (reduced[l] != Reduce.BarrettReduce(lanes[l]))
                {
                    Assert.Fail($"BarrettReduce({lanes[l]}): vector {reduced[l]}, scalar {Reduce.BarrettReduce(lanes[l])}");
                }
            }
        }
    }

    [Fact]
    public void Vector_montgomery_multiplication_equals_the_scalar_one()
    {
        if (!NttAvx2.IsSupported) return;
        Gen.Short.Array[16].Select(Gen.Short.Array[16]).Sample((a, b) =>
        {
            var product = FqVector.MontgomeryMultiply(System.Runtime.Intrinsics.Vector256.Create<short>(a),
                System.Runtime.Intrinsics.Vector256.Create<short>(b));
            for (int l = 0; l < 16; l++)
            {
                Assert.Equal(Reduce.MontgomeryReduce(a[l] * b[l]), product[l]);
            }
        }, iter: 5000);
    }

    /// <summary>A polynomial with coefficients in the range the transforms get: (-q, q) after Barrett, wider after sums.</summary>
    private static readonly Gen<short[]> Coefficients = Gen.Short[-4 * Params.Q, 4 * Params.Q].Array[Params.N];

    [Fact]
    public void Forward_transform_equals_the_scalar_one()
    {
        if (!NttAvx2.IsSupported) return;
        Gen.Short[-Params.Q + 1, Params.Q - 1].Array[Params.N].Sample(input =>
        {
            short[] vector = (short[])input.Clone(), scalar = (short[])input.Clone();
            NttAvx2.Forward(vector);
            Ntt.Forward(scalar);
            Assert.Equal(scalar, vector);
        }, iter: 500);
    }

    [Fact]
    public void Inverse_transform_equals_the_scalar_one()
    {
        if (!NttAvx2.IsSupported) return;
        Gen.Short.Array[Params.N].Sample(input =>
        {
            short[] vector = (short[])input.Clone(), scalar = (short[])input.Clone();
            NttAvx2.InverseToMont(vector);
            Ntt.InverseToMont(scalar);
            Assert.Equal(scalar, vector);
        }, iter: 500);
    }

    [Fact]
    public void Base_multiplication_reduction_and_sums_equal_the_scalar_ones()
    {
        if (!NttAvx2.IsSupported) return;
        Gen.Select(Coefficients.Array[Params.K], Coefficients.Array[Params.K]).Sample((a, b) =>
        {
            PolyVec va = new(), vb = new();
            for (int k = 0; k < Params.K; k++)
            {
                a[k].CopyTo(va.Vec[k].Coeffs, 0);
                b[k].CopyTo(vb.Vec[k].Coeffs, 0);
            }
            Poly vector = new(), scalar = new();
            PolyVec.BaseMulAccMontgomery(vector, va, vb);
            OnScalar(() => PolyVec.BaseMulAccMontgomery(scalar, va, vb));
            Assert.Equal(scalar.Coeffs, vector.Coeffs);

            a[0].CopyTo(vector.Coeffs, 0);
            a[0].CopyTo(scalar.Coeffs, 0);
            vector.BarrettReduce();
            OnScalar(scalar.BarrettReduce);
            Assert.Equal(scalar.Coeffs, vector.Coeffs);

            a[0].CopyTo(vector.Coeffs, 0);
            a[0].CopyTo(scalar.Coeffs, 0);
            vector.ToMont();
            OnScalar(scalar.ToMont);
            Assert.Equal(scalar.Coeffs, vector.Coeffs);

            Poly.Add(vector, va.Vec[0], vb.Vec[1]);
            OnScalar(() => Poly.Add(scalar, va.Vec[0], vb.Vec[1]));
            Assert.Equal(scalar.Coeffs, vector.Coeffs);
            Poly.Sub(vector, va.Vec[1], vb.Vec[0]);
            OnScalar(() => Poly.Sub(scalar, va.Vec[1], vb.Vec[0]));
            Assert.Equal(scalar.Coeffs, vector.Coeffs);
        }, iter: 500);
    }

    [Fact]
    public void Scalar_fallback_computes_the_same_key_exchange()
    {
        // The KATs run the vector path here; this runs the scalar one through key generation, encapsulation and
        // decapsulation from the same coins and compares the bytes.
        Gen.Byte.Array[48].Sample(seed =>
        {
            byte[][] vector = Run(seed), scalar = [];
            OnScalar(() => scalar = Run(seed));
            for (int i = 0; i < vector.Length; i++)
            {
                Assert.Equal(scalar[i], vector[i]);
            }
            Assert.Equal(vector[3], vector[4]);
        }, iter: 20, threads: 1);
    }

    private static byte[][] Run(byte[] seed)
    {
        using var drbg = new Rosenpass.Reference.Vectors.NistCtrDrbg(seed);
        byte[] pk = new byte[Kyber512Kem.PublicKeyLength], sk = new byte[Kyber512Kem.SecretKeyLength];
        byte[] ct = new byte[Kyber512Kem.CiphertextLength], ss = new byte[32], ss2 = new byte[32];
        Kyber512Kem.GenerateKeyPair(pk, sk, drbg);
        Kyber512Kem.Encapsulate(ct, ss, pk, drbg);
        Kyber512Kem.Decapsulate(ss2, ct, sk);
        return [pk, sk, ct, ss, ss2];
    }
}
