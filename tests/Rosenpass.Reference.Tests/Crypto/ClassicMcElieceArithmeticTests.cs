using System.Runtime.Intrinsics;
using CsCheck;
using Rosenpass.Reference.Crypto.ClassicMcEliece;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// The building blocks of Crypto/ClassicMcEliece against direct computation in the field: bitsliced products and
/// inverses against one-element-at-a-time arithmetic, the additive FFT against Horner's rule at every field
/// element, its transpose against the power sums it stands for, and the Beneš network against its definition
/// on an index list (round-4 spec §5: A'[x] = A[π(x)] layer by layer).
/// </summary>
public class ClassicMcElieceArithmeticTests
{
    private const int W = GfBitsliced.Width;

    private static ushort Lane(ReadOnlySpan<ulong> vector, int lane)
    {
        int value = 0;
        for (int b = 0; b < W; b++) value |= (int)((vector[b] >> lane) & 1) << b;
        return (ushort)value;
    }

    private static readonly Gen<ushort[]> Elements64 = Gen.UShort[0, Params.Q - 1].Array[64];

    private static ulong[] Bitslice(ushort[] elements)
    {
        var vector = new ulong[W * ((elements.Length + 63) / 64)];
        for (int i = 0; i < elements.Length; i++) FftConstants.SetLane(vector.AsSpan((i / 64) * W), i % 64, elements[i]);
        return vector;
    }

    private static Vector256<ulong>[] Group(ushort[][] four)
    {
        ulong[][] words = four.Select(Bitslice).ToArray();
        return Enumerable.Range(0, W).Select(b => Vector256.Create(words[0][b], words[1][b], words[2][b], words[3][b])).ToArray();
    }

    private static ushort Value(Vector256<ulong>[] values, int k)
    {
        int value = 0;
        for (int b = 0; b < W; b++) value |= (int)((FftValues.Word(values, k / 64, b) >> (k % 64)) & 1) << b;
        return (ushort)value;
    }

    [Fact]
    public void Bitsliced_products_squares_and_inverses_are_the_fields()
    {
        Gen.Select(Elements64.Array[4], Elements64.Array[4]).Sample((a, b) =>
        {
            // Four 64-lane vectors, in the lanes of Vector256s, and the first of them alone in 64-bit words.
            Vector256<ulong>[] fa = Group(a), fb = Group(b), product = new Vector256<ulong>[W], inverse = new Vector256<ulong>[W];
            Vector256<ulong>[] square = new Vector256<ulong>[W], sum = (Vector256<ulong>[])fa.Clone();
            GfBitsliced.Multiply(product, fa, fb);
            GfBitsliced.Invert(inverse, fa);
            GfBitsliced.Square(square, fb);
            GfBitsliced.MultiplyAdd(sum, fb, fb); // a + b²
            ulong[] scalarProduct = new ulong[W];
            GfBitsliced.Multiply(scalarProduct, Bitslice(a[0]), Bitslice(b[0]));
            for (int v = 0; v < 4; v++)
            {
                ulong[] p = product.Select(x => x[v]).ToArray(), inv = inverse.Select(x => x[v]).ToArray();
                ulong[] sq = square.Select(x => x[v]).ToArray(), added = sum.Select(x => x[v]).ToArray();
                for (int lane = 0; lane < 64; lane++)
                {
                    Assert.Equal(GfScalar.Multiply(a[v][lane], b[v][lane]), Lane(p, lane));
                    Assert.Equal(GfScalar.Multiply(b[v][lane], b[v][lane]), Lane(sq, lane));
                    Assert.Equal(a[v][lane] ^ GfScalar.Multiply(b[v][lane], b[v][lane]), Lane(added, lane));
                    Assert.Equal(a[v][lane] == 0 ? 0 : 1, GfScalar.Multiply(a[v][lane], Lane(inv, lane)));
                    if (v == 0) Assert.Equal(Lane(p, lane), Lane(scalarProduct, lane));
                }
            }
        }, iter: 100);
    }

