using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Tests.Vectors;

/// <summary>
/// vectors/primitives.json: every value in it equals what an independent source gives: the NIST KAT files, the
/// standards' own vectors, spec §3.3's table, a second implementation (BouncyCastle where we use .NET, .NET where we
/// use BouncyCastle) or a formula of spec §2 computed here. And the checker catches a changed value.
/// </summary>
public sealed partial class PrimitiveVectorsTests
{
    private static readonly Lazy<PrimitivesFile> File_ = new(() =>
        VectorJson.Load<PrimitivesFile>(Path.Combine(GeneratedVectorsFixture.Committed, PrimitiveChecker.FileName)));

    private static IEnumerable<PrimitiveCase> Cases(string primitive) => File_.Value.Cases.Where(c => c.Primitive == primitive);

    private static byte[] B(string? hex) => Convert.FromHexString(hex!);

    private static PrimitiveCase Case(string id) => File_.Value.Cases.Single(c => c.Id == id);

    [Fact]
    public void The_file_covers_what_the_format_promises()
    {
        var kh = Cases("keyedHash").ToList();
        foreach (string version in new[] { "V02", "V03" })
        {
            var lengths = kh.Where(c => c.Version == version).Select(c => PrimitiveEvaluator.KeyedHashInput(c, c.Id).Length).Order();
            Assert.Equal([0, 1, 32, 1028, 524160], lengths);
            Assert.Equal(16, Cases("label").Count(c => c.Version == version));
        }
        Assert.Contains(Cases("aead"), c => c.Result == "invalid");
        Assert.Contains(Cases("xaead"), c => c.Result == "invalid");
        Assert.Equal(["decaps", "encaps", "keygen"], Cases("kyber512").Select(c => c.Operation!).Distinct().Order());
        Assert.Contains(Cases("kyber512"), c => c.Flags.Contains("ImplicitRejection"));
        Assert.Contains(Cases("mceliece460896"), c => c.Flags.Contains("ImplicitRejection"));
        Assert.Equal(File_.Value.NumberOfCases, File_.Value.Cases.Count);
    }

    [Fact]
    public void Keyed_hash_V03_is_SHAKE256_of_key_and_data_by_two_other_implementations()
    {
        foreach (var c in Cases("keyedHash").Where(c => c.Version == "V03"))
        {
            byte[] data = [.. B(c.Key), .. PrimitiveEvaluator.KeyedHashInput(c, c.Id)];
            Assert.Equal(c.Output, Convert.ToHexStringLower(Shake256.HashData(data, 32)));
            var bc = new ShakeDigest(256);
            bc.BlockUpdate(data, 0, data.Length);
            var output = new byte[32];
            bc.OutputFinal(output, 0, 32);
            Assert.Equal(c.Output, Convert.ToHexStringLower(output));
        }
    }

    [Fact]
    public void Keyed_hash_V02_is_the_two_BLAKE2b_calls_of_spec_2_1()
    {
        foreach (var c in Cases("keyedHash").Where(c => c.Version == "V02"))
        {
            byte[] key = B(c.Key);
            byte[] inner = Blake2b(Xor(key, 0x36), PrimitiveEvaluator.KeyedHashInput(c, c.Id));
            Assert.Equal(c.Output, Convert.ToHexStringLower(Blake2b(Xor(key, 0x5c), inner)));
        }
    }

    [Fact]
    public void Every_label_equals_spec_3_3_and_the_formula()
    {
        var table = SpecLabelTable();
        int fromTable = 0;
        foreach (var c in Cases("label"))
        {
            string node = c.Path!.Count == 0 ? "PROTOCOL" : c.Path[^1];
            if (table.TryGetValue((node, c.Version!), out string? value))
            {
                Assert.Equal(value, c.Value);
                fromTable++;
            }
            // The nodes the table leaves out ("chaining key extract", "user", "rosenpass.eu", V02's cookie labels):
            // the formula of §3.1, zero → protocol string → labels, with the keyed hash of §2.1 computed here.
            byte[] h = new byte[32];
            string protocol = c.Version == "V02" ? "Rosenpass v1 mceliece460896 Kyber512 ChaChaPoly1305 BLAKE2s"
                : "Rosenpass v1 mceliece460896 Kyber512 ChaChaPoly1305 SHAKE256";
            foreach (string label in new[] { protocol }.Concat(c.Path)) h = Kh(c.Version!, h, System.Text.Encoding.UTF8.GetBytes(label));
            Assert.Equal(c.Value, Convert.ToHexStringLower(h));
        }
        Assert.Equal(table.Count, fromTable);
        Assert.True(fromTable >= 22, $"only {fromTable} label values came from spec §3.3");
    }

