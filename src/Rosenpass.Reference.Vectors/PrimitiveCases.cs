using System.Text;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// The cases of primitives.json (vectors/README.md, "The primitives file"): the keyed hash of both versions at the
/// input lengths Rosenpass uses, every label of both trees, the AEAD and XAEAD with tag failures, Kyber512 round 3
/// and Classic McEliece 460896 including implicit rejection. Inputs are fixed here; outputs are computed by
/// <see cref="PrimitiveEvaluator"/>, and the tests check every one against an independent source (the standards'
/// vectors, the NIST KATs, a second implementation or the formula of spec §2), named in each case's <c>source</c>.
/// </summary>
internal static class PrimitiveCases
{
    public const string Description =
        "The primitives of spec §2 and §3 on their own, for an implementer debugging one of them: KH V02/V03, the label trees, "
        + "ChaCha20-Poly1305, XChaCha20-Poly1305, Kyber512 round 3, Classic McEliece 460896.";

    public const string Algorithm =
        "KH V02 (incorrect HMAC-BLAKE2b) and V03 (keyed SHAKE256), the label trees of V02 and V03, ChaCha20-Poly1305 (RFC 8439), "
        + "XChaCha20-Poly1305, Kyber512 round 3, Classic McEliece 460896 round 4";

    /// <summary>The seed of case 0 of both NIST KAT files (vectors/kats/): the NIST DRBG derives every coin from it.</summary>
    public const string KatSeed = "061550234d158c5ec95595fe04ef7a25767f2e24cc2bc479d09d86dc9abcfde7056a8c266f9ef97ed08541dbd2e1ffa1";

    /// <summary>The ciphertext of case 0 of vectors/kats/mceliece460896-round4/kat_kem_count0.rsp.</summary>
    public const string McElieceKatCiphertext =
        "cf78c42a38795e0f5d6bac38acdee6c4c9536f93bcc32e08b8ce0b886e737aa5ad51cc0e2e5b9176b67f0327ea117334dcd5664adcffb39f1932c498b210a56eb5"
        + "c9e9c7c5db03dc46c5d2450d1f05c152533be30aa544f20ff11cac1ffebb919d69b033642ac0abc1c174afcbe9f22433a5d3e2048621a7982cc08d5d9e37bc65abe"
        + "96df8a651758894b6e58a34e42cb82798be3fd7b3d96de27e65";

    /// <summary>The pattern of the keyed hash's inputs: bytes 0, 1, …, 250 (a prime length, so it lines up with no block size).</summary>
    public static readonly byte[] InputPattern = [.. Enumerable.Range(0, 251).Select(i => (byte)i)];

    /// <summary>The input lengths of the keyed-hash cases: empty, one byte, a key, an InitHello's covered part, a McEliece public key.</summary>
    public static readonly int[] KeyedHashLengths = [0, 1, 32, 1028, 524160];

    /// <summary>Every node of the label tree below PROTOCOL (spec §3.2), PROTOCOL itself first.</summary>
    public static readonly string[][] LabelPaths =
    [
        [], ["mac"], ["cookie"], ["cookie-value"], ["cookie-key"], ["peer id"], ["biscuit additional data"], ["chaining key init"],
        ["chaining key extract"], ["chaining key extract", "mix"], ["chaining key extract", "handshake encryption"],
        ["chaining key extract", "initiator handshake encryption"], ["chaining key extract", "responder handshake encryption"],
        ["chaining key extract", "user"], ["chaining key extract", "user", "rosenpass.eu"],
        ["chaining key extract", "user", "rosenpass.eu", "wireguard psk"],
    ];

    // RFC 8439 §2.8.2 and draft-irtf-cfrg-xchacha-03 §A.3.1 share key, AD and plaintext.
    private static readonly byte[] StandardKey = [.. Enumerable.Range(0x80, 32).Select(i => (byte)i)];
    private static readonly byte[] StandardAd = Convert.FromHexString("50515253c0c1c2c3c4c5c6c7");
    private static readonly byte[] StandardPlaintext =
        Encoding.ASCII.GetBytes("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");

    public static PrimitivesFile Generate()
    {
        var cases = KeyedHashCases().Concat(LabelCases()).Concat(AeadCases()).Concat(XAeadCases()).Concat(KyberCases()).Concat(McElieceCases())
            .Select(c => PrimitiveEvaluator.Complete(c, $"primitive case {c.Id}")).ToList();
        return new PrimitivesFile
        {
            Format = VectorJson.PrimitivesFormat, Algorithm = Algorithm, Generator = VectorGenerator.GeneratorName,
            GeneratorVersion = VectorGenerator.GeneratorVersion, Schema = VectorGenerator.SchemaFileName, Description = Description,
            Notes = new SortedDictionary<string, Note>(cases.SelectMany(c => c.Flags).Distinct().ToDictionary(f => f, f => PrimitiveFlags.Meanings[f]),
                StringComparer.Ordinal),
            NumberOfCases = cases.Count, Cases = cases,
        };
    }