    [Fact]
    public void Scalar_field_has_the_specified_polynomial()
    {
        // z^13 = z^4 + z^3 + z + 1 (spec §6 for mceliece460896), and z generates the multiplicative group.
        Assert.Equal(0b1_1011, GfScalar.Multiply(1 << 12, 2));
        ushort x = 1;
        for (int i = 1; i < Params.Q - 1; i++) { x = GfScalar.Multiply(x, 2); Assert.NotEqual(1, x); }
        Assert.Equal(1, GfScalar.Multiply(x, 2));
    }

    /// <summary>f(x) by Horner's rule.</summary>
    private static ushort Evaluate(ushort[] coefficients, ushort x)
    {
        ushort value = 0;
        for (int i = coefficients.Length - 1; i >= 0; i--) value = (ushort)(GfScalar.Multiply(value, x) ^ coefficients[i]);
        return value;
    }

    [Fact]
    public void Fft_evaluates_at_every_field_element_in_bit_reversed_order()
    {
        Gen.UShort[0, Params.Q - 1].Array[128].Sample(coefficients =>
        {
            ulong[] input = Bitslice(coefficients);
            var values = new Vector256<ulong>[FftValues.Length];
            AdditiveFft.Evaluate(input, values);
            for (int k = 0; k < Params.Q; k++)
            {
                ushort x = (ushort)GfScalar.Reverse(k, Params.M);
                Assert.Equal(Evaluate(coefficients, x), Value(values, k));
            }
        }, iter: 4, threads: 1);
    }

    [Fact]
    public void Transposed_fft_gives_the_power_sums()
    {
        Gen.UShort[0, Params.Q - 1].Array[Params.Q].Sample(weights =>
        {
            ulong[] sums = new ulong[4 * W];
            var input = new Vector256<ulong>[FftValues.Length];
            for (int k = 0; k < Params.Q; k++)
                for (int b = 0; b < W; b++) FftValues.Word(input, k / 64, b) |= (ulong)((weights[k] >> b) & 1) << (k % 64);
            AdditiveFftTranspose.Sum(input, sums);
            var expected = new ushort[256];
            for (int k = 0; k < Params.Q; k++)
            {
                ushort x = (ushort)GfScalar.Reverse(k, Params.M), power = weights[k];
                for (int i = 0; i < 256; i++) { expected[i] ^= power; power = GfScalar.Multiply(power, x); }
            }
            for (int i = 0; i < 256; i++) Assert.Equal(expected[i], Lane(sums.AsSpan((i / 64) * W), i % 64));
        }, iter: 2, threads: 1);
    }

    [Fact]
    public void Benes_network_permutes_as_its_layers_define()
    {
        Gen.Byte.Array[Params.ControlBitsBytes].Sample(control =>
        {
            // The definition on an index list: layer i has stride 2^i (i ≤ 12) or 2^(24-i); its j-th pair swaps on bit j.
            int[] pi = Enumerable.Range(0, Params.Q).ToArray();
            for (int layer = 0; layer < 25; layer++)
            {
                int stride = 1 << (layer < 13 ? layer : 24 - layer), j = 0;
                for (int start = 0; start < Params.Q; start += 2 * stride)
                    for (int x = start; x < start + stride; x++, j++)
                        if (((control[512 * layer + j / 8] >> (j % 8)) & 1) == 1) (pi[x], pi[x + stride]) = (pi[x + stride], pi[x]);
            }
            var random = new Random(control[0]);
            bool[] a = Enumerable.Range(0, Params.Q).Select(_ => random.Next(2) == 1).ToArray();
            ulong[] bits = new ulong[Params.QWords];
            for (int x = 0; x < Params.Q; x++) if (a[x]) bits[x / 64] |= 1UL << (x % 64);
            BenesNetwork.Apply(bits, control);
            for (int x = 0; x < Params.Q; x++) Assert.Equal(a[pi[x]], ((bits[x / 64] >> (x % 64)) & 1) == 1);
            BenesNetwork.ApplyInverse(bits, control);
            for (int x = 0; x < Params.Q; x++) Assert.Equal(a[x], ((bits[x / 64] >> (x % 64)) & 1) == 1);
        }, iter: 20);
    }
}
