using Org.BouncyCastle.Crypto.Digests;
using System.Security.Cryptography;

namespace Rosenpass.Reference.Crypto;

/// <summary>
/// The V02 keyed hash (spec §2.1), upstream's "incorrect HMAC-BLAKE2b":
/// inner = BLAKE2b(key = k ⊕ 0x36³², out 32, d); KH(k, d) = BLAKE2b(key = k ⊕ 0x5c³², out 32, inner).
/// The pads are XORed into BLAKE2b's own key instead of being prepended as in HMAC; the protocol has
/// always worked this way, so we reproduce it exactly.
/// </summary>
public sealed class IncorrectHmacBlake2b : KeyedHash
{
    private const byte InnerPad = 0x36;
    private const byte OuterPad = 0x5c;

    /// <summary>The one instance; it holds no state.</summary>
    public static IncorrectHmacBlake2b Instance { get; } = new();

    private IncorrectHmacBlake2b() { }

    /// <inheritdoc />
    public override ProtocolVersion Version => ProtocolVersion.V02;

    /// <inheritdoc />
    protected override void ComputeCore(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> output)
    {
        Span<byte> inner = stackalloc byte[OutputLength];
        KeyedBlake2b(key, InnerPad, data, inner);
        KeyedBlake2b(key, OuterPad, inner, output);
        CryptographicOperations.ZeroMemory(inner);
    }

    /// <summary>BLAKE2b in its native keyed mode with key (k ⊕ pad³²) and a 32-byte output.</summary>
    private static void KeyedBlake2b(ReadOnlySpan<byte> key, byte pad, ReadOnlySpan<byte> data, Span<byte> output)
    {
        byte[] paddedKey = GC.AllocateArray<byte>(KeyLength, pinned: true);
        for (int i = 0; i < KeyLength; i++) paddedKey[i] = (byte)(key[i] ^ pad);
        var blake = new Blake2bDigest(paddedKey, OutputLength, null, null);
        CryptographicOperations.ZeroMemory(paddedKey);
        blake.BlockUpdate(data);
        blake.DoFinal(output);
        // DoFinal resets the digest, which copies the key back into its buffer; ClearKey zeroes the digest's
        // copies of (k ⊕ pad), from which k follows (spec §2.7: secrets are zeroized when done).
        blake.ClearKey();
    }
}
