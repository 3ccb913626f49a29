namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// Encode_ℓ and Decode_ℓ of the round-3 specification (Algorithm 3, spec §2.5): a polynomial's 256
/// coefficients of ℓ bits each, packed little-endian, least significant bit first, into 32·ℓ bytes.
/// The reference packs each ℓ by hand (<c>poly_tobytes</c>, <c>poly_compress</c>, ...); the bytes are the same.
/// </summary>
internal static class Encode
{
    /// <summary>Encode_ℓ: writes the low ℓ bits of each of the 256 values to 32·ℓ bytes.</summary>
    public static void Pack(Span<byte> output, ReadOnlySpan<int> values, int l)
    {
        if (values.Length != Params.N || output.Length != Params.N * l / 8)
        {
            throw new ArgumentException("Encode: wrong length.");
        }
        output.Clear();
        for (int i = 0; i < Params.N; i++)
        {
            for (int b = 0; b < l; b++)
            {
                int bitIndex = i * l + b;
                int bit = (values[i] >> b) & 1;
                output[bitIndex / 8] |= (byte)(bit << (bitIndex % 8));
            }
        }
    }

    /// <summary>Decode_ℓ: reads 256 values of ℓ bits each from 32·ℓ bytes.</summary>
    public static void Unpack(Span<int> values, ReadOnlySpan<byte> input, int l)
    {
        if (values.Length != Params.N || input.Length != Params.N * l / 8)
        {
            throw new ArgumentException("Decode: wrong length.");
        }
        for (int i = 0; i < Params.N; i++)
        {
            int value = 0;
            for (int b = 0; b < l; b++)
            {
                int bitIndex = i * l + b;
                int bit = (input[bitIndex / 8] >> (bitIndex % 8)) & 1;
                value |= bit << b;
            }
            values[i] = value;
        }
    }
}