    private static IEnumerable<PrimitiveCase> KeyedHashCases()
    {
        byte[] key = [.. Enumerable.Range(0, 32).Select(i => (byte)(0xa0 + i))];
        foreach (var version in new[] { ProtocolVersion.V02, ProtocolVersion.V03 })
        {
            foreach (int length in KeyedHashLengths)
            {
                bool inline = length <= 32;
                var rule = new RepeatedBytes { Pattern = VectorJson.Hex(InputPattern), Length = length };
                yield return new PrimitiveCase
                {
                    Id = $"kh-{Tag(version)}-{length}", Primitive = "keyedHash", Version = version.ToString(), Result = "valid",
                    Comment = $"KH {version} of a {length}-byte input (bytes i mod 251){(inline ? "" : ", written as inputRepeat")}",
                    Flags = length == 0 ? [PrimitiveFlags.EmptyInput] : length > 1000 ? [PrimitiveFlags.LongInput] : [PrimitiveFlags.Ordinary],
                    Source = version == ProtocolVersion.V03
                        ? "the formula of spec §2.1 (SHAKE256(k ‖ d)[0..32]); checked with .NET's and BouncyCastle's SHAKE256"
                        : "the formula of spec §2.1 (two BLAKE2b calls); checked with BouncyCastle's BLAKE2b called as the formula says",
                    Key = VectorJson.Hex(key),
                    Input = inline ? VectorJson.Hex(rule.Expand("pattern")) : null, InputRepeat = inline ? null : rule,
                };
            }
        }
    }

