using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// Four Keccak-f[1600] permutations at once (FIPS 202 §3), lane k of every 256-bit vector holding state k: the
/// reference AVX2 code's <c>fips202x4.c</c>, which Kyber uses to squeeze four matrix entries (SHAKE128) or four noise
/// polynomials (SHAKE256) together. A round is written out over the 25 lanes A[x, y] (vector x + 5y) as FIPS 202
/// §3.2 defines it: θ, ρ and π together, χ, ι. Keccak has no branch and no table index that depends on the data, so
/// the secret noise seeds pass through the same instructions whatever they are. Only inputs shorter than the rate
/// (one block, as Kyber's 33- and 34-byte inputs are) are absorbed.
/// </summary>
internal static class Keccak4x
{
    /// <summary>Whether this path can run here (256-bit vector instructions in hardware).</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>The SHAKE128 rate in bytes.</summary>
    public const int Shake128Rate = 168;

    /// <summary>The SHAKE256 rate in bytes.</summary>
    public const int Shake256Rate = 136;

    private static Vector256<ulong> Rol(Vector256<ulong> x, int n) =>
        Vector256.ShiftLeft(x, n) | Vector256.ShiftRightLogical(x, 64 - n);

    /// <summary>Keccak-f[1600] (24 rounds) on the four states held lane-wise in the 25 vectors.</summary>
    public static void Permute(Span<Vector256<ulong>> state)
    {
        Vector256<ulong> a00 = state[0];
        Vector256<ulong> a10 = state[1];
        Vector256<ulong> a20 = state[2];
        Vector256<ulong> a30 = state[3];
        Vector256<ulong> a40 = state[4];
        Vector256<ulong> a01 = state[5];
        Vector256<ulong> a11 = state[6];
        Vector256<ulong> a21 = state[7];
        Vector256<ulong> a31 = state[8];
        Vector256<ulong> a41 = state[9];
        Vector256<ulong> a02 = state[10];
        Vector256<ulong> a12 = state[11];
        Vector256<ulong> a22 = state[12];
        Vector256<ulong> a32 = state[13];
        Vector256<ulong> a42 = state[14];
        Vector256<ulong> a03 = state[15];
        Vector256<ulong> a13 = state[16];
        Vector256<ulong> a23 = state[17];
        Vector256<ulong> a33 = state[18];
        Vector256<ulong> a43 = state[19];
        Vector256<ulong> a04 = state[20];
        Vector256<ulong> a14 = state[21];
        Vector256<ulong> a24 = state[22];
        Vector256<ulong> a34 = state[23];
        Vector256<ulong> a44 = state[24];
        for (int round = 0; round < 24; round++)
        {
            // θ: column parities C[x] and D[x] = C[x-1] ^ ROL(C[x+1], 1)
            Vector256<ulong> c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04;
            Vector256<ulong> c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14;
            Vector256<ulong> c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24;
            Vector256<ulong> c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34;
            Vector256<ulong> c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44;
            Vector256<ulong> d0 = c4 ^ Rol(c1, 1);
            Vector256<ulong> d1 = c0 ^ Rol(c2, 1);
            Vector256<ulong> d2 = c1 ^ Rol(c3, 1);
            Vector256<ulong> d3 = c2 ^ Rol(c4, 1);
            Vector256<ulong> d4 = c3 ^ Rol(c0, 1);
            // ρ and π: B[y, 2x + 3y] = ROL(A[x, y] ^ D[x], r[x, y])
            Vector256<ulong> b00 = a00 ^ d0;
            Vector256<ulong> b13 = Rol(a01 ^ d0, 36);
            Vector256<ulong> b21 = Rol(a02 ^ d0, 3);
            Vector256<ulong> b34 = Rol(a03 ^ d0, 41);
            Vector256<ulong> b42 = Rol(a04 ^ d0, 18);
            Vector256<ulong> b02 = Rol(a10 ^ d1, 1);
            Vector256<ulong> b10 = Rol(a11 ^ d1, 44);
            Vector256<ulong> b23 = Rol(a12 ^ d1, 10);
            Vector256<ulong> b31 = Rol(a13 ^ d1, 45);
            Vector256<ulong> b44 = Rol(a14 ^ d1, 2);
            Vector256<ulong> b04 = Rol(a20 ^ d2, 62);
            Vector256<ulong> b12 = Rol(a21 ^ d2, 6);
            Vector256<ulong> b20 = Rol(a22 ^ d2, 43);
            Vector256<ulong> b33 = Rol(a23 ^ d2, 15);
            Vector256<ulong> b41 = Rol(a24 ^ d2, 61);
            Vector256<ulong> b01 = Rol(a30 ^ d3, 28);
            Vector256<ulong> b14 = Rol(a31 ^ d3, 55);
            Vector256<ulong> b22 = Rol(a32 ^ d3, 25);
            Vector256<ulong> b30 = Rol(a33 ^ d3, 21);
            Vector256<ulong> b43 = Rol(a34 ^ d3, 56);
            Vector256<ulong> b03 = Rol(a40 ^ d4, 27);
            Vector256<ulong> b11 = Rol(a41 ^ d4, 20);
            Vector256<ulong> b24 = Rol(a42 ^ d4, 39);
            Vector256<ulong> b32 = Rol(a43 ^ d4, 8);
            Vector256<ulong> b40 = Rol(a44 ^ d4, 14);
            // χ: A[x, y] = B[x, y] ^ (~B[x+1, y] & B[x+2, y]); ι on A[0, 0]
            a00 = b00 ^ Vector256.AndNot(b20, b10);
            a10 = b10 ^ Vector256.AndNot(b30, b20);
            a20 = b20 ^ Vector256.AndNot(b40, b30);
            a30 = b30 ^ Vector256.AndNot(b00, b40);
            a40 = b40 ^ Vector256.AndNot(b10, b00);
            a01 = b01 ^ Vector256.AndNot(b21, b11);
            a11 = b11 ^ Vector256.AndNot(b31, b21);
            a21 = b21 ^ Vector256.AndNot(b41, b31);
            a31 = b31 ^ Vector256.AndNot(b01, b41);
            a41 = b41 ^ Vector256.AndNot(b11, b01);
            a02 = b02 ^ Vector256.AndNot(b22, b12);
            a12 = b12 ^ Vector256.AndNot(b32, b22);
            a22 = b22 ^ Vector256.AndNot(b42, b32);
            a32 = b32 ^ Vector256.AndNot(b02, b42);
            a42 = b42 ^ Vector256.AndNot(b12, b02);
            a03 = b03 ^ Vector256.AndNot(b23, b13);
            a13 = b13 ^ Vector256.AndNot(b33, b23);
            a23 = b23 ^ Vector256.AndNot(b43, b33);
            a33 = b33 ^ Vector256.AndNot(b03, b43);
            a43 = b43 ^ Vector256.AndNot(b13, b03);
            a04 = b04 ^ Vector256.AndNot(b24, b14);
            a14 = b14 ^ Vector256.AndNot(b34, b24);
            a24 = b24 ^ Vector256.AndNot(b44, b34);
            a34 = b34 ^ Vector256.AndNot(b04, b44);
            a44 = b44 ^ Vector256.AndNot(b14, b04);
            a00 ^= Vector256.Create(KeccakF1600.RoundConstants[round]); // ι, the constants of the one-state permutation
        }
        state[0] = a00;
        state[1] = a10;
        state[2] = a20;
        state[3] = a30;
        state[4] = a40;
        state[5] = a01;
        state[6] = a11;
        state[7] = a21;
        state[8] = a31;
        state[9] = a41;
        state[10] = a02;
        state[11] = a12;
        state[12] = a22;
        state[13] = a32;
        state[14] = a42;
        state[15] = a03;
        state[16] = a13;
        state[17] = a23;
        state[18] = a33;
        state[19] = a43;
        state[20] = a04;
        state[21] = a14;
        state[22] = a24;
        state[23] = a34;
        state[24] = a44;
    }

