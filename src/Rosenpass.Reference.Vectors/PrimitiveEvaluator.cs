using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Crypto.Kyber512;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// Computes a primitives case's outputs from its inputs with this implementation's primitives. The generator writes
/// what it returns; the checker compares it with the file. Inputs are read strictly: a missing or malformed input
/// ends in <see cref="InputFormatException"/>.
/// </summary>
internal static class PrimitiveEvaluator
{
    /// <summary>The case with every output recomputed (for an AEAD case, <c>result</c> says whether its ciphertext opens).</summary>
    public static PrimitiveCase Complete(PrimitiveCase c, string where) => c.Primitive switch
    {
        "keyedHash" => c with { Output = Hex(KeyedHash.For(Version(c, where)).Compute(Need(c.Key, where, "key"), KeyedHashInput(c, where))) },
        "label" => c with { Value = Hex(Label(Version(c, where), c.Path ?? throw Missing(where, "path"))) },
        "aead" => Aead(c, where, xaead: false),
        "xaead" => Aead(c, where, xaead: true),
        "kyber512" => Kyber(c, where),
        "mceliece460896" => McEliece(c, where),
        _ => throw new InputFormatException(where, $"primitive must be keyedHash, label, aead, xaead, kyber512 or mceliece460896, not '{c.Primitive}'"),
    };

    /// <summary>The input of a keyedHash case: <c>input</c>, or <c>inputRepeat</c> expanded.</summary>
    public static byte[] KeyedHashInput(PrimitiveCase c, string where) => (c.Input, c.InputRepeat) switch
    {
        ({ } hex, null) => VectorJson.Bytes(hex, where + " input"),
        (null, { } rule) => rule.Expand(where + " inputRepeat"),
        _ => throw new InputFormatException(where, "a keyedHash case has exactly one of input and inputRepeat"),
    };

    /// <summary>The value of the label path below PROTOCOL (spec §3.2): zero → protocol string → each label.</summary>
    public static byte[] Label(ProtocolVersion version, IEnumerable<string> path)
    {
        var domain = HashDomain.Zero(KeyedHash.For(version)).Mix(version == ProtocolVersion.V02 ? Labels.ProtocolV02 : Labels.ProtocolV03);
        foreach (string label in path) domain = domain.Mix(label);
        return domain.ToArray();
    }

    private static PrimitiveCase Aead(PrimitiveCase c, string where, bool xaead)
    {
        byte[] key = Need(c.Key, where, "key"), nonce = Need(c.Nonce, where, "nonce"), ad = Need(c.Ad, where, "ad");
        byte[] plaintext = Need(c.Plaintext, where, "plaintext");
        int tag = xaead ? XAead.TagLength : Crypto.Aead.TagLength;
        if (c.Result == "invalid")
        {
            // An invalid case: the recorded ciphertext must not open. A valid case's ciphertext is an output, recomputed below.
            byte[] ciphertext = Need(c.Ciphertext, where, "ciphertext");
            if (ciphertext.Length != plaintext.Length + tag) throw new InputFormatException(where, "ciphertext must be plaintext + 16 bytes (the tag)");
            return c with { Result = Opens(xaead, key, nonce, ad, ciphertext, plaintext.Length) ? "valid" : "invalid" };
        }
        var sealedText = new byte[plaintext.Length + tag];
        if (xaead)
        {
            var output = new byte[plaintext.Length + XAead.Overhead];
            XAead.Encrypt(key, nonce, ad, plaintext, output);
            output.AsSpan(XAead.NonceLength).CopyTo(sealedText);
        }
        else Crypto.Aead.Encrypt(key, nonce, ad, plaintext, sealedText);
        return c with { Ciphertext = Hex(sealedText) };
    }

    private static bool Opens(bool xaead, byte[] key, byte[] nonce, byte[] ad, byte[] ciphertext, int length)
    {
        var plaintext = new byte[length];
        return xaead ? XAead.Decrypt(key, ad, [.. nonce, .. ciphertext], plaintext) : Crypto.Aead.Decrypt(key, nonce, ad, ciphertext, plaintext);
    }