    [Fact]
    public void The_AEAD_cases_are_the_RFC_vector_and_agree_with_BouncyCastle()
    {
        Assert.EndsWith("1ae10b594f09e26a7e902ecbd0600691", Case("aead-rfc8439").Ciphertext);
        Assert.StartsWith("d31a8d34648e60db7b86afbc53ef7ec2", Case("aead-rfc8439").Ciphertext);
        foreach (var c in Cases("aead"))
        {
            var cipher = new Org.BouncyCastle.Crypto.Modes.ChaCha20Poly1305();
            cipher.Init(false, new AeadParameters(new KeyParameter(B(c.Key)), 128, B(c.Nonce), B(c.Ad)));
            byte[] input = B(c.Ciphertext), plaintext = new byte[input.Length];
            bool opens;
            try
            {
                int n = cipher.ProcessBytes(input, 0, input.Length, plaintext, 0);
                n += cipher.DoFinal(plaintext, n);
                opens = plaintext.AsSpan(0, n).SequenceEqual(B(c.Plaintext));
            }
            catch (Org.BouncyCastle.Crypto.InvalidCipherTextException) { opens = false; }
            Assert.True(opens == (c.Result == "valid"), c.Id);
        }
    }

    [Fact]
    public void The_XAEAD_cases_are_the_draft_vector_and_agree_with_HChaCha20_then_ChaCha20_Poly1305()
    {
        Assert.EndsWith("c0875924c1c7987947deafd8780acf49", Case("xaead-draft-xchacha").Ciphertext);
        Assert.StartsWith("bd6d179d3e83d43b9576579493c0e939", Case("xaead-draft-xchacha").Ciphertext);
        foreach (var c in Cases("xaead"))
        {
            byte[] nonce = B(c.Nonce), input = B(c.Ciphertext);
            using var cipher = new ChaCha20Poly1305(HChaCha20(B(c.Key), nonce.AsSpan(0, 16)));
            byte[] plaintext = new byte[input.Length - 16];
            bool opens;
            try
            {
                cipher.Decrypt([0, 0, 0, 0, .. nonce.AsSpan(16)], input.AsSpan(0, plaintext.Length), input.AsSpan(plaintext.Length), plaintext, B(c.Ad));
                opens = plaintext.AsSpan().SequenceEqual(B(c.Plaintext));
            }
            catch (AuthenticationTagMismatchException) { opens = false; }
            Assert.True(opens == (c.Result == "valid"), c.Id);
        }
    }

    [Fact]
    public void Kyber_cases_are_the_NIST_KAT_and_its_DRBG_and_round_3_implicit_rejection()
    {
        var kat = Kat(Path.Combine(TestPaths.Kats, "kyber512-round3", "PQCkemKAT_1632.rsp"));
        using var drbg = new NistCtrDrbg(Convert.FromHexString(kat["seed"]));
        byte[] coins = new byte[96];
        drbg.Fill(coins.AsSpan(0, 32));
        drbg.Fill(coins.AsSpan(32, 32));
        drbg.Fill(coins.AsSpan(64, 32));
        var (keygen, encaps, decaps) = (Case("kyber512-keygen-kat0"), Case("kyber512-encaps-kat0"), Case("kyber512-decaps-kat0"));
        Assert.Equal(Convert.ToHexStringLower(coins[..64]), keygen.Coins);
        Assert.Equal(Convert.ToHexStringLower(coins[64..]), encaps.Coins);
        Assert.Equal(kat["pk"], keygen.PublicKey);
        Assert.Equal(kat["sk"], keygen.SecretKey);
        Assert.Equal(kat["ct"], encaps.Ciphertext);
        Assert.Equal(kat["ss"], encaps.SharedKey);
        Assert.Equal(kat["ss"], decaps.SharedKey);
        byte[] z = B(kat["sk"])[^32..];
        var rejected = Cases("kyber512").Where(c => c.Flags.Contains("ImplicitRejection")).ToList();
        Assert.Equal(2, rejected.Count);
        foreach (var c in rejected)
        {
            Assert.NotEqual(kat["ct"], c.Ciphertext);
            Assert.Equal(c.SharedKey, Convert.ToHexStringLower(Shake256.HashData([.. z, .. SHA3_256.HashData(B(c.Ciphertext))], 32)));
        }
    }

