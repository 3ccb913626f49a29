using Org.BouncyCastle.Crypto.Digests;

namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// The symmetric primitives of round-3 Kyber (round-3 specification, symmetric primitives; spec §2.5; reference
/// <c>symmetric.h</c>, <c>symmetric-shake.c</c>): H = SHA3-256, G = SHA3-512, XOF = SHAKE128,
/// PRF = SHAKE256, KDF = SHAKE256.
/// </summary>
internal static class Symmetric
{
    /// <summary>The SHAKE128 rate in bytes: the size of one squeezed block of the XOF.</summary>
    public const int XofBlockBytes = 168;

    /// <summary>H(input) = SHA3-256(input), 32 bytes.</summary>
    public static void HashH(Span<byte> output, ReadOnlySpan<byte> input)
    {
        var sha3 = new Sha3Digest(256);
        sha3.BlockUpdate(input);
        sha3.DoFinal(output);
    }

    /// <summary>G(input) = SHA3-512(input), 64 bytes.</summary>
    public static void HashG(Span<byte> output, ReadOnlySpan<byte> input)
    {
        var sha3 = new Sha3Digest(512);
        sha3.BlockUpdate(input);
        sha3.DoFinal(output);
    }

    /// <summary>PRF(s, b) = SHAKE256(s || b), as many bytes as <paramref name="output"/> holds.</summary>
    public static void Prf(Span<byte> output, ReadOnlySpan<byte> key, byte nonce)
    {
        Shake256Hash.Compute(key, [nonce], output);
    }

    /// <summary>KDF(input) = SHAKE256(input), 32 bytes in Kyber (the shared key).</summary>
    public static void Kdf(Span<byte> output, ReadOnlySpan<byte> input)
    {
        Shake256Hash.Compute(input, output);
    }

    /// <summary>
    /// XOF(ρ, x, y) = SHAKE128(ρ || x || y), returned as a SHAKE128 state from which blocks are squeezed
    /// with <see cref="XofSqueezeBlock"/>.
    /// </summary>
    public static ShakeDigest XofAbsorb(ReadOnlySpan<byte> seed, byte x, byte y)
    {
        var shake = new ShakeDigest(128);
        shake.BlockUpdate(seed);
        shake.Update(x);
        shake.Update(y);
        return shake;
    }

    /// <summary>Squeezes the next <see cref="XofBlockBytes"/> bytes of the XOF output stream.</summary>
    public static void XofSqueezeBlock(ShakeDigest xof, Span<byte> block)
    {
        xof.Output(block[..XofBlockBytes]);
    }
}
