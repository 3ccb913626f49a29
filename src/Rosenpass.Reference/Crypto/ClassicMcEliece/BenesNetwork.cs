using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
/// Here the array is q bits, bit x at bit (x mod 64) of word x / 64, four words to a <see cref="Vector256{T}"/>.
/// Constant time: each layer visits every pair, swapping by XOR with (difference AND control bit); the control bits
/// (secret) are only ever data, never an index or a branch.
/// </remarks>
internal static class BenesNetwork
{
    private const int Layers = 2 * Params.M - 1;
    private const int LayerBytes = Params.Q / 2 / 8;
    private const int Vectors = Params.QWords / 4;

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

    /// <summary>
    /// One layer, four words per <see cref="Vector256{T}"/> (the array is 32 of them, the layer's 512 control bytes
    /// 16 of them, read as little-endian words).
    /// </summary>
    private static void ApplyLayer(Span<ulong> bits, ReadOnlySpan<byte> controlBits, int layer)
    {
        int log = layer < Params.M ? layer : Layers - 1 - layer;
        Span<Vector256<ulong>> v = MemoryMarshal.Cast<ulong, Vector256<ulong>>(bits);
        ReadOnlySpan<byte> control = controlBits.Slice(layer * LayerBytes, LayerBytes);
        if (log >= 8)
        {
            // Pairs of whole vectors (lo, lo + vectorStride); the lower words, in order, take 64 control bits each,
            // so the lower vectors, in order, take 256 each.
            int vectorStride = 1 << (log - 8);
            int next = 0;
            for (int start = 0; start < Vectors; start += 2 * vectorStride)
            {
                for (int lo = start; lo < start + vectorStride; lo++)
                {
                    Vector256<ulong> mask = Vector256.Create(ControlWords(control, 2 * next), ControlWords(control, 2 * next + 1));
                    next++;
                    Vector256<ulong> swap = (v[lo] ^ v[lo + vectorStride]) & mask;
                    v[lo] ^= swap;
                    v[lo + vectorStride] ^= swap;
                }
            }
        }
        else if (log >= 6)
        {
            // Pairs of words inside a vector, lanes (0, 2), (1, 3) for stride 2 words, (0, 1), (2, 3) for stride 1:
            // vector i's two lower words take control words 2i, 2i + 1, placed on both words of their pair.
            Vector256<ulong> partner = log == 7 ? Vector256.Create(2UL, 3, 0, 1) : Vector256.Create(1UL, 0, 3, 2);
            Vector256<ulong> spread = log == 7 ? Vector256.Create(0UL, 1, 0, 1) : Vector256.Create(0UL, 0, 1, 1);
            for (int i = 0; i < Vectors; i++)
            {
                Vector128<ulong> words = ControlWords(control, i);
                Vector256<ulong> mask = Vector256.Shuffle(Vector256.Create(words, words), spread);
                v[i] ^= (v[i] ^ Vector256.Shuffle(v[i], partner)) & mask;
            }
        }
        else
        {
            // Pairs inside each word: its 32 pairs take 32 control bits, spread onto the pairs' lower positions.
            int stride = 1 << log;
            for (int i = 0; i < Vectors; i++)
            {
                Vector128<uint> halves = ControlWords(control, i).AsUInt32(); // vector i's four words: 32 bits each
                Vector256<ulong> mask = Spread(Vector256.Create(Vector128.WidenLower(halves), Vector128.WidenUpper(halves)), log);
                Vector256<ulong> swap = (v[i] ^ Vector256.ShiftRightLogical(v[i], stride)) & mask;
                v[i] ^= swap ^ Vector256.ShiftLeft(swap, stride);
            }
        }
    }

    /// <summary>
    /// Control bytes 16 i ... 16 i + 15 of the layer as two little-endian 64-bit words (on a big-endian machine each
    /// word's bytes are reversed first).
    /// </summary>
    private static Vector128<ulong> ControlWords(ReadOnlySpan<byte> control, int i)
    {
        Vector128<byte> bytes = Vector128.Create(control.Slice(16 * i, 16));
        return (BitConverter.IsLittleEndian ? bytes : Vector128.Shuffle(bytes, Vector128.Create((byte)7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8))).AsUInt64();
    }

    /// <summary>
    /// Deposits 32 bits onto the 32 positions whose bit <paramref name="log"/> is 0 (the lower element of each pair),
    /// in each lane: chunks of 2^log bits move apart by halving steps, each a fixed shift and mask.
    /// </summary>
    private static Vector256<ulong> Spread(Vector256<ulong> x, int log)
    {
        for (int step = 4; step >= log; step--)
        {
            x = (x | Vector256.ShiftLeft(x, 1 << step)) & Vector256.Create(SpreadMasks[step]);
        }
        return x;
    }

    /// <summary>[log2 s]: s ones, s zeros, repeated.</summary>
    private static readonly ulong[] SpreadMasks =
    [
        0x5555555555555555, 0x3333333333333333, 0x0F0F0F0F0F0F0F0F, 0x00FF00FF00FF00FF, 0x0000FFFF0000FFFF,
    ];
}
