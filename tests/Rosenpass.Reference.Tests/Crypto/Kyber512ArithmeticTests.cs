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
}