    private static IEnumerable<PrimitiveCase> LabelCases()
    {
        foreach (var version in new[] { ProtocolVersion.V02, ProtocolVersion.V03 })
        {
            foreach (var path in LabelPaths)
            {
                string name = path.Length == 0 ? "protocol" : string.Join("-", path[^1].Split(' ', '.'));
                yield return new PrimitiveCase
                {
                    Id = $"label-{Tag(version)}-{name}", Primitive = "label", Version = version.ToString(), Result = "valid",
                    Comment = $"{version} tree: PROTOCOL{string.Concat(path.Select(p => $" → \"{p}\""))}",
                    Flags = [PrimitiveFlags.LabelValue],
                    Source = "spec §3.3 (values recomputed from §2.1 and §3.2; V03 also as in upstream's recorded handshake)",
                    Path = [.. path],
                };
            }
        }
    }

    private static IEnumerable<PrimitiveCase> AeadCases()
    {
        byte[] nonce = Convert.FromHexString("070000004041424344454647");
        var rfc = new PrimitiveCase
        {
            Id = "aead-rfc8439", Primitive = "aead", Result = "valid", Comment = "RFC 8439 §2.8.2",
            Flags = [PrimitiveFlags.KnownAnswer], Source = "RFC 8439 §2.8.2",
            Key = VectorJson.Hex(StandardKey), Nonce = VectorJson.Hex(nonce), Ad = VectorJson.Hex(StandardAd),
            Plaintext = VectorJson.Hex(StandardPlaintext),
        };
        yield return rfc;
        byte[] key = [.. Enumerable.Range(0, 32).Select(i => (byte)(0x40 + i))];
        string zeroNonce = VectorJson.Hex(new byte[Aead.NonceLength]);
        string Generated = "generated with .NET's ChaCha20-Poly1305; checked with BouncyCastle's";
        yield return Shaped("aead-empty", "an empty plaintext and AD under nonce 0: the auth tags of IHI8, RHR7, ICI4", key, zeroNonce, "", "", Generated);
        yield return Shaped("aead-32-bytes", "a 32-byte plaintext under nonce 0: pidi_ct of IHI6", key, zeroNonce, "",
            VectorJson.Hex([.. Enumerable.Range(0, 32).Select(i => (byte)i)]), Generated);
        yield return Shaped("aead-counter-nonce", "an empty plaintext under nonce LE_8(5) ‖ 0^4: an EmptyData with counter 5 (spec §6.4)", key,
            "050000000000000000000000", "", "", Generated);
        foreach (var bad in TagFailures(rfc, "aead")) yield return bad;
    }

    private static IEnumerable<PrimitiveCase> XAeadCases()
    {
        var draft = new PrimitiveCase
        {
            Id = "xaead-draft-xchacha", Primitive = "xaead", Result = "valid", Comment = "draft-irtf-cfrg-xchacha-03 §A.3.1",
            Flags = [PrimitiveFlags.KnownAnswer], Source = "draft-irtf-cfrg-xchacha-03 §A.3.1",
            Key = VectorJson.Hex(StandardKey), Nonce = VectorJson.Hex([.. Enumerable.Range(0x40, 24).Select(i => (byte)i)]),
            Ad = VectorJson.Hex(StandardAd), Plaintext = VectorJson.Hex(StandardPlaintext),
        };
        yield return draft;
        byte[] key = [.. Enumerable.Range(0, 32).Select(i => (byte)(0x60 + i))];
        string nonce = VectorJson.Hex([.. Enumerable.Range(0, 24).Select(i => (byte)(0x90 + i))]);
        string Generated = "generated with BouncyCastle's XChaCha20-Poly1305; checked as HChaCha20 then .NET's ChaCha20-Poly1305 (the draft's definition)";
        yield return Shaped("xaead-biscuit", "a 76-byte plaintext and 32-byte AD: the biscuit of RHR6 (spec §7.1)", key, nonce,
            VectorJson.Hex([.. Enumerable.Range(0, 32).Select(i => (byte)(0xc0 + i))]), VectorJson.Hex([.. Enumerable.Range(0, 76).Select(i => (byte)i)]),
            Generated, "xaead");
        yield return Shaped("xaead-cookie", "a 16-byte plaintext and 16-byte AD: the cookie of a CookieReply (spec §8.3)", key, nonce,
            VectorJson.Hex([.. Enumerable.Range(0, 16).Select(i => (byte)(0xe0 + i))]), VectorJson.Hex([.. Enumerable.Range(0, 16).Select(i => (byte)i)]),
            Generated, "xaead");
        foreach (var bad in TagFailures(draft, "xaead")) yield return bad;
    }

    private static PrimitiveCase Shaped(string id, string comment, byte[] key, string nonce, string ad, string plaintext, string source,
        string primitive = "aead") => new()
    {
        Id = id, Primitive = primitive, Result = "valid", Comment = comment, Flags = [PrimitiveFlags.RosenpassShape], Source = source,
        Key = VectorJson.Hex(key), Nonce = nonce, Ad = ad, Plaintext = plaintext,
    };

    /// <summary>The standard vector with its tag, its ciphertext or its AD changed by one bit: opening must fail.</summary>
    private static IEnumerable<PrimitiveCase> TagFailures(PrimitiveCase genuine, string prefix)
    {
        byte[] sealedText = VectorJson.Bytes(PrimitiveEvaluator.Complete(genuine, genuine.Id).Ciphertext!, genuine.Id);
        byte[] ad = VectorJson.Bytes(genuine.Ad!, genuine.Id);
        PrimitiveCase Bad(string name, string comment, string flag, byte[] ciphertext, byte[] withAd) => genuine with
        {
            Id = $"{prefix}-{name}", Result = "invalid", Comment = $"{genuine.Comment} with {comment}: opening fails", Flags = [flag],
            Source = "a property: one flipped bit makes the tag fail", Ciphertext = VectorJson.Hex(ciphertext), Ad = VectorJson.Hex(withAd),
        };
        yield return Bad("flipped-tag", "bit 0 of the tag's last byte flipped", PrimitiveFlags.ModifiedTag, Flip(sealedText, sealedText.Length - 1), ad);
        yield return Bad("flipped-ciphertext", "bit 0 of the first ciphertext byte flipped", PrimitiveFlags.ModifiedCiphertext, Flip(sealedText, 0), ad);
        yield return Bad("flipped-ad", "bit 0 of the first AD byte flipped", PrimitiveFlags.ModifiedAd, sealedText, Flip(ad, 0));
    }

    private static IEnumerable<PrimitiveCase> KyberCases()
    {
        // NIST's PQCgenKAT_kem: randombytes_init(seed), then keypair draws d and z (32 bytes each), enc draws 32 bytes.
        using var drbg = new NistCtrDrbg(Convert.FromHexString(KatSeed));
        byte[] keygenCoins = new byte[64], encapsCoins = new byte[32];
        drbg.Fill(keygenCoins.AsSpan(0, 32));
        drbg.Fill(keygenCoins.AsSpan(32, 32));
        drbg.Fill(encapsCoins);
        const string Kat = "NIST KAT vectors/kats/kyber512-round3/PQCkemKAT_1632.rsp, count 0";
        var keygen = PrimitiveEvaluator.Complete(new PrimitiveCase
        {
            Id = "kyber512-keygen-kat0", Primitive = "kyber512", Operation = "keygen", Result = "valid",
            Comment = "KeyGen with the coins d ‖ z that the NIST DRBG yields for KAT count 0 (two 32-byte draws)",
            Flags = [PrimitiveFlags.KnownAnswer, PrimitiveFlags.RoundThree], Source = Kat, Coins = VectorJson.Hex(keygenCoins),
        }, "kyber512-keygen-kat0");
        yield return keygen;
        var encaps = PrimitiveEvaluator.Complete(new PrimitiveCase
        {
            Id = "kyber512-encaps-kat0", Primitive = "kyber512", Operation = "encaps", Result = "valid",
            Comment = "Encaps to the KAT's public key with the 32 bytes the DRBG yields next (round 3 hashes them: m = H(coins))",
            Flags = [PrimitiveFlags.KnownAnswer, PrimitiveFlags.RoundThree], Source = Kat, PublicKey = keygen.PublicKey, Coins = VectorJson.Hex(encapsCoins),
        }, "kyber512-encaps-kat0");
        yield return encaps;
        var decaps = new PrimitiveCase
        {
            Id = "kyber512-decaps-kat0", Primitive = "kyber512", Operation = "decaps", Result = "valid",
            Comment = "Decaps of the KAT's ciphertext with its secret key", Flags = [PrimitiveFlags.KnownAnswer, PrimitiveFlags.RoundThree],
            Source = Kat, SecretKey = keygen.SecretKey, Ciphertext = encaps.Ciphertext,
        };
        yield return decaps;
        byte[] ct = VectorJson.Bytes(encaps.Ciphertext!, "kyber512");
        const string Rejection = "a property: round 3's implicit rejection K = SHAKE256(z ‖ SHA3-256(c'))[0..32], z the last 32 bytes of the secret key";
        yield return decaps with
        {
            Id = "kyber512-decaps-modified-first-byte", Comment = "Decaps of the KAT's ciphertext with bit 0 of byte 0 flipped: the implicit-rejection key",
            Flags = [PrimitiveFlags.ImplicitRejection, PrimitiveFlags.RoundThree], Source = Rejection, Ciphertext = VectorJson.Hex(Flip(ct, 0)),
        };
        yield return decaps with
        {
            Id = "kyber512-decaps-modified-last-byte", Comment = "Decaps of the KAT's ciphertext with bit 0 of its last byte flipped: the implicit-rejection key",
            Flags = [PrimitiveFlags.ImplicitRejection, PrimitiveFlags.RoundThree], Source = Rejection, Ciphertext = VectorJson.Hex(Flip(ct, ct.Length - 1)),
        };
    }

    private static IEnumerable<PrimitiveCase> McElieceCases()
    {
        // The KAT's KeyGen draws one 32-byte seed from the NIST DRBG; BouncyCastle's KeyGen, handed it, gives the KAT's key pair.
        using var drbg = new NistCtrDrbg(Convert.FromHexString(KatSeed));
        var (pk, sk) = (new byte[McEliece460896.PublicKeyBytes], new byte[McEliece460896.SecretKeyBytes]);
        new McEliece460896(drbg).GenerateKeyPair(pk, sk);
        const string Kat = "NIST KAT vectors/kats/mceliece460896-round4/kat_kem_count0.rsp, count 0 (the submission's code, via PQClean)";
        var decaps = new PrimitiveCase
        {
            Id = "mceliece460896-decaps-kat0", Primitive = "mceliece460896", Operation = "decaps", Result = "valid",
            Comment = "Decaps of the KAT's ciphertext with the KAT's secret key (the public key, 524160 bytes, is in the KAT file)",
            Flags = [PrimitiveFlags.KnownAnswer], Source = Kat, SecretKey = VectorJson.Hex(sk), Ciphertext = McElieceKatCiphertext,
        };
        yield return decaps;
        byte[] ct = Convert.FromHexString(McElieceKatCiphertext);
        const string Rejection = "a property: round 4's implicit rejection K = SHAKE256(0x00 ‖ s ‖ c')[0..32], s the last 576 bytes of the secret key";
        yield return decaps with
        {
            Id = "mceliece460896-decaps-modified-first-byte", Comment = "Decaps of the KAT's ciphertext with bit 0 of byte 0 flipped: the implicit-rejection key",
            Flags = [PrimitiveFlags.ImplicitRejection], Source = Rejection, Ciphertext = VectorJson.Hex(Flip(ct, 0)),
        };
        yield return decaps with
        {
            Id = "mceliece460896-decaps-modified-last-byte", Comment = "Decaps of the KAT's ciphertext with bit 0 of its last byte flipped: the implicit-rejection key",
            Flags = [PrimitiveFlags.ImplicitRejection], Source = Rejection, Ciphertext = VectorJson.Hex(Flip(ct, ct.Length - 1)),
        };
    }

    private static string Tag(ProtocolVersion version) => version.ToString().ToLowerInvariant();

    private static byte[] Flip(byte[] bytes, int offset)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[offset] ^= 1;
        return copy;
    }
}
