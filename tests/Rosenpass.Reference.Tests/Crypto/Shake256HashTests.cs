using CsCheck;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// SHAKE256 through .NET's implementation (where the platform has it) and BouncyCastle's fallback: FIPS 202's
/// value, and both paths equal on random inputs, split anywhere, including inputs longer than a public key.
/// </summary>
public class Shake256HashTests
{
    [Fact]
    public void Matches_fips_202_for_the_empty_message()
    {
        // SHAKE256(""), first 32 bytes (NIST's example values).
        byte[] output = new byte[32];
        Shake256Hash.Compute([], output);
        Assert.Equal("46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f", Convert.ToHexStringLower(output));
        output[0] ^= 1;
        Assert.NotEqual("46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f", Convert.ToHexStringLower(output));
    }

    [Fact]
    public void The_platform_is_used_here()
    {
        // This project's machines have OpenSSL's SHAKE256; the fallback is for platforms without it.
        Assert.Equal(System.Security.Cryptography.Shake256.IsSupported, Shake256Hash.UsesPlatform);
    }

    [Fact]
    public void Both_paths_agree_on_random_inputs()
    {
        Gen.Select(Gen.Byte.Array[0, 2000], Gen.Byte.Array[0, 300], Gen.Int[1, 200]).Sample((first, second, length) =>
        {
            byte[] one = new byte[length], two = new byte[length], fallback = new byte[length];
            Shake256Hash.Compute([.. first, .. second], one);
            Shake256Hash.Compute(first, second, two);
            Shake256Hash.ComputeFallback(first, second, fallback);
            Assert.Equal(fallback, one);
            Assert.Equal(fallback, two);
        }, iter: 300);
    }
}
