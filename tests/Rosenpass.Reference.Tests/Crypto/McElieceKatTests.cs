using System.Security.Cryptography;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Crypto.ClassicMcEliece;
using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// Classic McEliece 460896 round 4 (spec §2.4) against the first case of NIST's known-answer procedure,
/// vectors/kats/mceliece460896-round4/kat_kem_count0.rsp, replayed as PQCgenKAT_kem does: randombytes_init(seed),
/// crypto_kem_keypair (which draws 32 bytes; our key generation is BouncyCastle's, so the draw is only skipped
/// here and pk, sk are the file's), crypto_kem_enc, crypto_kem_dec.
/// </summary>
public class McElieceKatTests
{
    private sealed record KatCase(byte[] Seed, byte[] Pk, byte[] Sk, byte[] Ct, byte[] Ss);

    private static readonly string KatPath = Path.Combine(TestPaths.Kats, "mceliece460896-round4", "kat_kem_count0.rsp");

    private static readonly Lazy<KatCase> Case = new(() =>
    {
        var fields = File.ReadLines(KatPath).Select(line => line.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2).ToDictionary(parts => parts[0], parts => parts[1]);
        return new KatCase(Convert.FromHexString(fields["seed"]), Convert.FromHexString(fields["pk"]),
            Convert.FromHexString(fields["sk"]), Convert.FromHexString(fields["ct"]), Convert.FromHexString(fields["ss"]));
    });

    /// <summary>crypto_kem_enc after the key generation's single randombytes(32), with the given public key.</summary>
    private static (byte[] Ct, byte[] Ss) Encapsulate(byte[] pk)
    {
        using var drbg = new NistCtrDrbg(Case.Value.Seed);
        drbg.Fill(new byte[32]); // crypto_kem_keypair: randombytes(seed, 32); everything else it derives by SHAKE256
        byte[] ct = new byte[McEliece460896.CiphertextBytes], ss = new byte[McEliece460896.SharedKeyBytes];
        new McEliece460896(drbg).Encapsulate(ct, ss, pk);
        return (ct, ss);
    }

    private static byte[] Decapsulate(byte[] ct, byte[] sk)
    {
        byte[] ss = new byte[McEliece460896.SharedKeyBytes];
        new McEliece460896(SystemRandom.Instance).Decapsulate(ss, ct, sk);
        return ss;
    }

    [Fact]
    public void The_file_is_the_published_one()
    {
        // PQClean's nistkat-sha256 for mceliece460896 (META.yml): the SHA-256 of the whole count-0 output.
        Assert.Equal("03124a66e44aea18a3c1fcd63be22f2217ec5514b7d84166b1da71094c251769",
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(KatPath))));
        Assert.Equal(McEliece460896.PublicKeyBytes, Case.Value.Pk.Length);
        Assert.Equal(McEliece460896.SecretKeyBytes, Case.Value.Sk.Length);
    }

    [Fact]
    public void Encapsulation_reproduces_ct_and_ss()
    {
        var (ct, ss) = Encapsulate(Case.Value.Pk);
        Assert.Equal(Case.Value.Ct, ct);
        Assert.Equal(Case.Value.Ss, ss);
    }

    [Fact]
    public void Decapsulation_reproduces_ss()
    {
        Assert.Equal(Case.Value.Ss, Decapsulate(Case.Value.Ct, Case.Value.Sk));
    }

    [Fact]
    public void A_flipped_public_key_byte_fails_the_encapsulation_check()
    {
        // A byte of T matters only where e has a one: flip, in T's first row, the byte of e's first one past mt.
        byte[] e = new byte[576];
        Assert.Equal(ulong.MaxValue, Decoder.Decode(e, Case.Value.Ct, Case.Value.Sk, KemWorkspace.Current));
        int column = Enumerable.Range(1248, 4608 - 1248).First(i => ((e[i / 8] >> (i % 8)) & 1) == 1) - 1248;
        byte[] pk = (byte[])Case.Value.Pk.Clone();
        pk[column / 8] ^= (byte)(1 << (column % 8));
        var (ct, ss) = Encapsulate(pk);
        Assert.NotEqual(Case.Value.Ct, ct);
        Assert.NotEqual(Case.Value.Ss, ss);
    }

    [Theory]
    [InlineData(40, 0x10)]     // g_0
    [InlineData(12520, 0xFF)]  // the last Beneš layer's first byte: swaps α of support positions 0 ... 15 in pairs
    [InlineData(13607, 0x10)]  // the last byte of s: used only on rejection, so a flipped ct reaches it
    public void A_flipped_secret_key_byte_fails_the_decapsulation_check(int offset, byte flip)
    {
        byte[] sk = (byte[])Case.Value.Sk.Clone();
        sk[offset] ^= flip;
        byte[] ct = (byte[])Case.Value.Ct.Clone();
        if (offset >= 13608 - 576) ct[0] ^= 1;
        Assert.NotEqual(Case.Value.Ss, Decapsulate(ct, sk));
    }

    [Fact]
    public void A_flipped_ciphertext_byte_is_rejected_implicitly()
    {
        // Spec §4.6: a ciphertext that does not decode gives K = H(0, s, C), s the last n/8 bytes of sk.
        byte[] ct = (byte[])Case.Value.Ct.Clone();
        ct[77] ^= 0x20;
        byte[] preimage = [0, .. Case.Value.Sk.AsSpan(Case.Value.Sk.Length - 576).ToArray(), .. ct];
        Assert.Equal(Shake256(preimage), Decapsulate(ct, Case.Value.Sk));
    }

    private static byte[] Shake256(byte[] data)
    {
        byte[] output = new byte[32];
        Reference.Crypto.Shake256Hash.ComputeFallback(data, [], output);
        return output;
    }
}
