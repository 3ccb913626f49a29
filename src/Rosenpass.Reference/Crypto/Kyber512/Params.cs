namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// The Kyber512 parameter set of the round-3 submission (spec §2.5; the round-3 specification's parameter table)
/// and the byte lengths that follow from it (reference <c>params.h</c>).
/// </summary>
internal static class Params
{
    /// <summary>n: the degree of the ring R_q = Z_q[X]/(X^n + 1).</summary>
    public const int N = 256;

    /// <summary>q: the prime modulus.</summary>
    public const int Q = 3329;

    /// <summary>k: the module rank (number of polynomials in a vector).</summary>
    public const int K = 2;

    /// <summary>η1: the noise parameter of the secret key, the key-generation error and the encryption vector r.</summary>
    public const int Eta1 = 3;

    /// <summary>η2: the noise parameter of the encryption errors e1 and e2.</summary>
    public const int Eta2 = 2;

    /// <summary>d_u: bits per coefficient of the compressed vector u in a ciphertext.</summary>
    public const int Du = 10;

    /// <summary>d_v: bits per coefficient of the compressed polynomial v in a ciphertext.</summary>
    public const int Dv = 4;

    /// <summary>Length of hashes, seeds, messages and shared keys.</summary>
    public const int SymBytes = 32;

    /// <summary>A polynomial with 12-bit coefficients, encoded (Encode_12).</summary>
    public const int PolyBytes = 12 * N / 8; // 384

    /// <summary>A vector of k polynomials, encoded (Encode_12).</summary>
    public const int PolyVecBytes = K * PolyBytes; // 768

    /// <summary>The compressed polynomial v of a ciphertext (Encode_dv).</summary>
    public const int PolyCompressedBytes = Dv * N / 8; // 128

    /// <summary>The compressed vector u of a ciphertext (Encode_du for each of the k polynomials).</summary>
    public const int PolyVecCompressedBytes = K * Du * N / 8; // 640

    /// <summary>IND-CPA public key: Encode_12(t̂) || ρ.</summary>
    public const int IndCpaPublicKeyBytes = PolyVecBytes + SymBytes; // 800

    /// <summary>IND-CPA secret key: Encode_12(ŝ).</summary>
    public const int IndCpaSecretKeyBytes = PolyVecBytes; // 768

    /// <summary>IND-CPA ciphertext: Encode_du(Compress(u)) || Encode_dv(Compress(v)).</summary>
    public const int IndCpaBytes = PolyVecCompressedBytes + PolyCompressedBytes; // 768

    /// <summary>KEM public key: the IND-CPA public key.</summary>
    public const int PublicKeyBytes = IndCpaPublicKeyBytes; // 800

    /// <summary>KEM secret key: sk_cpa || pk || H(pk) || z.</summary>
    public const int SecretKeyBytes = IndCpaSecretKeyBytes + IndCpaPublicKeyBytes + 2 * SymBytes; // 1632

    /// <summary>KEM ciphertext: the IND-CPA ciphertext.</summary>
    public const int CiphertextBytes = IndCpaBytes; // 768
}
