using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// Fixed-weight-vector generation (CM §4.4): a uniform e ∈ F_2^n of weight t. Draw σ1·τ = 16 · 2t bits;
/// d_j = the low m bits of the j-th little-endian 16-bit word; a_0 ... a_(t-1) = the first t of the d_j below n;
/// restart if there are fewer than t, or if they are not all distinct; e has ones at positions a_0 ... a_(t-1).
/// </summary>
/// <remarks>
/// Constant time: the selection of the first t in-range values is oblivious (every candidate is offered to all t
/// slots at once, 16 per vector, and accepted by a mask), the duplicate test compares every value with all t, and
/// the ones are set by comparing every word index with every position. What is revealed is only whether an
/// attempt is restarted (too few in range, or a repetition), as in the submission, where those facts are
/// declassified: they concern the rejected draw.
/// </remarks>
internal static class FixedWeight
{
    private const int Tau = 2 * Params.T;

    /// <summary>Vectors of 16 slots holding a_0 ... a_(t-1): 6.</summary>
    private const int SlotVectors = Params.T / 16;

    /// <summary>Bytes drawn per attempt (one call to the random source each, as the NIST KAT procedure draws them).</summary>
    public const int DrawBytes = 2 * Tau;

    /// <summary>Scratch bytes <see cref="Generate"/> needs: the draw and the t positions.</summary>
    public const int ScratchBytes = DrawBytes + 2 * Params.T;

    /// <summary>Fills <paramref name="error"/> (n/8 bytes). <paramref name="scratch"/>: pinned, <see cref="ScratchBytes"/>, zeroed after.</summary>
    public static void Generate(Span<byte> error, IRandomSource random, Span<byte> scratch)
    {
        Span<byte> draw = scratch[..DrawBytes];
        Span<Vector256<ushort>> positions = MemoryMarshal.Cast<byte, Vector256<ushort>>(scratch.Slice(DrawBytes, 2 * Params.T));
        while (true)
        {
            random.Fill(draw);
            if (Select(positions, draw) & AllDistinct(positions))
            {
                break;
            }
        }
        SetPositions(error, MemoryMarshal.Cast<Vector256<ushort>, ushort>(positions));
        scratch.Clear();
    }

    /// <summary>positions = the first t values d_j &lt; n; true if there were t of them.</summary>
    private static bool Select(Span<Vector256<ushort>> positions, ReadOnlySpan<byte> draw)
    {
        positions.Clear();
        Span<Vector256<ushort>> slots = stackalloc Vector256<ushort>[SlotVectors];
        for (int v = 0; v < SlotVectors; v++)
        {
            slots[v] = Vector256.Create((ushort)(16 * v)) + Vector256.Create((ushort)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        }
        Vector256<ushort> count = Vector256<ushort>.Zero; // the number of d's taken so far, in every lane
        for (int j = 0; j < Tau; j++)
        {
            var d = Vector256.Create((ushort)(BinaryPrimitives.ReadUInt16LittleEndian(draw.Slice(2 * j, 2)) & (Params.Q - 1)));
            // d < q = 2^13 fits a signed 16-bit lane, where the comparison is one instruction
            Vector256<ushort> inRange = Vector256.LessThan(d.AsInt16(), Vector256.Create((short)Params.N)).AsUInt16();
            for (int v = 0; v < SlotVectors; v++)
            {
                Vector256<ushort> take = inRange & Vector256.Equals(slots[v], count);
                positions[v] = Vector256.ConditionalSelect(take, d, positions[v]);
            }
            count -= inRange; // inRange is all ones (-1) or 0
        }
        return count.GetElement(0) >= Params.T; // restart decision only
    }

    /// <summary>Each value must equal exactly one slot, its own.</summary>
    private static bool AllDistinct(ReadOnlySpan<Vector256<ushort>> positions)
    {
        ReadOnlySpan<ushort> values = MemoryMarshal.Cast<Vector256<ushort>, ushort>(positions);
        Vector256<ushort> matches = Vector256<ushort>.Zero;
        for (int i = 0; i < Params.T; i++)
        {
            var value = Vector256.Create(values[i]);
            for (int v = 0; v < SlotVectors; v++)
            {
                matches -= Vector256.Equals(positions[v], value);
            }
        }
        return Vector256.Sum(matches) == Params.T; // restart decision only
    }

    /// <summary>e: word w has bit (a_j mod 64) for every a_j with a_j / 64 = w, compared four words at a time.</summary>
    private static void SetPositions(Span<byte> error, ReadOnlySpan<ushort> positions)
    {
        Span<ulong> words = MemoryMarshal.Cast<byte, ulong>(error);
        Span<Vector256<ulong>> groups = MemoryMarshal.Cast<ulong, Vector256<ulong>>(words);
        groups.Clear();
        for (int j = 0; j < Params.T; j++)
        {
            var word = Vector256.Create((ulong)(positions[j] >> 6));
            var bit = Vector256.Create(1UL << (positions[j] & 63));
            for (int g = 0; g < groups.Length; g++)
            {
                groups[g] |= Vector256.Equals(Vector256.Create((ulong)(4 * g)) + Vector256.Create(0UL, 1, 2, 3), word) & bit;
            }
        }
        if (!BitConverter.IsLittleEndian)
        {
            for (int w = 0; w < words.Length; w++) words[w] = BinaryPrimitives.ReverseEndianness(words[w]);
        }
    }
}
