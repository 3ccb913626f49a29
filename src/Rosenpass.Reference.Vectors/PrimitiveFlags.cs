namespace Rosenpass.Reference.Vectors;

/// <summary>The flags of primitives.json, with their notes (bug type, description, effect, links).</summary>
internal static class PrimitiveFlags
{
    public const string Ordinary = "Ordinary";
    public const string EmptyInput = "EmptyInput";
    public const string LongInput = "LongInput";
    public const string LabelValue = "LabelValue";
    public const string KnownAnswer = "KnownAnswer";
    public const string RosenpassShape = "RosenpassShape";
    public const string ModifiedTag = "ModifiedTag";
    public const string ModifiedCiphertext = "ModifiedCiphertext";
    public const string ModifiedAd = "ModifiedAd";
    public const string ImplicitRejection = "ImplicitRejection";
    public const string RoundThree = "RoundThree";

    private static Note N(string bugType, string description, string effect, params string[] links) =>
        new() { BugType = bugType, Description = description, Effect = effect, Links = [.. links] };

    public static readonly IReadOnlyDictionary<string, Note> Meanings = new Dictionary<string, Note>
    {
        [Ordinary] = N("BASIC", "An input of ordinary length.", "Every chaining key, mac and key differs from a conforming peer's.", "spec §2.1"),
        [EmptyInput] = N("EDGE_CASE", "The empty input.", "mix(\"\") and encrypt_and_mix(\"\") differ from a conforming peer's.", "spec §2.1"),
        [LongInput] = N("EDGE_CASE", "An input of many blocks, up to the 524160 bytes of a McEliece public key (mixed at IHR1, IHI1, RHR5).",
            "Handshakes fail wherever a public key or a message is hashed.", "spec §2.1", "spec §4.1"),
        [LabelValue] = N("BASIC", "The value of one node of a label tree.", "Every value derived under that label differs.", "spec §3.2", "spec §3.3"),
        [KnownAnswer] = N("BASIC", "The value comes from the standard's own test vector or from NIST's known-answer file.",
            "The primitive is not the one the standard defines.", "RFC 8439", "draft-irtf-cfrg-xchacha-03", "vectors/kats/README.md"),
        [RosenpassShape] = N("BASIC", "Inputs of the sizes and nonces Rosenpass uses.", "Handshake fields do not decrypt at a conforming peer.",
            "spec §2.2", "spec §2.3"),
        [ModifiedTag] = N("AUTH_BYPASS", "One bit of the tag is flipped.", "Forged messages are accepted.", "spec §2.2", "spec §2.3"),
        [ModifiedCiphertext] = N("AUTH_BYPASS", "One bit of the ciphertext is flipped.", "Modified messages are accepted.", "spec §2.2", "spec §2.3"),
        [ModifiedAd] = N("AUTH_BYPASS", "One bit of the additional data is flipped.", "A biscuit or cookie is accepted for another context.", "spec §2.2", "spec §2.3"),
        [ImplicitRejection] = N("WRONG_PRIMITIVE", "A modified KEM ciphertext: decapsulation returns the pseudo-random rejection key, not an error.",
            "An implementation that returns an error, zeros, or ML-KEM's rejection key differs observably (and may leak).", "spec §2.4", "spec §2.5"),
        [RoundThree] = N("WRONG_PRIMITIVE", "Kyber512 of the NIST round-3 submission; ML-KEM-512 (FIPS 203) gives other keys.",
            "A handshake with an ML-KEM implementation never agrees.", "spec §2.5"),
    };
}
