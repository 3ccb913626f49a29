using System.Buffers.Binary;

namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// Sampling from the centred binomial distribution B_η (round-3 specification Algorithm 2, "CBD_η";
/// reference <c>cbd.c</c>, <c>cbd2</c> and <c>cbd3</c>).
/// </summary>
internal static class Cbd
{
    /// <summary>
    /// CBD_η: from 64·η bytes with bits β, coefficient i is Σ_{j&lt;η} β[2iη + j] − Σ_{j&lt;η} β[2iη + η + j].
    /// As in the reference, the sums of η adjacent bits are formed for many coefficients at once in one word
    /// (<see cref="SampleEta2"/>, <see cref="SampleEta3"/>); the input is secret noise, and every loop here runs
    /// a fixed number of times with indices that depend only on i, never on the bits.
    /// </summary>
    public static void Sample(Span<short> coefficients, ReadOnlySpan<byte> input, int eta)
    {
        if (input.Length != 64 * eta || coefficients.Length != Params.N)
        {
            throw new ArgumentException("CBD: wrong length.");
        }
        if (eta == 2)
        {
            SampleEta2(coefficients, input);
        }
        else if (eta == 3)
        {
            SampleEta3(coefficients, input);
        }
        else
        {
            throw new ArgumentException("CBD: η must be 2 or 3.");
        }
    }

    /// <summary>
    /// CBD_2 (<c>cbd2</c>): 32 bits give 8 coefficients. d holds, in each 2-bit field, β[2k] + β[2k+1]; the
    /// coefficient is the field 4j (a) minus the field 4j + 2 (b).
    /// </summary>
    private static void SampleEta2(Span<short> r, ReadOnlySpan<byte> input)
    {
        for (int i = 0; i < Params.N / 8; i++)
        {
            uint t = BinaryPrimitives.ReadUInt32LittleEndian(input.Slice(4 * i, 4));
            uint d = (t & 0x55555555) + ((t >> 1) & 0x55555555);
            for (int j = 0; j < 8; j++)
            {
                int a = (int)((d >> (4 * j)) & 0x3);
                int b = (int)((d >> (4 * j + 2)) & 0x3);
                r[8 * i + j] = (short)(a - b);
            }
        }
    }

    /// <summary>
    /// CBD_3 (<c>cbd3</c>): 24 bits give 4 coefficients. d holds, in each 3-bit field, β[3k] + β[3k+1] + β[3k+2];
    /// the coefficient is the field 6j (a) minus the field 6j + 3 (b).
    /// </summary>
    private static void SampleEta3(Span<short> r, ReadOnlySpan<byte> input)
    {
        for (int i = 0; i < Params.N / 4; i++)
        {
            uint t = input[3 * i] | ((uint)input[3 * i + 1] << 8) | ((uint)input[3 * i + 2] << 16);
            uint d = (t & 0x00249249) + ((t >> 1) & 0x00249249) + ((t >> 2) & 0x00249249);
            for (int j = 0; j < 4; j++)
            {
                int a = (int)((d >> (6 * j)) & 0x7);
                int b = (int)((d >> (6 * j + 3)) & 0x7);
                r[4 * i + j] = (short)(a - b);
            }
        }
    }
}
