using System.Numerics;

namespace Rosenpass.Reference.Crypto;

/// <summary>
/// The permutation Keccak-f[1600] (FIPS 202 §3) on one state of 25 lanes of 64 bits, lane A[x, y] at index x + 5y
/// (FIPS 202 §3.1.2 and §3.1.3, little-endian lanes). <see cref="Shake256Short"/> runs SHAKE256's sponge over it.
/// Keccak has no branch and no table index that depends on the state, so secret keys pass through the same
/// instructions whatever they are.
/// </summary>
internal static class KeccakF1600
{
    /// <summary>Lanes in a state.</summary>
    public const int Lanes = 25;

    /// <summary>
    /// ι's round constants RC[i_r] (FIPS 202 §3.2.5), one per round. An array, not a span over static data: reading
    /// such a span makes unoptimised (Debug) code allocate on every call.
    /// </summary>
    public static readonly ulong[] RoundConstants =
    [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ];

    /// <summary>Keccak-f[1600]: the 24 rounds, in place. Rounds alternate between the state and a scratch state.</summary>
    public static void Permute(Span<ulong> state)
    {
        if (state.Length != Lanes) throw new ArgumentException("Keccak-f[1600] needs 25 lanes.", nameof(state));
        Span<ulong> scratch = stackalloc ulong[Lanes];
        ulong[] rc = RoundConstants;
        for (int round = 0; round < 24; round += 2)
        {
            Round(state, scratch, rc[round]);
            Round(scratch, state, rc[round + 1]);
        }
        scratch.Clear();
    }

    /// <summary>
    /// One round Rnd(A, i_r) = ι(χ(π(ρ(θ(A))))) (FIPS 202 §3.3), from <paramref name="a"/> into <paramref name="e"/>.
    /// π moves A[x, y] to B[y, 2x + 3y]; the five lanes of each output plane y are gathered below with their ρ offsets
    /// (FIPS 202 Table 2), then χ combines each lane with the next two of its plane.
    /// </summary>
    private static void Round(ReadOnlySpan<ulong> a, Span<ulong> e, ulong rc)
    {
        // θ: C[x] = the parity of column x, D[x] = C[x - 1] ^ ROT(C[x + 1], 1); every lane of column x gets D[x].
        ulong c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20];
        ulong c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21];
        ulong c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22];
        ulong c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23];
        ulong c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24];
        ulong d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
        ulong d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
        ulong d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
        ulong d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
        ulong d4 = c3 ^ BitOperations.RotateLeft(c0, 1);

        // ρ, π, χ, plane by plane; ι on lane (0, 0).
        Plane(e, 0, a[0] ^ d0, BitOperations.RotateLeft(a[6] ^ d1, 44), BitOperations.RotateLeft(a[12] ^ d2, 43),
            BitOperations.RotateLeft(a[18] ^ d3, 21), BitOperations.RotateLeft(a[24] ^ d4, 14));
        e[0] ^= rc;
        Plane(e, 1, BitOperations.RotateLeft(a[3] ^ d3, 28), BitOperations.RotateLeft(a[9] ^ d4, 20),
            BitOperations.RotateLeft(a[10] ^ d0, 3), BitOperations.RotateLeft(a[16] ^ d1, 45),
            BitOperations.RotateLeft(a[22] ^ d2, 61));
        Plane(e, 2, BitOperations.RotateLeft(a[1] ^ d1, 1), BitOperations.RotateLeft(a[7] ^ d2, 6),
            BitOperations.RotateLeft(a[13] ^ d3, 25), BitOperations.RotateLeft(a[19] ^ d4, 8),
            BitOperations.RotateLeft(a[20] ^ d0, 18));
        Plane(e, 3, BitOperations.RotateLeft(a[4] ^ d4, 27), BitOperations.RotateLeft(a[5] ^ d0, 36),
            BitOperations.RotateLeft(a[11] ^ d1, 10), BitOperations.RotateLeft(a[17] ^ d2, 15),
            BitOperations.RotateLeft(a[23] ^ d3, 56));
        Plane(e, 4, BitOperations.RotateLeft(a[2] ^ d2, 62), BitOperations.RotateLeft(a[8] ^ d3, 55),
            BitOperations.RotateLeft(a[14] ^ d4, 39), BitOperations.RotateLeft(a[15] ^ d0, 41),
            BitOperations.RotateLeft(a[21] ^ d1, 2));
    }

    /// <summary>χ on plane y: A'[x, y] = B[x, y] ^ (~B[x + 1, y] &amp; B[x + 2, y]).</summary>
    private static void Plane(Span<ulong> e, int y, ulong b0, ulong b1, ulong b2, ulong b3, ulong b4)
    {
        Span<ulong> plane = e.Slice(5 * y, 5);
        plane[0] = b0 ^ (~b1 & b2);
        plane[1] = b1 ^ (~b2 & b3);
        plane[2] = b2 ^ (~b3 & b4);
        plane[3] = b3 ^ (~b4 & b0);
        plane[4] = b4 ^ (~b0 & b1);
    }
}
