namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// Sampling from the centred binomial distribution B_η (round-3 specification Algorithm 2, "CBD_η";
/// reference <c>cbd.c</c>).
/// </summary>
internal static class Cbd
{
    /// <summary>
    /// CBD_η: from 64·η bytes with bits β, coefficient i is Σ_{j&lt;η} β[2iη + j] − Σ_{j&lt;η} β[2iη + η + j].
    /// The reference computes the same sums with word-level bit tricks.
    /// </summary>
    public static void Sample(short[] coefficients, ReadOnlySpan<byte> input, int eta)
    {
        if (input.Length != 64 * eta)
        {
            throw new ArgumentException("CBD: wrong input length.");
        }
        for (int i = 0; i < Params.N; i++)
        {
            int a = 0, b = 0;
            for (int j = 0; j < eta; j++)
            {
                a += Bit(input, 2 * i * eta + j);
                b += Bit(input, 2 * i * eta + eta + j);
            }
            coefficients[i] = (short)(a - b);
        }
    }

    private static int Bit(ReadOnlySpan<byte> bytes, int index) => (bytes[index / 8] >> (index % 8)) & 1;
}
