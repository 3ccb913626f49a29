using Org.BouncyCastle.Crypto.Digests;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Vectors;
using Rosenpass.Reference.Crypto.Kyber512;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// Kyber512 round 3 (spec §2.5) against NIST's known-answer file vectors/kats/kyber512-round3/PQCkemKAT_1632.rsp,
/// replayed as NIST's PQCgenKAT_kem does: per case randombytes_init(seed), then keypair, enc, dec.
/// </summary>
public class Kyber512KatTests
{
    /// <summary>One case of the .rsp file.</summary>
    public sealed record KatCase(int Count, byte[] Seed, byte[] Pk, byte[] Sk, byte[] Ct, byte[] Ss);

    private static readonly Lazy<IReadOnlyList<KatCase>> Cases = new(LoadCases);

    private static string KatPath =>
        Path.Combine(TestPaths.Kats, "kyber512-round3", "PQCkemKAT_1632.rsp");

    private static IReadOnlyList<KatCase> LoadCases()
    {
        var cases = new List<KatCase>();
        Dictionary<string, string>? current = null;
        foreach (var rawLine in File.ReadLines(KatPath))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new FormatException($"Unexpected line in {KatPath}: {line}");
            }
            if (parts[0] == "count")
            {
                if (current is not null)
                {
                    cases.Add(ToCase(current));
                }
                current = new Dictionary<string, string>();
            }
            (current ?? throw new FormatException("Value before the first count."))[parts[0]] = parts[1];
        }
        if (current is not null)
        {
            cases.Add(ToCase(current));
        }
        return cases;
    }

    private static KatCase ToCase(Dictionary<string, string> fields) => new(
        int.Parse(fields["count"]),
        Convert.FromHexString(fields["seed"]),
        Convert.FromHexString(fields["pk"]),
        Convert.FromHexString(fields["sk"]),
        Convert.FromHexString(fields["ct"]),
        Convert.FromHexString(fields["ss"]));

    public static IEnumerable<object[]> CaseNumbers => Enumerable.Range(0, 100).Select(i => new object[] { i });

    private sealed record Run(byte[] Pk, byte[] Sk, byte[] Ct, byte[] Ss, byte[] DecapsulatedSs);

    /// <summary>randombytes_init(seed); crypto_kem_keypair; crypto_kem_enc; crypto_kem_dec.</summary>
    private static Run RunCase(byte[] seed)
    {
        using var drbg = new NistCtrDrbg(seed);
        var pk = new byte[Kyber512Kem.PublicKeyLength];
        var sk = new byte[Kyber512Kem.SecretKeyLength];
        var ct = new byte[Kyber512Kem.CiphertextLength];
        var ss = new byte[Kyber512Kem.SharedKeyLength];
        var ss1 = new byte[Kyber512Kem.SharedKeyLength];
        Kyber512Kem.GenerateKeyPair(pk, sk, drbg);
        Kyber512Kem.Encapsulate(ct, ss, pk, drbg);
        Kyber512Kem.Decapsulate(ss1, ct, sk);
        return new Run(pk, sk, ct, ss, ss1);
    }

    [Fact]
    public void KatFileHasOneHundredCasesNumberedInOrder()
    {
        Assert.Equal(Enumerable.Range(0, 100), Cases.Value.Select(c => c.Count));
        Assert.StartsWith("0A6925676F24B22C", Convert.ToHexString(Cases.Value[0].Ss));
    }

    [Fact]
    public void DrbgSeededWithZeroToFortySevenDrawsTheHundredSeeds()
    {
        // PQCgenKAT_kem: entropy_input[i] = i; randombytes_init(entropy_input); then randombytes(seed, 48) per case.
        var entropy = Enumerable.Range(0, 48).Select(i => (byte)i).ToArray();
        using var drbg = new NistCtrDrbg(entropy);
        var seed = new byte[48];
        foreach (var kat in Cases.Value)
        {
            drbg.Fill(seed);
            Assert.Equal(Convert.ToHexString(kat.Seed), Convert.ToHexString(seed));
        }
    }

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void MatchesKnownAnswer(int count)
    {
        var kat = Cases.Value[count];
        var run = RunCase(kat.Seed);
        Assert.Equal(Convert.ToHexString(kat.Pk), Convert.ToHexString(run.Pk));
        Assert.Equal(Convert.ToHexString(kat.Sk), Convert.ToHexString(run.Sk));
        Assert.Equal(Convert.ToHexString(kat.Ct), Convert.ToHexString(run.Ct));
        Assert.Equal(Convert.ToHexString(kat.Ss), Convert.ToHexString(run.Ss));
        Assert.Equal(Convert.ToHexString(kat.Ss), Convert.ToHexString(run.DecapsulatedSs));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(57)]
    [InlineData(99)]
    public void MatchesKnownAnswerOnTheBouncyCastleFallback(int count)
    {
        // H, G and the XOF through BouncyCastle's digests, as on a platform without SHA-3 (the flag is per thread).
        var kat = Cases.Value[count];
        Symmetric.t_forceFallback = true;
        Run run;
        try
        {
            run = RunCase(kat.Seed);
        }
        finally
        {
            Symmetric.t_forceFallback = false;
        }
        Assert.Equal(Convert.ToHexString(kat.Pk), Convert.ToHexString(run.Pk));
        Assert.Equal(Convert.ToHexString(kat.Sk), Convert.ToHexString(run.Sk));
        Assert.Equal(Convert.ToHexString(kat.Ct), Convert.ToHexString(run.Ct));
        Assert.Equal(Convert.ToHexString(kat.Ss), Convert.ToHexString(run.Ss));
        Assert.Equal(Convert.ToHexString(kat.Ss), Convert.ToHexString(run.DecapsulatedSs));
    }

    [Fact]
    public void ComparisonIsSensitiveToTheSeed()
    {
        var kat = Cases.Value[0];
        var seed = (byte[])kat.Seed.Clone();
        seed[47] ^= 0x01;
        var run = RunCase(seed);
        Assert.NotEqual(kat.Pk, run.Pk);
        Assert.NotEqual(kat.Sk, run.Sk);
        Assert.NotEqual(kat.Ct, run.Ct);
        Assert.NotEqual(kat.Ss, run.Ss);
    }

    [Fact]
    public void ComparisonIsSensitiveToTheCiphertext()
    {
        var kat = Cases.Value[0];
        var ct = (byte[])kat.Ct.Clone();
        ct[0] ^= 0x01;
        var ss = new byte[Kyber512Kem.SharedKeyLength];
        Kyber512Kem.Decapsulate(ss, ct, kat.Sk);
        Assert.NotEqual(kat.Ss, ss);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 639)]   // last byte of the compressed u
    [InlineData(7, 640)]   // first byte of the compressed v
    [InlineData(42, 767)]  // last byte
    public void ModifiedCiphertextGivesImplicitRejectionKey(int count, int position)
    {
        var kat = Cases.Value[count];
        var ct = (byte[])kat.Ct.Clone();
        ct[position] ^= 0x80;

        var ss = new byte[Kyber512Kem.SharedKeyLength];
        Kyber512Kem.Decapsulate(ss, ct, kat.Sk);

        // Round 3: K = KDF(z || H(c')) = SHAKE256(z || SHA3-256(c'))[..32], z = the last 32 bytes of sk.
        var hashOfCt = new byte[32];
        var sha3 = new Sha3Digest(256);
        sha3.BlockUpdate(ct);
        sha3.DoFinal(hashOfCt);
        var shake = new ShakeDigest(256);
        shake.BlockUpdate(kat.Sk.AsSpan(Kyber512Kem.SecretKeyLength - 32));
        shake.BlockUpdate(hashOfCt);
        var expected = new byte[32];
        shake.OutputFinal(expected);

        Assert.NotEqual(kat.Ss, ss);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(ss));
    }

    [Fact]
    public void RoundTripWithSystemRandom()
    {
        for (int i = 0; i < 20; i++)
        {
            var pk = new byte[Kyber512Kem.PublicKeyLength];
            var sk = new byte[Kyber512Kem.SecretKeyLength];
            var ct = new byte[Kyber512Kem.CiphertextLength];
            var ss = new byte[Kyber512Kem.SharedKeyLength];
            var ss1 = new byte[Kyber512Kem.SharedKeyLength];
            Kyber512Kem.GenerateKeyPair(pk, sk, SystemRandom.Instance);
            Kyber512Kem.Encapsulate(ct, ss, pk, SystemRandom.Instance);
            Kyber512Kem.Decapsulate(ss1, ct, sk);
            Assert.Equal(ss, ss1);
            Assert.NotEqual(new byte[32], ss);
        }
    }

    [Fact]
    public void WrongLengthsThrowArgumentException()
    {
        var pk = new byte[Kyber512Kem.PublicKeyLength];
        var sk = new byte[Kyber512Kem.SecretKeyLength];
        var ct = new byte[Kyber512Kem.CiphertextLength];
        var ss = new byte[Kyber512Kem.SharedKeyLength];
        var rng = SystemRandom.Instance;
        Kyber512Kem.GenerateKeyPair(pk, sk, rng);

        Assert.Throws<ArgumentException>(() => Kyber512Kem.GenerateKeyPair(new byte[799], sk, rng));
        Assert.Throws<ArgumentException>(() => Kyber512Kem.GenerateKeyPair(pk, new byte[1633], rng));
        Assert.Throws<ArgumentException>(() => Kyber512Kem.Encapsulate(new byte[767], ss, pk, rng));
        Assert.Throws<ArgumentException>(() => Kyber512Kem.Encapsulate(ct, new byte[31], pk, rng));
        Assert.Throws<ArgumentException>(() => Kyber512Kem.Encapsulate(ct, ss, new byte[801], rng));
        Assert.Throws<ArgumentException>(() => Kyber512Kem.Decapsulate(new byte[33], ct, sk));
        Assert.Throws<ArgumentException>(() => Kyber512Kem.Decapsulate(ss, new byte[769], sk));
        Assert.Throws<ArgumentException>(() => Kyber512Kem.Decapsulate(ss, ct, new byte[1631]));
    }
}
