namespace Rosenpass.Reference.Vectors;

// The JSON model of primitives.json (vectors/README.md, "The primitives file"): one case per call of one primitive,
// with its inputs and outputs. Bytes are lower-case hex strings; fields that do not apply are absent.

/// <summary>The primitives file: the building blocks of spec §2 and §3 on their own.</summary>
public sealed class PrimitivesFile
{
    /// <summary>Always <see cref="VectorJson.PrimitivesFormat"/>.</summary>
    public required string Format { get; init; }
    public required string Algorithm { get; init; }
    public required string Generator { get; init; }
    public required string GeneratorVersion { get; init; }
    public required string Schema { get; init; }
    public required string Description { get; init; }
    /// <summary>Every flag the cases use, with its note.</summary>
    public required SortedDictionary<string, Note> Notes { get; init; }
    public required int NumberOfCases { get; init; }
    public required List<PrimitiveCase> Cases { get; init; }
}

/// <summary>
/// One call of one primitive. <see cref="Primitive"/> says which fields are present: keyedHash (version, key, input
/// or inputRepeat, output), label (version, path, value), aead and xaead (key, nonce, ad, plaintext, ciphertext),
/// kyber512 and mceliece460896 (operation and its inputs and outputs).
/// </summary>
public sealed record PrimitiveCase
{
    public required string Id { get; init; }
    /// <summary>"keyedHash", "label", "aead", "xaead", "kyber512" or "mceliece460896".</summary>
    public required string Primitive { get; init; }
    public required string Comment { get; init; }
    /// <summary>"valid": the outputs are what the primitive returns; "invalid": the primitive must refuse (a bad AEAD tag).</summary>
    public required string Result { get; init; }
    public required List<string> Flags { get; init; }
    /// <summary>Where the expected values come from: a standard's vector, a KAT, a property, or a second implementation.</summary>
    public required string Source { get; init; }
    /// <summary>keyedHash, label: "V02" or "V03".</summary>
    public string? Version { get; init; }
    /// <summary>kyber512, mceliece460896: "keygen", "encaps" or "decaps".</summary>
    public string? Operation { get; init; }
    public string? Key { get; init; }
    public string? Input { get; init; }
    /// <summary>keyedHash: a long input written as a rule instead of bytes.</summary>
    public RepeatedBytes? InputRepeat { get; init; }
    public string? Output { get; init; }
    /// <summary>label: the labels from PROTOCOL down (empty: PROTOCOL itself).</summary>
    public List<string>? Path { get; init; }
    public string? Value { get; init; }
    public string? Nonce { get; init; }
    public string? Ad { get; init; }
    public string? Plaintext { get; init; }
    /// <summary>aead, xaead: ciphertext ‖ tag (without the nonce); kem: the KEM ciphertext.</summary>
    public string? Ciphertext { get; init; }
    /// <summary>kyber512 keygen and encaps: the bytes the operation draws from its random source, in order.</summary>
    public string? Coins { get; init; }
    public string? PublicKey { get; init; }
    public string? SecretKey { get; init; }
    public string? SharedKey { get; init; }
}

/// <summary>A byte string written as a rule: <see cref="Pattern"/> repeated, cut to <see cref="Length"/> bytes.</summary>
public sealed class RepeatedBytes
{
    public required string Pattern { get; init; }
    public required int Length { get; init; }

    /// <summary>The bytes the rule stands for.</summary>
    public byte[] Expand(string where)
    {
        byte[] pattern = VectorJson.Bytes(Pattern, where + " pattern");
        if (pattern.Length == 0 || Length < 0) throw new InputFormatException(where, "needs a non-empty pattern and a length of at least 0");
        var bytes = new byte[Length];
        for (int i = 0; i < Length; i++) bytes[i] = pattern[i % pattern.Length];
        return bytes;
    }
}
