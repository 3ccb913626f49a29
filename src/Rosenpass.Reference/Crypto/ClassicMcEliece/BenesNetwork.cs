using System.Buffers.Binary;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The Beneš network of the secret key's control bits (CM §5, the private key's representation of the field
/// ordering α, with the control bits of CM §4.2/§5 "controlbits"): 2m - 1 = 25 layers over q = 8192 positions,
/// with strides 2^0, 2^1, ..., 2^12, 2^11, ..., 2^0. Layer i reads 2^(m-1) = 4096 control bits, bytes
/// [512 i, 512 i + 512), bit j of the layer (byte j/8, bit j mod 8) swapping the j-th pair (x, x + stride), pairs
/// counted by x ascending. Applied to an array A, the network gives A'[x] = A[π(x)]: applied to the list of
/// bit-reversed indices it gives the support α_x = bitrev(π(x)), which is how the key defines α.
/// </summary>
/// <remarks>
/// Here the array is q bits, bit x at bit (x mod 64) of word x / 64. Constant time: each layer visits every pair,
/// swapping by XOR with (difference AND control bit); the control bits (secret) are only ever data, never an index
/// or a branch.
/// </remarks>
internal static class BenesNetwork
{
    private const int Layers = 2 * Params.M - 1;
    private const int LayerBytes = Params.Q / 2 / 8;

    /// <summary>A'[x] = A[π(x)]: from FFT order (bit-reversed field elements) to support order.</summary>
    public static void Apply(Span<ulong> bits, ReadOnlySpan<byte> controlBits)
    {
        for (int layer = 0; layer < Layers; layer++)
        {
            ApplyLayer(bits, controlBits, layer);
        }
    }

    /// <summary>The inverse, A[π(x)] = A'[x]: each layer is its own inverse, so the layers run backwards.</summary>
    public static void ApplyInverse(Span<ulong> bits, ReadOnlySpan<byte> controlBits)
    {
        for (int layer = Layers - 1; layer >= 0; layer--)
        {
            ApplyLayer(bits, controlBits, layer);
        }
    }

    private static void ApplyLayer(Span<ulong> bits, ReadOnlySpan<byte> controlBits, int layer)
    {
        int log = layer < Params.M ? layer : Layers - 1 - layer;
        ReadOnlySpan<byte> control = controlBits.Slice(layer * LayerBytes, LayerBytes);
        if (log >= 6)
        {
            // Pairs of whole words (lo, lo + wordStride); the lower words, in order, take 64 control bits each.
            int wordStride = 1 << (log - 6);
            int next = 0;
            for (int start = 0; start < Params.QWords; start += 2 * wordStride)
            {
                for (int lo = start; lo < start + wordStride; lo++)
                {
                    ulong swap = (bits[lo] ^ bits[lo + wordStride]) & BinaryPrimitives.ReadUInt64LittleEndian(control.Slice(8 * next++, 8));
                    bits[lo] ^= swap;
                    bits[lo + wordStride] ^= swap;
                }
            }
        }
        else
        {
            // Pairs inside each word: its 32 pairs take 32 control bits, spread onto the pairs' lower positions.
            int stride = 1 << log;
            for (int w = 0; w < Params.QWords; w++)
            {
                ulong mask = Spread(BinaryPrimitives.ReadUInt32LittleEndian(control.Slice(4 * w, 4)), log);
                ulong swap = (bits[w] ^ (bits[w] >> stride)) & mask;
                bits[w] ^= swap ^ (swap << stride);
            }
        }
    }

    /// <summary>
    /// Deposits 32 bits onto the 32 positions whose bit <paramref name="log"/> is 0 (the lower element of each pair):
    /// chunks of 2^log bits move apart by halving steps, each a fixed shift and mask.
    /// </summary>
    private static ulong Spread(uint control, int log)
    {
        ulong x = control;
        for (int shift = 16; shift >= 1 << log; shift >>= 1)
        {
            x = (x | (x << shift)) & SpreadMasks[BitOperationsLog2(shift)];
        }
        return x;
    }

    private static int BitOperationsLog2(int value) => System.Numerics.BitOperations.Log2((uint)value);

    /// <summary>[log2 s]: s ones, s zeros, repeated.</summary>
    private static readonly ulong[] SpreadMasks =
    [
        0x5555555555555555, 0x3333333333333333, 0x0F0F0F0F0F0F0F0F, 0x00FF00FF00FF00FF, 0x0000FFFF0000FFFF,
    ];
}
