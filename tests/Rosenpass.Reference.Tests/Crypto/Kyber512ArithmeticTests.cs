using CsCheck;
using Rosenpass.Reference.Crypto.Kyber512;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>The small arithmetic pieces of Kyber512 round 3 (spec §2.5), checked against their definitions.</summary>
public class Kyber512ArithmeticTests
{
    [Fact]
    public void DivideByQEqualsIntegerDivisionOnItsWholeDomain()
    {
        for (int n = 0; n < 1 << 22; n++)
        {
            if (Compress.DivideByQ(n) != n / Params.Q)
            {
                Assert.Fail($"DivideByQ({n}) = {Compress.DivideByQ(n)}, expected {n / Params.Q}");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(10)]
    public void CompressIsRoundingOfTwoToTheDOverQ(int d)
    {
        for (int x = 0; x < Params.Q; x++)
        {
            // ⌈(2^d / q)·x⌋ mod 2^d with exact rational rounding (ties up).
            long expected = ((2L * (x << d) + Params.Q) / (2L * Params.Q)) % (1 << d);
            Assert.Equal(expected, Compress.CompressCoefficient(x, d));
        }
    }

    [Fact]
    public void ZetasStartAsInTheReference()
    {
        // First entries of the reference's zetas table (ntt.c, round 3 v3.02).
        short[] expected = [-1044, -758, -359, -1517, 1493, 1422, 287, 202];
        Assert.Equal(expected, Ntt.Zetas.Take(8));
    }

    [Fact]
    public void ReductionsStayCongruent()
    {
        for (int a = short.MinValue; a <= short.MaxValue; a++)
        {
            short r = Reduce.BarrettReduce((short)a);
            Assert.True(Math.Abs((int)r) <= Params.Q / 2);
            Assert.Equal(0, ((a - r) % Params.Q + Params.Q) % Params.Q);
        }
        // MontgomeryReduce(a) ≡ a·2^-16 (mod q), i.e. MontgomeryReduce(a)·2^16 ≡ a.
        foreach (int a in new[] { 0, 1, -1, 3328, -3329 * 32767, 3329 * 32767, 123456789 % (3329 * 32768) })
        {
            int r = Reduce.MontgomeryReduce(a);
            Assert.True(Math.Abs(r) < Params.Q);
            Assert.Equal(0, (((long)r * 65536 - a) % Params.Q + Params.Q) % Params.Q);
        }
    }

    private static int Bit(byte[] bytes, int index) => (bytes[index / 8] >> (index % 8)) & 1;

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void CbdIsTheDifferenceOfBitSums(int eta)
    {
        // Algorithm 2 read literally: f_i = Σ_{j<η} β[2iη + j] − Σ_{j<η} β[2iη + η + j].
        Gen.Byte.Array[64 * eta].Sample(input =>
        {
            short[] sampled = new short[Params.N];
            Cbd.Sample(sampled, input, eta);
            for (int i = 0; i < Params.N; i++)
            {
                int a = 0, b = 0;
                for (int j = 0; j < eta; j++)
                {
                    a += Bit(input, 2 * i * eta + j);
                    b += Bit(input, 2 * i * eta + eta + j);
                }
                Assert.Equal(a - b, sampled[i]);
            }
        }, iter: 200);
    }

    [Fact]
    public void CbdRefusesOtherEtasAndLengths()
    {
        Assert.Throws<ArgumentException>(() => Cbd.Sample(new short[Params.N], new byte[64], 1));
        Assert.Throws<ArgumentException>(() => Cbd.Sample(new short[Params.N], new byte[191], 3));
    }

    [Fact]
    public void EncodeRefusesOtherWidthsAndLengths()
    {
        Assert.Throws<ArgumentException>(() => Encode.Pack(new byte[32 * 5], new int[Params.N], 5));
        Assert.Throws<ArgumentException>(() => Encode.Unpack(new int[Params.N], new byte[32 * 5], 5));
        Assert.Throws<ArgumentException>(() => Encode.Pack(new byte[32 * 12 - 1], new int[Params.N], 12));
        Assert.Throws<ArgumentException>(() => Encode.Unpack(new int[Params.N - 1], new byte[32 * 12], 12));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(12)]
    public void EncodeIsLittleEndianBitPackingAndDecodeItsInverse(int l)
    {
        // Algorithm 3 read literally: bit b of value i is bit i·ℓ + b of the output, least significant bit first.
        Gen.Int[0, (1 << l) - 1].Array[Params.N].Sample(values =>
        {
            byte[] packed = new byte[32 * l];
            Encode.Pack(packed, values, l);
            for (int i = 0; i < Params.N; i++)
            {
                for (int b = 0; b < l; b++)
                {
                    Assert.Equal((values[i] >> b) & 1, Bit(packed, i * l + b));
                }
            }
            int[] unpacked = new int[Params.N];
            Encode.Unpack(unpacked, packed, l);
            Assert.Equal(values, unpacked);
        }, iter: 50);
    }
}
