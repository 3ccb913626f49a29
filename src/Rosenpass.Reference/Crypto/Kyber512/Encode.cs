namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// Encode_ℓ and Decode_ℓ of the round-3 specification (Algorithm 3, spec §2.5): a polynomial's 256
/// coefficients of ℓ bits each, packed little-endian, least significant bit first, into 32·ℓ bytes.
/// The reference packs each ℓ by hand (<c>poly_tobytes</c>, <c>poly_compress</c>, ...); the bytes are the same.
/// </summary>
internal static class Encode
{
    /// <summary>
    /// Encode_ℓ: writes the low ℓ bits of each of the 256 values to 32·ℓ bytes, for the ℓ Kyber512 uses (12, 10, 4,
    /// 1), in the reference's shapes (<c>poly_tobytes</c>, <c>polyvec_compress</c>, <c>poly_compress</c>,
    /// <c>poly_tomsg</c>): a group of values that fills whole bytes (two of 12 bits: 3 bytes; four of 10: 5; two of
    /// 4: 1; eight of 1: 1) is written with fixed shifts. Every loop runs a number of times fixed by ℓ, and every
    /// index depends only on the loop counter, never on the values (which may be secret).
    /// </summary>
    public static void Pack(Span<byte> output, ReadOnlySpan<int> values, int l)
    {
        if (values.Length != Params.N || output.Length != Params.N * l / 8)
        {
            throw new ArgumentException("Encode: wrong length.");
        }
        switch (l)
        {
            case 12:
                for (int i = 0; i < Params.N / 2; i++)
                {
                    int t0 = values[2 * i] & 0xFFF, t1 = values[2 * i + 1] & 0xFFF;
                    output[3 * i] = (byte)t0;
                    output[3 * i + 1] = (byte)((t0 >> 8) | (t1 << 4));
                    output[3 * i + 2] = (byte)(t1 >> 4);
                }
                break;
            case 10:
                for (int i = 0; i < Params.N / 4; i++)
                {
                    int t0 = values[4 * i] & 0x3FF, t1 = values[4 * i + 1] & 0x3FF;
                    int t2 = values[4 * i + 2] & 0x3FF, t3 = values[4 * i + 3] & 0x3FF;
                    output[5 * i] = (byte)t0;
                    output[5 * i + 1] = (byte)((t0 >> 8) | (t1 << 2));
                    output[5 * i + 2] = (byte)((t1 >> 6) | (t2 << 4));
                    output[5 * i + 3] = (byte)((t2 >> 4) | (t3 << 6));
                    output[5 * i + 4] = (byte)(t3 >> 2);
                }
                break;
            case 4:
                for (int i = 0; i < Params.N / 2; i++)
                {
                    output[i] = (byte)((values[2 * i] & 0xF) | ((values[2 * i + 1] & 0xF) << 4));
                }
                break;
            case 1:
                for (int i = 0; i < Params.N / 8; i++)
                {
                    int b = 0;
                    for (int k = 0; k < 8; k++)
                    {
                        b |= (values[8 * i + k] & 1) << k;
                    }
                    output[i] = (byte)b;
                }
                break;
            default:
                throw new ArgumentException("Encode: ℓ must be 12, 10, 4 or 1.");
        }
    }

    /// <summary>Decode_ℓ: reads 256 values of ℓ bits each from 32·ℓ bytes, the inverse of <see cref="Pack"/>.</summary>
    public static void Unpack(Span<int> values, ReadOnlySpan<byte> input, int l)
    {
        if (values.Length != Params.N || input.Length != Params.N * l / 8)
        {
            throw new ArgumentException("Decode: wrong length.");
        }
        switch (l)
        {
            case 12:
                for (int i = 0; i < Params.N / 2; i++)
                {
                    int a0 = input[3 * i], a1 = input[3 * i + 1], a2 = input[3 * i + 2];
                    values[2 * i] = (a0 | (a1 << 8)) & 0xFFF;
                    values[2 * i + 1] = (a1 >> 4) | (a2 << 4);
                }
                break;
            case 10:
                for (int i = 0; i < Params.N / 4; i++)
                {
                    int a0 = input[5 * i], a1 = input[5 * i + 1], a2 = input[5 * i + 2], a3 = input[5 * i + 3], a4 = input[5 * i + 4];
                    values[4 * i] = (a0 | (a1 << 8)) & 0x3FF;
                    values[4 * i + 1] = ((a1 >> 2) | (a2 << 6)) & 0x3FF;
                    values[4 * i + 2] = ((a2 >> 4) | (a3 << 4)) & 0x3FF;
                    values[4 * i + 3] = (a3 >> 6) | (a4 << 2);
                }
                break;
            case 4:
                for (int i = 0; i < Params.N / 2; i++)
                {
                    values[2 * i] = input[i] & 0xF;
                    values[2 * i + 1] = input[i] >> 4;
                }
                break;
            case 1:
                for (int i = 0; i < Params.N; i++)
                {
                    values[i] = (input[i / 8] >> (i % 8)) & 1;
                }
                break;
            default:
                throw new ArgumentException("Decode: ℓ must be 12, 10, 4 or 1.");
        }
    }
}