    [Fact]
    public void McEliece_cases_are_the_NIST_KAT_and_round_4_implicit_rejection()
    {
        var kat = Kat(Path.Combine(TestPaths.Kats, "mceliece460896-round4", "kat_kem_count0.rsp"));
        var decaps = Case("mceliece460896-decaps-kat0");
        Assert.Equal(kat["sk"], decaps.SecretKey);
        Assert.Equal(kat["ct"], decaps.Ciphertext);
        Assert.Equal(kat["ss"], decaps.SharedKey);
        byte[] s = B(kat["sk"])[^576..];
        var rejected = Cases("mceliece460896").Where(c => c.Flags.Contains("ImplicitRejection")).ToList();
        Assert.Equal(2, rejected.Count);
        foreach (var c in rejected)
        {
            Assert.Equal(kat["sk"], c.SecretKey);
            Assert.Equal(c.SharedKey, Convert.ToHexStringLower(Shake256.HashData([0, .. s, .. B(c.Ciphertext)], 32)));
        }
    }

    [Theory]
    [InlineData("kh-v02-1028", "output")]
    [InlineData("label-v03-mac", "value")]
    [InlineData("aead-empty", "ciphertext")]
    [InlineData("xaead-biscuit", "ciphertext")]
    [InlineData("kyber512-decaps-modified-first-byte", "sharedKey")]
    [InlineData("mceliece460896-decaps-modified-last-byte", "sharedKey")]
    public void A_changed_value_fails_the_checker_and_is_named(string id, string field)
    {
        string dir = GeneratedVectorsFixture.TempFolder();
        string path = Path.Combine(dir, PrimitiveChecker.FileName);
        var file = File_.Value;
        var cases = file.Cases.Select(c => c.Id != id ? c : field switch
        {
            "output" => c with { Output = Flip(c.Output!) },
            "value" => c with { Value = Flip(c.Value!) },
            "ciphertext" => c with { Ciphertext = Flip(c.Ciphertext!) },
            _ => c with { SharedKey = Flip(c.SharedKey!) },
        }).Where(c => c.Id == id || c.Primitive != "mceliece460896").ToList();
        System.IO.File.WriteAllText(path, VectorJson.Serialize(new PrimitivesFile
        {
            Format = file.Format, Algorithm = file.Algorithm, Generator = file.Generator, GeneratorVersion = file.GeneratorVersion,
            Schema = file.Schema, Description = file.Description, Notes = file.Notes, NumberOfCases = cases.Count, Cases = cases,
        }));
        var output = new StringWriter();
        Assert.Equal(VectorsTool.Mismatch, VectorsTool.Check([path], output));
        var line = Assert.Single(output.ToString().Split('\n'), l => l.Contains("expected"));
        Assert.Contains($"case {id} ", line);
        Assert.Contains($": {field}: expected", line);
    }

    [Fact]
    public void An_AEAD_case_marked_invalid_whose_ciphertext_opens_fails_the_checker()
    {
        string dir = GeneratedVectorsFixture.TempFolder();
        string path = Path.Combine(dir, PrimitiveChecker.FileName);
        var file = File_.Value;
        var genuine = Case("aead-rfc8439");
        var cases = new List<PrimitiveCase> { genuine, Case("aead-flipped-tag") with { Ciphertext = genuine.Ciphertext } };
        System.IO.File.WriteAllText(path, VectorJson.Serialize(new PrimitivesFile
        {
            Format = file.Format, Algorithm = file.Algorithm, Generator = file.Generator, GeneratorVersion = file.GeneratorVersion,
            Schema = file.Schema, Description = file.Description, Notes = file.Notes, NumberOfCases = cases.Count, Cases = cases,
        }));
        var output = new StringWriter();
        Assert.Equal(VectorsTool.Mismatch, VectorsTool.Check([path], output));
        Assert.Contains("case aead-flipped-tag (aead): result: expected invalid, got valid", output.ToString());
    }

