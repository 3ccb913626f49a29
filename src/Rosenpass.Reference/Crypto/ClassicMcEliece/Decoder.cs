using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Buffers.Binary;
using System.Numerics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The decoding subroutine (CM §3.4): from a ciphertext C = He (mt bits) and the secret key (g, the control
/// bits of α), the error vector e of weight t, or failure. Berlekamp's decoder, as in the submission's optimised
/// implementations: v = (C, 0, ..., 0) has the same syndrome as e; its Goppa syndrome for g² comes from the
/// transposed FFT; Berlekamp–Massey gives the locator σ; the FFT finds σ's roots among all field elements.
/// Then the checks of §3.4: e has weight t, lies on the support (the first n positions), and H e = C (compared
/// as the syndrome of e against that of v).
/// </summary>
/// <remarks>
/// Constant time: every step runs on all q positions whatever the data; the outcome is a mask, never a branch.
/// </remarks>
internal static class Decoder
{
    private const int W = GfBitsliced.Width;

    /// <summary>
    /// Writes the candidate e (n bits) to <paramref name="error"/> and returns an all-ones mask if it is the
    /// decoding (weight t, on the support, syndrome C), all-zero otherwise.
    /// </summary>
    public static ulong Decode(Span<byte> error, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey, KemWorkspace work)
    {
        ReadOnlySpan<byte> controlBits = secretKey.Slice(Params.ControlBitsOffset, Params.ControlBitsBytes);

        // v = (C, 0, ..., 0) in support order, then moved to FFT order: bit π(x) ← v_x.
        Span<ulong> bits = work.Bits;
        bits.Clear();
        for (int i = 0; i < Params.CiphertextBytes; i++)
        {
            bits[i / 8] |= (ulong)ciphertext[i] << (8 * (i % 8));
        }
        BenesNetwork.ApplyInverse(bits, controlBits);

        // 1 / g(x_k)^2 for every field element x_k.
        LoadGoppaPolynomial(work.Polynomial, secretKey.Slice(Params.GoppaOffset, Params.GoppaBytes));
        AdditiveFft.Evaluate(work.Polynomial, work.Values);
        InvertSquares(work.Values, work.Inverses);

        // Syndrome of v, the locator, its roots: e_k = 1 where σ(x_k) = 0.
        Weigh(work.Weights, work.Inverses, bits);
        AdditiveFftTranspose.Sum(work.Weights, work.Syndrome);
        BerlekampMassey.Locator(work.Syndrome, work.Polynomial);
        AdditiveFft.Evaluate(work.Polynomial, work.Values);
        Span<Vector256<ulong>> bitGroups = MemoryMarshal.Cast<ulong, Vector256<ulong>>(bits);
        for (int g = 0; g < FftValues.Groups; g++)
        {
            Vector256<ulong> anyBit = Vector256<ulong>.Zero;
            for (int b = 0; b < W; b++)
            {
                anyBit |= work.Values[g * W + b];
            }
            bitGroups[g] = ~anyBit;
        }

        // Checks: H e = C (same syndrome as v), weight t in all q positions and within the first n.
        Weigh(work.Weights, work.Inverses, bits);
        AdditiveFftTranspose.Sum(work.Weights, work.SyndromeCheck);
        ulong difference = 0;
        for (int i = 0; i < 3 * W; i++) // S_0 ... S_191: words 0, 1, 2 of each bit plane
        {
            difference |= work.Syndrome[i] ^ work.SyndromeCheck[i];
        }
        int weightAll = 0;
        for (int v = 0; v < Params.QWords; v++)
        {
            weightAll += BitOperations.PopCount(bits[v]);
        }
        BenesNetwork.Apply(bits, controlBits);
        int weightSupport = 0;
        for (int v = 0; v < Params.ErrorWords; v++)
        {
            weightSupport += BitOperations.PopCount(bits[v]);
            BinaryPrimitives.WriteUInt64LittleEndian(error.Slice(8 * v, 8), bits[v]);
        }
        return IsZero(difference) & IsZero((ulong)(weightAll ^ Params.T)) & IsZero((ulong)(weightSupport ^ Params.T));
    }

    /// <summary>
    /// g_0 ... g_(t-1) from the key (13 bits of each little-endian pair of bytes), g_t = 1, bitsliced: 16
    /// coefficients at a time, bit plane b by shifting bit b to the top of each 16-bit lane and taking the top bits.
    /// </summary>
    private static void LoadGoppaPolynomial(Span<ulong> polynomial, ReadOnlySpan<byte> goppa)
    {
        polynomial.Clear();
        for (int first = 0; first < Params.T; first += 16)
        {
            Vector256<byte> bytes = Vector256.Create(goppa.Slice(2 * first, 32));
            Vector256<ushort> coefficients = (BitConverter.IsLittleEndian ? bytes : Vector256.Shuffle(bytes,
                Vector256.Create((byte)1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14, 17, 16, 19, 18, 21, 20, 23, 22, 25, 24, 27, 26, 29, 28, 31, 30))).AsUInt16();
            for (int b = 0; b < W; b++)
            {
                ulong plane = Vector256.ShiftLeft(coefficients, 15 - b).ExtractMostSignificantBits();
                polynomial[(first >> 6) * W + b] |= plane << (first & 63);
            }
        }
        polynomial[(Params.T >> 6) * W] |= 1UL << (Params.T & 63); // g_t = 1: bit plane 0 only
    }

    /// <summary>
    /// inverses_k = 1 / values_k^2 for all 128 vectors with one inversion (Montgomery's trick, in each of the four
    /// lanes of the 32 groups: running products forward, one inversion, then back). g has no roots in F_q, so no
    /// value is 0.
    /// </summary>
    private static void InvertSquares(Span<Vector256<ulong>> values, Span<Vector256<ulong>> inverses)
    {
        Span<Vector256<ulong>> running = stackalloc Vector256<ulong>[W];
        for (int g = 0; g < FftValues.Groups; g++)
        {
            Span<Vector256<ulong>> value = values.Slice(g * W, W);
            GfBitsliced.Square(value, value);
            if (g == 0)
            {
                value.CopyTo(inverses[..W]);
            }
            else
            {
                GfBitsliced.Multiply(inverses.Slice(g * W, W), inverses.Slice((g - 1) * W, W), value);
            }
        }
        GfBitsliced.Invert(running, inverses.Slice((FftValues.Groups - 1) * W, W)); // 1 / (a_0 ... a_31), lane-wise
        for (int g = FftValues.Groups - 1; g >= 1; g--)
        {
            GfBitsliced.Multiply(inverses.Slice(g * W, W), inverses.Slice((g - 1) * W, W), running); // 1 / a_g
            GfBitsliced.Multiply(running, running, values.Slice(g * W, W));                         // 1 / (a_0 ... a_(g-1))
        }
        running.CopyTo(inverses[..W]);
        running.Clear();
    }

    /// <summary>weights_k = inverses_k where bit k is set, 0 elsewhere (a mask, lane by lane).</summary>
    private static void Weigh(Span<Vector256<ulong>> weights, ReadOnlySpan<Vector256<ulong>> inverses, ReadOnlySpan<ulong> bits)
    {
        ReadOnlySpan<Vector256<ulong>> bitGroups = MemoryMarshal.Cast<ulong, Vector256<ulong>>(bits);
        for (int g = 0; g < FftValues.Groups; g++)
        {
            for (int b = 0; b < W; b++)
            {
                weights[g * W + b] = inverses[g * W + b] & bitGroups[g];
            }
        }
    }

    /// <summary>All ones if x = 0, else 0.</summary>
    private static ulong IsZero(ulong x) => ((x | (0UL - x)) >> 63) - 1;
}
