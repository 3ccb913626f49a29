using CsCheck;
using Org.BouncyCastle.Crypto.Digests;
using Rosenpass.Reference.Crypto.Kyber512;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// Round-3 Kyber's H, G and XOF (spec §2.5) through .NET's SHA-3 (the platform's OpenSSL) and through the BouncyCastle
/// fallback: FIPS 202's values, both paths equal on random inputs, and Parse(XOF) equal to an independent reading of
/// a long SHAKE128 stream, including for a seed whose first three blocks hold fewer than 256 coefficients.
/// </summary>
public class Kyber512SymmetricTests
{
    /// <summary>Runs <paramref name="action"/> on the BouncyCastle fallback (the flag is per thread).</summary>
    private static void OnFallback(Action action)
    {
        Symmetric.t_forceFallback = true;
        try
        {
            action();
        }
        finally
        {
            Symmetric.t_forceFallback = false;
        }
    }

    [Fact]
    public void The_platform_is_used_here()
    {
        // This project's machines have OpenSSL's SHA-3; the fallback is for platforms without it.
        Assert.True(Symmetric.UsesPlatform);
    }

    [Fact]
    public void Both_paths_give_fips_202_values_for_the_empty_message()
    {
        // SHA3-256("") and SHA3-512("") from FIPS 202's example values (NIST CSRC).
        const string sha3_256 = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";
        const string sha3_512 = "a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26";
        foreach (bool fallback in new[] { false, true })
        {
            byte[] h = new byte[32], g = new byte[64];
            Action compute = () =>
            {
                Symmetric.HashH(h, []);
                Symmetric.HashG(g, []);
            };
            if (fallback) OnFallback(compute); else compute();
            Assert.Equal(sha3_256, Convert.ToHexStringLower(h));
            Assert.Equal(sha3_512, Convert.ToHexStringLower(g));
        }
    }

    [Fact]
    public void Both_paths_agree_on_random_inputs()
    {
        Gen.Select(Gen.Byte.Array[0, 1700], Gen.Byte.Array[32], Gen.Byte, Gen.Byte, Gen.Int[1, 1200]).Sample((input, seed, x, y, length) =>
        {
            byte[] h = new byte[32], g = new byte[64], xof = new byte[length];
            byte[] h2 = new byte[32], g2 = new byte[64], xof2 = new byte[length];
            Symmetric.HashH(h, input);
            Symmetric.HashG(g, input);
            Symmetric.Xof(xof, seed, x, y);
            OnFallback(() =>
            {
                Symmetric.HashH(h2, input);
                Symmetric.HashG(g2, input);
                Symmetric.Xof(xof2, seed, x, y);
            });
            Assert.Equal(h2, h);
            Assert.Equal(g2, g);
            Assert.Equal(xof2, xof);
        }, iter: 300);
    }

    /// <summary>Parse(SHAKE128(ρ ‖ x ‖ y)) read straight from the definition over a stream long enough for any seed tested.</summary>
    private static short[] ParseByDefinition(byte[] seed, byte x, byte y)
    {
        var shake = new ShakeDigest(128);
        shake.BlockUpdate(seed);
        shake.Update(x);
        shake.Update(y);
        byte[] stream = new byte[10 * 168];
        shake.OutputFinal(stream);
        var coefficients = new List<short>();
        for (int i = 0; coefficients.Count < 256; i += 3)
        {
            int d1 = stream[i] + 256 * (stream[i + 1] % 16);
            int d2 = stream[i + 1] / 16 + 16 * stream[i + 2];
            if (d1 < 3329) coefficients.Add((short)d1);
            if (d2 < 3329 && coefficients.Count < 256) coefficients.Add((short)d2);
        }
        return [.. coefficients];
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(7, false)]  // ρ = 07 00 ... 00, x = y = 0: the first three blocks hold only 250 coefficients below q
    [InlineData(7, true)]
    [InlineData(165, false)] // 255 in three blocks
    public void Matrix_entries_are_parse_of_the_xof_stream(byte firstSeedByte, bool fallback)
    {
        byte[] seed = new byte[32];
        seed[0] = firstSeedByte;
        short[] coefficients = new short[256];
        Action generate = () => IndCpa.GenerateEntry(coefficients, seed, 0, 0);
        if (fallback) OnFallback(generate); else generate();
        Assert.Equal(ParseByDefinition(seed, 0, 0), coefficients);
    }

    [Fact]
    public void A_flipped_seed_byte_gives_another_entry()
    {
        byte[] seed = new byte[32];
        seed[0] = 7;
        short[] expected = ParseByDefinition(seed, 0, 0);
        seed[31] ^= 1;
        short[] coefficients = new short[256];
        IndCpa.GenerateEntry(coefficients, seed, 0, 0);
        Assert.NotEqual(expected, coefficients);
    }
}
