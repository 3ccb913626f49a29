using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The encoding subroutine (CM §3.3): C = He with H = (I_mt | T), T the public key (CM §5: mt rows of k bits,
/// each row padded to whole bytes, here k = 3360 = 420 bytes exactly). Bit i of C is e_i plus the parity of
/// row i of T AND (e_mt, ..., e_(n-1)); mt = 1248 is a multiple of 8, so that tail of e starts at byte 156.
/// </summary>
/// <remarks>Constant time: every row is read in full; e only passes through AND, XOR and popcount.</remarks>
internal static class Encoder
{
    public static void Encode(Span<byte> ciphertext, ReadOnlySpan<byte> error, ReadOnlySpan<byte> publicKey)
    {
        ReadOnlySpan<byte> tail = error.Slice(Params.CiphertextBytes, Params.PublicKeyRowBytes);
        int vectors = Params.PublicKeyRowBytes / 32;             // 13 × 32 bytes ...
        int rest = Params.PublicKeyRowBytes - 32 * vectors;      // ... and 4 more
        Span<Vector256<byte>> tailVectors = stackalloc Vector256<byte>[vectors];
        for (int j = 0; j < vectors; j++)
        {
            tailVectors[j] = Vector256.Create(tail.Slice(32 * j, 32));
        }
        uint tailRest = BinaryPrimitives.ReadUInt32LittleEndian(tail.Slice(32 * vectors, rest));

        ciphertext[..Params.CiphertextBytes].Clear();
        for (int row = 0; row < Params.Mt; row++)
        {
            ReadOnlySpan<byte> r = publicKey.Slice(row * Params.PublicKeyRowBytes, Params.PublicKeyRowBytes);
            Vector256<byte> sum = Vector256<byte>.Zero;
            for (int j = 0; j < vectors; j++)
            {
                sum ^= Vector256.Create(r.Slice(32 * j, 32)) & tailVectors[j];
            }
            Vector256<ulong> lanes = sum.AsUInt64();
            ulong folded = lanes[0] ^ lanes[1] ^ lanes[2] ^ lanes[3] ^ (BinaryPrimitives.ReadUInt32LittleEndian(r.Slice(32 * vectors, rest)) & tailRest);
            int bit = (BitOperations.PopCount(folded) & 1) ^ ((error[row / 8] >> (row % 8)) & 1);
            ciphertext[row / 8] |= (byte)(bit << (row % 8));
        }
        tailVectors.Clear();
    }
}
