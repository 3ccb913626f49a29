using CsCheck;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// SHAKE256 through our sponge for short inputs, .NET's implementation (where the platform has it) for long ones, and
/// BouncyCastle's fallback: FIPS 202's value, the permutation's known answer, our sponge against the platform at every
/// length it takes, and all paths equal on random inputs, split anywhere, including inputs longer than a public key.
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

    [Fact]
    public void The_permutation_of_the_zero_state_is_the_keccak_teams_known_answer()
    {
        // Keccak-f[1600] of the all-zero state, its first four lanes (the Keccak team's intermediate values).
        ulong[] state = new ulong[KeccakF1600.Lanes];
        KeccakF1600.Permute(state);
        ulong[] expected = [0xF1258F7940E1DDE7, 0x84D5CCF933C0478A, 0xD598261EA65AA9EE, 0xBD1547306F80494D];
        Assert.Equal(expected, state[..4]);
        state[0] ^= 1;
        Assert.NotEqual(expected, state[..4]);
    }

    [Fact]
    public void Our_sponge_matches_the_platform_at_every_length_it_takes()
    {
        // Every input length from 0 to three blocks and one byte (block boundaries 135/136/137 and 271/272/273 among them,
        // though Shake256Hash sends only inputs up to MaxInputLength here), split
        // in two at a varying point, against BouncyCastle's SHAKE256 (and .NET's where it exists), for outputs of
        // one byte, a keyed hash's 32, exactly one block, and more than two blocks.
        var random = new Random(18);
        foreach (int outputLength in new[] { 1, 32, Shake256Short.Rate, 2 * Shake256Short.Rate + 5 })
        {
            for (int length = 0; length <= 3 * Shake256Short.Rate + 1; length++)
            {
                byte[] input = new byte[length];
                random.NextBytes(input);
                int split = length == 0 ? 0 : random.Next(length + 1);
                byte[] ours = new byte[outputLength], reference = new byte[outputLength];
                Shake256Short.Compute(input.AsSpan(0, split), input.AsSpan(split), ours);
                Shake256Hash.ComputeFallback(input, [], reference);
                Assert.Equal(reference, ours);
                if (System.Security.Cryptography.Shake256.IsSupported)
                {
                    Assert.Equal(System.Security.Cryptography.Shake256.HashData(input, outputLength), ours);
                }
            }
        }
    }

    [Fact]
    public void Long_inputs_leave_our_sponge_for_the_platform_and_short_ones_use_it()
    {
        // The routing itself: one byte past MaxInputLength gives the same hash either way (so a wrong boundary cannot
        // change a result), and both sides of the boundary agree with BouncyCastle.
        foreach (int length in new[] { Shake256Short.MaxInputLength, Shake256Short.MaxInputLength + 1 })
        {
            byte[] input = new byte[length], routed = new byte[32], reference = new byte[32];
            new Random(length).NextBytes(input);
            Shake256Hash.Compute(input, routed);
            Shake256Hash.ComputeFallback(input, [], reference);
            Assert.Equal(reference, routed);
        }
    }
}
