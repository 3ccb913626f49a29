using Org.BouncyCastle.Crypto.Digests;

namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// The symmetric primitives of round-3 Kyber (round-3 specification §1.4 "Symmetric primitives"; spec §2.5; reference
/// <c>symmetric.h</c>, <c>symmetric-shake.c</c>): H = SHA3-256, G = SHA3-512, XOF = SHAKE128, PRF = SHAKE256,
/// KDF = SHAKE256. H, G and the XOF go through .NET's implementations (the platform's OpenSSL) where they are
/// supported, BouncyCastle's digests otherwise; PRF and KDF through <see cref="Shake256Hash"/>, which makes the
/// same choice. Both compute the same functions (FIPS 202); .NET's need no digest object per call, and the
/// fallback's digests are kept per thread, so no call allocates.
/// </summary>
internal static class Symmetric
{
    /// <summary>The SHAKE128 rate in bytes: the size of one squeezed block of the XOF.</summary>
    public const int XofBlockBytes = 168;

    /// <summary>Whether H, G and the XOF use the platform (false: the BouncyCastle fallback).</summary>
    public static bool UsesPlatform { get; } = System.Security.Cryptography.SHA3_256.IsSupported
        && System.Security.Cryptography.SHA3_512.IsSupported && System.Security.Cryptography.Shake128.IsSupported;

    /// <summary>Tests set this to run the BouncyCastle fallback on a platform that has SHA-3 (both paths stay tested).</summary>
    [ThreadStatic] internal static bool t_forceFallback;

    [ThreadStatic] private static Sha3Digest? t_sha3_256;
    [ThreadStatic] private static Sha3Digest? t_sha3_512;
    [ThreadStatic] private static ShakeDigest? t_shake128;

    private static bool Platform => UsesPlatform && !t_forceFallback;

    /// <summary>H(input) = SHA3-256(input), 32 bytes.</summary>
    public static void HashH(Span<byte> output, ReadOnlySpan<byte> input)
    {
        if (Platform)
        {
            System.Security.Cryptography.SHA3_256.HashData(input, output);
            return;
        }
        var sha3 = t_sha3_256 ??= new Sha3Digest(256);
        sha3.BlockUpdate(input);
        sha3.DoFinal(output); // DoFinal resets the digest for the next call
    }

    /// <summary>G(input) = SHA3-512(input), 64 bytes.</summary>
    public static void HashG(Span<byte> output, ReadOnlySpan<byte> input)
    {
        if (Platform)
        {
            System.Security.Cryptography.SHA3_512.HashData(input, output);
            return;
        }
        var sha3 = t_sha3_512 ??= new Sha3Digest(512);
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
    /// The first <c>output.Length</c> bytes of XOF(ρ, x, y) = SHAKE128(ρ || x || y). A longer output begins with
    /// the shorter one (a sponge squeezes one stream), so a caller that needs more bytes asks again for more.
    /// </summary>
    public static void Xof(Span<byte> output, ReadOnlySpan<byte> seed, byte x, byte y)
    {
        if (Platform)
        {
            Span<byte> input = stackalloc byte[Params.SymBytes + 2];
            seed.CopyTo(input);
            input[Params.SymBytes] = x;
            input[Params.SymBytes + 1] = y;
            System.Security.Cryptography.Shake128.HashData(input, output);
            return;
        }
        var shake = t_shake128 ??= new ShakeDigest(128);
        shake.Reset(); // a stream read by XofStreamFrom may have been left squeezing
        shake.BlockUpdate(seed);
        shake.Update(x);
        shake.Update(y);
        shake.OutputFinal(output);
    }

    /// <summary>
    /// Four XOF streams at once: output holds four parts of equal length, part k the first bytes of
    /// XOF(ρ, xy[2k], xy[2k + 1]). Through <see cref="Keccak4x"/> where 256-bit vectors run in hardware
    /// (the reference's AVX2 code does the same), otherwise one stream after another.
    /// </summary>
    public static void Xof4(Span<byte> output, ReadOnlySpan<byte> seed, ReadOnlySpan<byte> xy)
    {
        int length = output.Length / 4;
        if (Keccak4x.IsSupported && !t_forceFallback)
        {
            Span<byte> inputs = stackalloc byte[4 * (Params.SymBytes + 2)];
            for (int k = 0; k < 4; k++)
            {
                Span<byte> input = inputs.Slice(k * (Params.SymBytes + 2), Params.SymBytes + 2);
                seed.CopyTo(input);
                input[Params.SymBytes] = xy[2 * k];
                input[Params.SymBytes + 1] = xy[2 * k + 1];
            }
            const int n = Params.SymBytes + 2;
            Keccak4x.Shake(Keccak4x.Shake128Rate, inputs[..n], inputs.Slice(n, n), inputs.Slice(2 * n, n), inputs.Slice(3 * n, n),
                output[..length], output.Slice(length, length), output.Slice(2 * length, length), output.Slice(3 * length, length));
            return;
        }
        for (int k = 0; k < 4; k++)
        {
            Xof(output.Slice(k * length, length), seed, xy[2 * k], xy[2 * k + 1]);
        }
    }

    /// <summary>
    /// Four PRF outputs at once: output holds four parts of equal length, part k = PRF(s, firstNonce + k), through
    /// <see cref="Keccak4x"/> where it runs, otherwise one after another. The key is secret; the input blocks
    /// are zeroed after use.
    /// </summary>
    public static void Prf4(Span<byte> output, ReadOnlySpan<byte> key, byte firstNonce)
    {
        int length = output.Length / 4;
        if (Keccak4x.IsSupported && !t_forceFallback)
        {
            const int n = Params.SymBytes + 1;
            Span<byte> inputs = stackalloc byte[4 * n];
            for (int k = 0; k < 4; k++)
            {
                key.CopyTo(inputs.Slice(k * n, Params.SymBytes));
                inputs[k * n + Params.SymBytes] = (byte)(firstNonce + k);
            }
            Keccak4x.Shake(Keccak4x.Shake256Rate, inputs[..n], inputs.Slice(n, n), inputs.Slice(2 * n, n), inputs.Slice(3 * n, n),
                output[..length], output.Slice(length, length), output.Slice(2 * length, length), output.Slice(3 * length, length));
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(inputs);
            return;
        }
        for (int k = 0; k < 4; k++)
        {
            Prf(output.Slice(k * length, length), key, (byte)(firstNonce + k));
        }
    }

    /// <summary>
    /// XOF(ρ, x, y) as a stream to read on from byte <paramref name="skip"/>: this thread's SHAKE128 digest
    /// (BouncyCastle's, which squeezes incrementally), having absorbed ρ ‖ x ‖ y and squeezed <paramref name="skip"/>
    /// bytes. Read it with <see cref="XofSqueezeBlock"/>; the next call resets it.
    /// </summary>
    public static ShakeDigest XofStreamFrom(ReadOnlySpan<byte> seed, byte x, byte y, int skip)
    {
        var shake = t_shake128 ??= new ShakeDigest(128);
        shake.Reset();
        shake.BlockUpdate(seed);
        shake.Update(x);
        shake.Update(y);
        Span<byte> skipped = stackalloc byte[XofBlockBytes];
        for (int left = skip; left > 0; left -= XofBlockBytes)
        {
            shake.Output(skipped[..Math.Min(left, XofBlockBytes)]);
        }
        return shake;
    }

    /// <summary>Squeezes the next <see cref="XofBlockBytes"/> bytes of the XOF output stream.</summary>
    public static void XofSqueezeBlock(ShakeDigest xof, Span<byte> block)
    {
        xof.Output(block[..XofBlockBytes]);
    }
}
