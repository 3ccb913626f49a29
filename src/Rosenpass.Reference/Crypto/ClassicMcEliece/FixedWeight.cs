using System.Buffers.Binary;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// Fixed-weight-vector generation (spec §4.4): a uniform e ∈ F_2^n of weight t. Draw σ1·τ = 16 · 2t bits;
/// d_j = the low m bits of the j-th little-endian 16-bit word; a_0 ... a_(t-1) = the first t of the d_j below n;
/// restart if there are fewer than t, or if they are not all distinct; e has ones at positions a_0 ... a_(t-1).
/// </summary>
/// <remarks>
/// Constant time: the selection of the first t in-range values is oblivious (every candidate is offered to every
/// slot, accepted by a mask), the duplicate test compares all pairs, and the ones are set by comparing every
/// word index with every position. What is revealed is only whether an attempt is restarted (too few in range,
/// or a repetition), as in the submission, where those facts are declassified: they concern the rejected draw.
/// </remarks>
internal static class FixedWeight
{
    private const int Tau = 2 * Params.T;

    /// <summary>Bytes drawn per attempt (one call to the random source each, as the NIST KAT procedure draws them).</summary>
    public const int DrawBytes = 2 * Tau;

    /// <summary>Fills <paramref name="error"/> (n/8 bytes). <paramref name="scratch"/>: pinned, DrawBytes + 4t bytes, zeroed after.</summary>
    public static void Generate(Span<byte> error, IRandomSource random, Span<byte> scratch)
    {
        Span<byte> draw = scratch[..DrawBytes];
        Span<ushort> positions = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(scratch.Slice(DrawBytes, 2 * Params.T));
        while (true)
        {
            random.Fill(draw);
            if (Select(positions, draw) & AllDistinct(positions))
            {
                break;
            }
        }
        SetPositions(error, positions);
        scratch.Clear();
    }

    /// <summary>positions = the first t values d_j &lt; n; true if there were t of them.</summary>
    private static bool Select(Span<ushort> positions, ReadOnlySpan<byte> draw)
    {
        positions.Clear();
        int count = 0;
        for (int j = 0; j < Tau; j++)
        {
            int d = BinaryPrimitives.ReadUInt16LittleEndian(draw.Slice(2 * j, 2)) & (Params.Q - 1);
            int inRange = (d - Params.N) >> 31; // -1 if d < n
            for (int slot = 0; slot < Params.T; slot++)
            {
                int take = inRange & EqualMask(slot, count);
                positions[slot] = (ushort)((positions[slot] & ~take) | (d & take));
            }
            count -= inRange;
        }
        return count >= Params.T; // restart decision only
    }

    private static bool AllDistinct(ReadOnlySpan<ushort> positions)
    {
        int repeated = 0;
        for (int i = 0; i < Params.T; i++)
        {
            for (int j = i + 1; j < Params.T; j++)
            {
                repeated |= EqualMask(positions[i], positions[j]);
            }
        }
        return repeated == 0; // restart decision only
    }

    private static void SetPositions(Span<byte> error, ReadOnlySpan<ushort> positions)
    {
        for (int w = 0; w < Params.ErrorWords; w++)
        {
            ulong word = 0;
            for (int j = 0; j < Params.T; j++)
            {
                ulong mask = (ulong)(long)EqualMask(w, positions[j] >> 6);
                word |= mask & (1UL << (positions[j] & 63));
            }
            BinaryPrimitives.WriteUInt64LittleEndian(error.Slice(8 * w, 8), word);
        }
    }

    /// <summary>-1 if a = b, else 0 (for 0 ≤ a, b &lt; 2^16).</summary>
    private static int EqualMask(int a, int b) => ((a ^ b) - 1) >> 31;
}