    private static string Flip(string hex) => (hex[0] == '0' ? '1' : '0') + hex[1..];

    private static byte[] Kh(string version, byte[] key, byte[] data) => version == "V03"
        ? Shake256.HashData([.. key, .. data], 32)
        : Blake2b(Xor(key, 0x5c), Blake2b(Xor(key, 0x36), data));

    private static byte[] Blake2b(byte[] key, byte[] data)
    {
        var digest = new Blake2bDigest(key, 32, null, null);
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }

    private static byte[] Xor(byte[] key, byte pad) => [.. key.Select(b => (byte)(b ^ pad))];

    /// <summary>HChaCha20 (draft-irtf-cfrg-xchacha-03 §2.2): 20 ChaCha rounds over constants, key and 16 nonce bytes; words 0-3 and 12-15.</summary>
    private static byte[] HChaCha20(byte[] key, ReadOnlySpan<byte> nonce16)
    {
        var s = new uint[16];
        s[0] = 0x61707865; s[1] = 0x3320646e; s[2] = 0x79622d32; s[3] = 0x6b206574;
        for (int i = 0; i < 8; i++) s[4 + i] = BinaryPrimitives.ReadUInt32LittleEndian(key.AsSpan(4 * i));
        for (int i = 0; i < 4; i++) s[12 + i] = BinaryPrimitives.ReadUInt32LittleEndian(nonce16[(4 * i)..]);
        for (int round = 0; round < 10; round++)
        {
            Quarter(s, 0, 4, 8, 12); Quarter(s, 1, 5, 9, 13); Quarter(s, 2, 6, 10, 14); Quarter(s, 3, 7, 11, 15);
            Quarter(s, 0, 5, 10, 15); Quarter(s, 1, 6, 11, 12); Quarter(s, 2, 7, 8, 13); Quarter(s, 3, 4, 9, 14);
        }
        var output = new byte[32];
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(4 * i), s[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(16 + 4 * i), s[12 + i]);
        }
        return output;
    }

    private static void Quarter(uint[] s, int a, int b, int c, int d)
    {
        s[a] += s[b]; s[d] = uint.RotateLeft(s[d] ^ s[a], 16);
        s[c] += s[d]; s[b] = uint.RotateLeft(s[b] ^ s[c], 12);
        s[a] += s[b]; s[d] = uint.RotateLeft(s[d] ^ s[a], 8);
        s[c] += s[d]; s[b] = uint.RotateLeft(s[b] ^ s[c], 7);
    }

    /// <summary>The first case of a NIST .rsp file, values lower-case hex.</summary>
    private static Dictionary<string, string> Kat(string path)
    {
        var fields = new Dictionary<string, string>();
        foreach (string line in File.ReadLines(path))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2) continue;
            if (parts[0] == "count" && fields.Count > 0) break;
            fields[parts[0]] = parts[1].ToLowerInvariant();
        }
        return fields;
    }

    /// <summary>spec §3.3's table: (node, version) → value, for every cell that holds one.</summary>
    private static Dictionary<(string, string), string> SpecLabelTable()
    {
        var table = new Dictionary<(string, string), string>();
        foreach (string line in File.ReadLines(Path.Combine(TestPaths.RepoRoot, "spec", "03-hash-domains.md")))
        {
            var m = LabelRow().Match(line);
            if (!m.Success) continue;
            string node = Regex.Replace(m.Groups[1].Value.Trim(), @"\s*\(`[a-z_]+`\)$", "");
            if (m.Groups[2].Success) table[(node, "V03")] = m.Groups[2].Value;
            if (m.Groups[3].Success) table[(node, "V02")] = m.Groups[3].Value;
        }
        return table;
    }

    [GeneratedRegex(@"^\| ([^|`]+(?:\(`[a-z_]+`\))?) \| (?:`([0-9a-f]{64})`|[^|]*) \| (?:`([0-9a-f]{64})`|[^|]*) \|$")]
    private static partial Regex LabelRow();
}
