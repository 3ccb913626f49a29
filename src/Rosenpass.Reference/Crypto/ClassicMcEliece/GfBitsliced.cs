using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// Arithmetic in F_q = F_2[z]/(z^13 + z^4 + z^3 + z + 1) (CM §2, §6) on 64 elements at once, bitsliced: a
/// "vector" is 13 consecutive 64-bit words, word b holding bit b (the coefficient of z^b) of all 64 elements
/// (bit j of word b belongs to element j). The operations are the field's, done lane by lane; the
/// <see cref="Vector256{T}"/> overloads work on four such vectors at once (lane i of vector b: vector i's word b).
/// </summary>
/// <remarks>
/// Constant time by construction: only AND, XOR and fixed shifts of whole words, in loops whose bounds are the
/// constant m = 13; no branch and no memory index depends on any element's value.
/// </remarks>
internal static class GfBitsliced
{
    /// <summary>Words of one bitsliced vector (m).</summary>
    public const int Width = Params.M;

    /// <summary>
    /// h = f · g lane by lane (h may be f or g). Horner's rule over the bits of f, from z^12 down:
    /// h ← h·z + f_i·g, where h·z moves every bit plane up by one and folds z^13 back as z^4 + z^3 + z + 1.
    /// </summary>
    public static void Multiply(Span<ulong> h, ReadOnlySpan<ulong> f, ReadOnlySpan<ulong> g)
    {
        g = g[..Width];
        f = f[..Width];
        ulong g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4], g5 = g[5], g6 = g[6];
        ulong g7 = g[7], g8 = g[8], g9 = g[9], g10 = g[10], g11 = g[11], g12 = g[12];
        ulong h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0, h7 = 0, h8 = 0, h9 = 0, h10 = 0, h11 = 0, h12 = 0;
        for (int i = Width - 1; i >= 0; i--)
        {
            ulong top = h12; // h·z: the coefficient of z^12 becomes z^13 = z^4 + z^3 + z + 1
            h12 = h11; h11 = h10; h10 = h9; h9 = h8; h8 = h7; h7 = h6; h6 = h5; h5 = h4;
            h4 = h3 ^ top; h3 = h2 ^ top; h2 = h1; h1 = h0 ^ top; h0 = top;
            ulong fi = f[i];
            h0 ^= fi & g0; h1 ^= fi & g1; h2 ^= fi & g2; h3 ^= fi & g3; h4 ^= fi & g4; h5 ^= fi & g5; h6 ^= fi & g6;
            h7 ^= fi & g7; h8 ^= fi & g8; h9 ^= fi & g9; h10 ^= fi & g10; h11 ^= fi & g11; h12 ^= fi & g12;
        }
        h = h[..Width];
        h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6;
        h[7] = h7; h[8] = h8; h[9] = h9; h[10] = h10; h[11] = h11; h[12] = h12;
    }

    /// <summary>
    /// h = f · g for four vectors at once (a <see cref="Vector256{T}"/> lane per 64-element vector): the same
    /// Horner's rule as the scalar <see cref="Multiply(Span{ulong}, ReadOnlySpan{ulong}, ReadOnlySpan{ulong})"/>,
    /// written out again because .NET's vector types do not share an arithmetic interface with <see cref="ulong"/>.
    /// h may be f or g: both are read before h is written.
    /// </summary>
    public static void Multiply(Span<Vector256<ulong>> h, ReadOnlySpan<Vector256<ulong>> f, ReadOnlySpan<Vector256<ulong>> g) =>
        Product(h, f, g, accumulate: false);

    /// <summary>
    /// h = h + f · g for four vectors at once (h must be neither f nor g): the product of
    /// <see cref="Multiply(Span{Vector256{ulong}}, ReadOnlySpan{Vector256{ulong}}, ReadOnlySpan{Vector256{ulong}})"/>
    /// added in its final stores, as the FFT's butterflies need it.
    /// </summary>
    public static void MultiplyAdd(Span<Vector256<ulong>> h, ReadOnlySpan<Vector256<ulong>> f, ReadOnlySpan<Vector256<ulong>> g) =>
        Product(h, f, g, accumulate: true);

    /// <summary>
    /// The product f · g in 13 registers, stored into h or added to it. <paramref name="accumulate"/> is fixed by
    /// the caller, never data, so its one branch is the same for every input.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Product(Span<Vector256<ulong>> h, ReadOnlySpan<Vector256<ulong>> f, ReadOnlySpan<Vector256<ulong>> g,
        bool accumulate)
    {
        g = g[..Width];
        f = f[..Width];
        Vector256<ulong> g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4], g5 = g[5], g6 = g[6];
        Vector256<ulong> g7 = g[7], g8 = g[8], g9 = g[9], g10 = g[10], g11 = g[11], g12 = g[12];
        Vector256<ulong> h0 = default, h1 = default, h2 = default, h3 = default, h4 = default, h5 = default, h6 = default;
        Vector256<ulong> h7 = default, h8 = default, h9 = default, h10 = default, h11 = default, h12 = default;
        for (int i = Width - 1; i >= 0; i--)
        {
            Vector256<ulong> top = h12;
            h12 = h11; h11 = h10; h10 = h9; h9 = h8; h8 = h7; h7 = h6; h6 = h5; h5 = h4;
            h4 = h3 ^ top; h3 = h2 ^ top; h2 = h1; h1 = h0 ^ top; h0 = top;
            Vector256<ulong> fi = f[i];
            h0 ^= fi & g0; h1 ^= fi & g1; h2 ^= fi & g2; h3 ^= fi & g3; h4 ^= fi & g4; h5 ^= fi & g5; h6 ^= fi & g6;
            h7 ^= fi & g7; h8 ^= fi & g8; h9 ^= fi & g9; h10 ^= fi & g10; h11 ^= fi & g11; h12 ^= fi & g12;
        }
        h = h[..Width];
        if (accumulate)
        {
            h0 ^= h[0]; h1 ^= h[1]; h2 ^= h[2]; h3 ^= h[3]; h4 ^= h[4]; h5 ^= h[5]; h6 ^= h[6];
            h7 ^= h[7]; h8 ^= h[8]; h9 ^= h[9]; h10 ^= h[10]; h11 ^= h[11]; h12 ^= h[12];
        }
        h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6;
        h[7] = h7; h[8] = h8; h[9] = h9; h[10] = h10; h[11] = h11; h[12] = h12;
    }

    /// <summary>
    /// h = f^2, four vectors at once (h may be f). Squaring is linear in characteristic 2: f^2 = Σ f_i z^(2i), so
    /// bit plane i moves to plane 2i; then the planes z^24 ... z^13, from the top down, fold back as
    /// z^d = z^(d-13) (z^4 + z^3 + z + 1), onto planes d - 9, d - 10, d - 12, d - 13. XORs only, about 50.
    /// </summary>
    public static void Square(Span<Vector256<ulong>> h, ReadOnlySpan<Vector256<ulong>> f)
    {
        f = f[..Width];
        Vector256<ulong> r0 = f[0], r2 = f[1], r4 = f[2], r6 = f[3], r8 = f[4], r10 = f[5], r12 = f[6];
        Vector256<ulong> r14 = f[7], r16 = f[8], r18 = f[9], r20 = f[10], r22 = f[11], r24 = f[12];
        Vector256<ulong> r1 = default, r3 = default, r5 = default, r7 = default, r9 = default, r11 = default;
        Vector256<ulong> r13 = default, r15 = default, r17 = default, r19 = default, r21 = default, r23 = default;
        r15 ^= r24; r14 ^= r24; r12 ^= r24; r11 ^= r24;
        r14 ^= r23; r13 ^= r23; r11 ^= r23; r10 ^= r23;
        r13 ^= r22; r12 ^= r22; r10 ^= r22; r9 ^= r22;
        r12 ^= r21; r11 ^= r21; r9 ^= r21; r8 ^= r21;
        r11 ^= r20; r10 ^= r20; r8 ^= r20; r7 ^= r20;
        r10 ^= r19; r9 ^= r19; r7 ^= r19; r6 ^= r19;
        r9 ^= r18; r8 ^= r18; r6 ^= r18; r5 ^= r18;
        r8 ^= r17; r7 ^= r17; r5 ^= r17; r4 ^= r17;
        r7 ^= r16; r6 ^= r16; r4 ^= r16; r3 ^= r16;
        r6 ^= r15; r5 ^= r15; r3 ^= r15; r2 ^= r15;
        r5 ^= r14; r4 ^= r14; r2 ^= r14; r1 ^= r14;
        r4 ^= r13; r3 ^= r13; r1 ^= r13; r0 ^= r13;
        h = h[..Width];
        h[0] = r0; h[1] = r1; h[2] = r2; h[3] = r3; h[4] = r4; h[5] = r5; h[6] = r6;
        h[7] = r7; h[8] = r8; h[9] = r9; h[10] = r10; h[11] = r11; h[12] = r12;
    }

    /// <summary>
    /// h = f^(q-2) lane by lane, four vectors at once: f^-1 where f ≠ 0 (and 0 where f = 0). A fixed addition
    /// chain: f^3, f^15, f^255, f^4095 = (f^255)^16 · f^15, then one squaring gives f^8190 = f^(q-2).
    /// </summary>
    public static void Invert(Span<Vector256<ulong>> h, ReadOnlySpan<Vector256<ulong>> f)
    {
        Span<Vector256<ulong>> f3 = stackalloc Vector256<ulong>[Width];
        Span<Vector256<ulong>> f15 = stackalloc Vector256<ulong>[Width];
        Span<Vector256<ulong>> acc = stackalloc Vector256<ulong>[Width];
        Square(acc, f);
        Multiply(f3, acc, f);         // f^3
        SquareTimes(acc, f3, 2);
        Multiply(f15, acc, f3);       // f^15
        SquareTimes(acc, f15, 4);
        Multiply(acc, acc, f15);      // f^255
        SquareTimes(acc, acc, 4);
        Multiply(acc, acc, f15);      // f^4095
        Square(h, acc);               // f^8190
        f3.Clear();
        f15.Clear();
        acc.Clear();
    }

    /// <summary>h = f^(2^times).</summary>
    private static void SquareTimes(Span<Vector256<ulong>> h, ReadOnlySpan<Vector256<ulong>> f, int times)
    {
        Square(h, f);
        for (int i = 1; i < times; i++)
        {
            Square(h, h);
        }
    }
}
