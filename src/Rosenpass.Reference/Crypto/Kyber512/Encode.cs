namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// Encode_ℓ and Decode_ℓ of the round-3 specification (Algorithm 3, spec §2.5): a polynomial's 256
/// coefficients of ℓ bits each, packed little-endian, least significant bit first, into 32·ℓ bytes.
/// The reference packs each ℓ by hand (<c>poly_tobytes</c>, <c>poly_compress</c>, ...); the bytes are the same.
/// </summary>
internal static class Encode
{
    /// <summary>
    /// Encode_ℓ: writes the low ℓ bits of each of the 256 values to 32·ℓ bytes. The bits pass through a 64-bit
    /// accumulator, a whole byte leaving it whenever 8 or more are held; how many bytes leave after value i
    /// depends only on i and ℓ, never on the values (which may be secret).
    /// </summary>
    public static void Pack(Span<byte> output, ReadOnlySpan<int> values, int l)
    {
        if (values.Length != Params.N || output.Length != Params.N * l / 8)
        {
            throw new ArgumentException("Encode: wrong length.");
        }
        ulong mask = (1UL << l) - 1;
        ulong accumulator = 0;
        int held = 0, position = 0;
        for (int i = 0; i < Params.N; i++)
        {
            accumulator |= ((ulong)values[i] & mask) << held;
            held += l;
            for (; held >= 8; held -= 8)
            {
                output[position++] = (byte)accumulator;
                accumulator >>= 8;
            }
        }
    }

    /// <summary>
    /// Decode_ℓ: reads 256 values of ℓ bits each from 32·ℓ bytes, through a 64-bit accumulator that takes in
    /// a byte whenever fewer than ℓ bits are held (a count that depends only on i and ℓ).
    /// </summary>
    public static void Unpack(Span<int> values, ReadOnlySpan<byte> input, int l)
    {
        if (values.Length != Params.N || input.Length != Params.N * l / 8)
        {
            throw new ArgumentException("Decode: wrong length.");
        }
        ulong mask = (1UL << l) - 1;
        ulong accumulator = 0;
        int held = 0, position = 0;
        for (int i = 0; i < Params.N; i++)
        {
            for (; held < l; held += 8)
            {
                accumulator |= (ulong)input[position++] << held;
            }
            values[i] = (int)(accumulator & mask);
            accumulator >>= l;
            held -= l;
        }
    }
}