    /// <summary>
    /// SHAKE (FIPS 202 §6.2) with the given rate of four inputs, each shorter than the rate, squeezed into four
    /// outputs of the same length: input, the domain bits 1111 and pad10*1 in one block per state, then
    /// rate-byte blocks of output, permuting between them.
    /// </summary>
    public static void Shake(int rate, ReadOnlySpan<byte> input0, ReadOnlySpan<byte> input1, ReadOnlySpan<byte> input2,
        ReadOnlySpan<byte> input3, Span<byte> output0, Span<byte> output1, Span<byte> output2, Span<byte> output3)
    {
        int length = output0.Length;
        if (output1.Length != length || output2.Length != length || output3.Length != length)
        {
            throw new ArgumentException("Keccak4x: outputs of different lengths.");
        }
        Span<Vector256<ulong>> state = stackalloc Vector256<ulong>[25];
        Span<byte> blocks = stackalloc byte[4 * rate];
        blocks.Clear();
        Pad(blocks[..rate], input0);
        Pad(blocks.Slice(rate, rate), input1);
        Pad(blocks.Slice(2 * rate, rate), input2);
        Pad(blocks.Slice(3 * rate, rate), input3);
        int lanes = rate / 8;
        state.Clear();
        for (int i = 0; i < lanes; i++)
        {
            state[i] = Vector256.Create(Lane(blocks, 0, rate, i), Lane(blocks, 1, rate, i), Lane(blocks, 2, rate, i),
                Lane(blocks, 3, rate, i));
        }
        for (int offset = 0; offset < length; offset += rate)
        {
            Permute(state);
            for (int i = 0; i < lanes; i++)
            {
                for (int k = 0; k < 4; k++)
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(blocks.Slice(k * rate + 8 * i, 8), state[i][k]);
                }
            }
            int take = Math.Min(rate, length - offset);
            blocks[..take].CopyTo(output0[offset..]);
            blocks.Slice(rate, take).CopyTo(output1[offset..]);
            blocks.Slice(2 * rate, take).CopyTo(output2[offset..]);
            blocks.Slice(3 * rate, take).CopyTo(output3[offset..]);
        }
        CryptographicOperations.ZeroMemory(blocks);
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(state));
    }

    /// <summary>One block of SHAKE's padded input: M ‖ 1111 ‖ pad10*1 (FIPS 202 §6.2, §5.1), bytes 0x1F ... 0x80.</summary>
    private static void Pad(Span<byte> block, ReadOnlySpan<byte> input)
    {
        if (input.Length >= block.Length)
        {
            throw new ArgumentException("Keccak4x: input not shorter than the rate.");
        }
        input.CopyTo(block);
        block[input.Length] ^= 0x1F;
        block[^1] ^= 0x80;
    }

    private static ulong Lane(ReadOnlySpan<byte> blocks, int k, int rate, int i) =>
        BinaryPrimitives.ReadUInt64LittleEndian(blocks.Slice(k * rate + 8 * i, 8));
}
