namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The field F_q = F_2[z]/f(z), f = z^13 + z^4 + z^3 + z + 1 (CM §2 "Parameters" and §6), one element per
/// <see cref="ushort"/>: bit i is the coefficient of z^i (CM §5 "field elements").
/// Used only to compute public constants (the FFT's bases and multipliers), never on secrets; the secret
/// arithmetic is bitsliced (<see cref="GfBitsliced"/>).
/// </summary>
internal static class GfScalar
{
    /// <summary>f(z) without its leading term: z^13 = z^4 + z^3 + z + 1.</summary>
    private const int Reduction = 0b1_1011;

    public static ushort Multiply(ushort a, ushort b)
    {
        int product = 0;
        for (int i = 0; i < Params.M; i++)
        {
            product ^= ((b >> i) & 1) * (a << i);
        }
        for (int degree = 2 * Params.M - 2; degree >= Params.M; degree--)
        {
            product ^= ((product >> degree) & 1) * (Reduction << (degree - Params.M));
        }
        return (ushort)(product & (Params.Q - 1));
    }

    /// <summary>a^(q-2) = a^-1 for a ≠ 0 (and 0 for a = 0).</summary>
    public static ushort Inverse(ushort a)
    {
        ushort result = 1;
        for (int i = 0; i < Params.M - 1; i++)
        {
            a = Multiply(a, a); // a^(2^(i+1)); q - 2 = 2 + 4 + ... + 2^12
            result = Multiply(result, a);
        }
        return result;
    }

    /// <summary>The m-bit reversal of <paramref name="index"/> (the field-ordering convention of CM §4.2 and §5).</summary>
    public static int Reverse(int index, int bits)
    {
        int reversed = 0;
        for (int i = 0; i < bits; i++)
        {
            reversed |= ((index >> i) & 1) << (bits - 1 - i);
        }
        return reversed;
    }
}