    private static PrimitiveCase Kyber(PrimitiveCase c, string where)
    {
        switch (c.Operation)
        {
            case "keygen":
            {
                var (pk, sk) = (new byte[Kyber512Kem.PublicKeyLength], new byte[Kyber512Kem.SecretKeyLength]);
                var coins = new Coins(Need(c.Coins, where, "coins"), where);
                Kyber512Kem.GenerateKeyPair(pk, sk, coins);
                coins.RequireUsed();
                return c with { PublicKey = Hex(pk), SecretKey = Hex(sk) };
            }
            case "encaps":
            {
                var (ct, ss) = (new byte[Kyber512Kem.CiphertextLength], new byte[Kyber512Kem.SharedKeyLength]);
                var coins = new Coins(Need(c.Coins, where, "coins"), where);
                Kyber512Kem.Encapsulate(ct, ss, Sized(c.PublicKey, Kyber512Kem.PublicKeyLength, where, "publicKey"), coins);
                coins.RequireUsed();
                return c with { Ciphertext = Hex(ct), SharedKey = Hex(ss) };
            }
            case "decaps":
            {
                var ss = new byte[Kyber512Kem.SharedKeyLength];
                Kyber512Kem.Decapsulate(ss, Sized(c.Ciphertext, Kyber512Kem.CiphertextLength, where, "ciphertext"),
                    Sized(c.SecretKey, Kyber512Kem.SecretKeyLength, where, "secretKey"));
                return c with { SharedKey = Hex(ss) };
            }
            default: throw new InputFormatException(where, $"a kyber512 operation is keygen, encaps or decaps, not '{c.Operation}'");
        }
    }

    private static PrimitiveCase McEliece(PrimitiveCase c, string where)
    {
        if (c.Operation != "decaps") throw new InputFormatException(where, $"the mceliece460896 cases are decaps, not '{c.Operation}'");
        var ss = new byte[McEliece460896.SharedKeyBytes];
        new McEliece460896(new Coins([], where)).Decapsulate(ss, Sized(c.Ciphertext, McEliece460896.CiphertextBytes, where, "ciphertext"),
            Sized(c.SecretKey, McEliece460896.SecretKeyBytes, where, "secretKey"));
        return c with { SharedKey = Hex(ss) };
    }

    private static ProtocolVersion Version(PrimitiveCase c, string where) => CaseRunner.ParseVersion(c.Version ?? throw Missing(where, "version"), where);

    private static byte[] Need(string? hex, string where, string field) => VectorJson.Bytes(hex ?? throw Missing(where, field), $"{where} {field}");

    private static byte[] Sized(string? hex, int length, string where, string field)
    {
        byte[] bytes = Need(hex, where, field);
        return bytes.Length == length ? bytes : throw new InputFormatException(where, $"{field} must be {length} bytes, not {bytes.Length}");
    }

    private static InputFormatException Missing(string where, string field) => new(where, $"needs the field {field}");

    private static string Hex(ReadOnlySpan<byte> bytes) => VectorJson.Hex(bytes);

    /// <summary>The recorded coins, handed out front to back; drawing more, or fewer, is a mismatch of the file and the code.</summary>
    private sealed class Coins(byte[] coins, string where) : IRandomSource
    {
        private int _used;

        public void Fill(Span<byte> destination)
        {
            if (_used + destination.Length > coins.Length)
                throw new InputFormatException(where, $"the operation draws more than the {coins.Length} bytes of coins");
            coins.AsSpan(_used, destination.Length).CopyTo(destination);
            _used += destination.Length;
        }

        public void RequireUsed()
        {
            if (_used != coins.Length) throw new InputFormatException(where, $"the operation drew {_used} of the {coins.Length} bytes of coins");
        }
    }
}
