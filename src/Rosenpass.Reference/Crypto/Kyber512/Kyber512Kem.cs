using System.Security.Cryptography;

namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// Kyber512 of the NIST PQC round-3 submission (CRYSTALS-Kyber v3.02), the ephemeral KEM of Rosenpass
/// (spec §2.5): Kyber.CCAKEM, a Fujisaki-Okamoto transform of <see cref="IndCpa"/> with implicit rejection
/// (round-3 specification, Algorithms 7-9; reference <c>kem.c</c>). Not ML-KEM (FIPS 203), whose key
/// derivation differs.
/// </summary>
public static class Kyber512Kem
{
    /// <summary>Public key length in bytes.</summary>
    public const int PublicKeyLength = Params.PublicKeyBytes;

    /// <summary>Secret key length in bytes: sk_cpa (768) || pk (800) || H(pk) (32) || z (32).</summary>
    public const int SecretKeyLength = Params.SecretKeyBytes;

    /// <summary>Ciphertext length in bytes.</summary>
    public const int CiphertextLength = Params.CiphertextBytes;

    /// <summary>Shared key length in bytes.</summary>
    public const int SharedKeyLength = Params.SymBytes;

    private const int SecretKeyHashOffset = SecretKeyLength - 2 * Params.SymBytes;  // H(pk)
    private const int SecretKeyZOffset = SecretKeyLength - Params.SymBytes;         // z

    /// <summary>
    /// Kyber.CCAKEM.KeyGen (Algorithm 7, <c>crypto_kem_keypair</c>). Draws 32 bytes d for the IND-CPA key pair,
    /// then 32 bytes z, the implicit-rejection value; sk = sk_cpa || pk || H(pk) || z.
    /// </summary>
    public static void GenerateKeyPair(Span<byte> publicKey, Span<byte> secretKey, IRandomSource random)
    {
        CheckLength(publicKey.Length, PublicKeyLength, nameof(publicKey));
        CheckLength(secretKey.Length, SecretKeyLength, nameof(secretKey));
        ArgumentNullException.ThrowIfNull(random);

        Span<byte> d = stackalloc byte[Params.SymBytes];
        var workspace = Workspace.Current;
        try
        {
            random.Fill(d);
            IndCpa.KeyPair(publicKey, secretKey, d, workspace);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(d);
            workspace.Clear();
        }

        publicKey.CopyTo(secretKey.Slice(Params.IndCpaSecretKeyBytes, PublicKeyLength));
        Symmetric.HashH(secretKey.Slice(SecretKeyHashOffset, Params.SymBytes), publicKey);
        random.Fill(secretKey.Slice(SecretKeyZOffset, Params.SymBytes));
    }

    /// <summary>
    /// Kyber.CCAKEM.Enc (Algorithm 8, <c>crypto_kem_enc</c>). Draws 32 bytes and sets m = H(them) (so raw
    /// generator output is never sent); (K̄, r) = G(m || H(pk)); c = CPAPKE.Enc(pk, m, r);
    /// K = KDF(K̄ || H(c)).
    /// </summary>
    public static void Encapsulate(Span<byte> ciphertext, Span<byte> sharedKey, ReadOnlySpan<byte> publicKey,
        IRandomSource random)
    {
        CheckLength(ciphertext.Length, CiphertextLength, nameof(ciphertext));
        CheckLength(sharedKey.Length, SharedKeyLength, nameof(sharedKey));
        CheckLength(publicKey.Length, PublicKeyLength, nameof(publicKey));
        ArgumentNullException.ThrowIfNull(random);

        Span<byte> buffer = stackalloc byte[2 * Params.SymBytes]; // m || H(pk)
        Span<byte> kr = stackalloc byte[2 * Params.SymBytes];     // K̄ || r, later K̄ || H(c)
        var workspace = Workspace.Current;
        try
        {
            random.Fill(buffer[..Params.SymBytes]);
            Symmetric.HashH(buffer[..Params.SymBytes], buffer[..Params.SymBytes]);
            Symmetric.HashH(buffer[Params.SymBytes..], publicKey);
            Symmetric.HashG(kr, buffer);

            IndCpa.Encrypt(ciphertext, buffer[..Params.SymBytes], publicKey, kr[Params.SymBytes..], workspace);

            Symmetric.HashH(kr[Params.SymBytes..], ciphertext);
            Symmetric.Kdf(sharedKey, kr);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            CryptographicOperations.ZeroMemory(kr);
            workspace.Clear();
        }
    }

    /// <summary>
    /// Kyber.CCAKEM.Dec (Algorithm 9, <c>crypto_kem_dec</c>). m' = CPAPKE.Dec(sk_cpa, c);
    /// (K̄', r') = G(m' || H(pk)); c' = CPAPKE.Enc(pk, m', r'); K = KDF(K̄' || H(c)) if c' = c, else
    /// KDF(z || H(c)) (implicit rejection). The comparison and the selection run in constant time.
    /// </summary>
    public static void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey)
    {
        CheckLength(sharedKey.Length, SharedKeyLength, nameof(sharedKey));
        CheckLength(ciphertext.Length, CiphertextLength, nameof(ciphertext));
        CheckLength(secretKey.Length, SecretKeyLength, nameof(secretKey));

        ReadOnlySpan<byte> publicKey = secretKey.Slice(Params.IndCpaSecretKeyBytes, PublicKeyLength);
        ReadOnlySpan<byte> z = secretKey.Slice(SecretKeyZOffset, Params.SymBytes);

        Span<byte> buffer = stackalloc byte[2 * Params.SymBytes]; // m' || H(pk)
        Span<byte> kr = stackalloc byte[2 * Params.SymBytes];     // K̄' || r', later K̄ || H(c)
        Span<byte> reencrypted = stackalloc byte[CiphertextLength];

        var workspace = Workspace.Current;
        try
        {
            IndCpa.Decrypt(buffer[..Params.SymBytes], ciphertext, secretKey, workspace);
            secretKey.Slice(SecretKeyHashOffset, Params.SymBytes).CopyTo(buffer[Params.SymBytes..]);
            Symmetric.HashG(kr, buffer);

            IndCpa.Encrypt(reencrypted, buffer[..Params.SymBytes], publicKey, kr[Params.SymBytes..], workspace);
            bool ciphertextMatches = Verify.Equal(ciphertext, reencrypted);

            Symmetric.HashH(kr[Params.SymBytes..], ciphertext);
            Verify.ConditionalMove(kr[..Params.SymBytes], z, !ciphertextMatches);
            Symmetric.Kdf(sharedKey, kr);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            CryptographicOperations.ZeroMemory(kr);
            CryptographicOperations.ZeroMemory(reencrypted);
            workspace.Clear();
        }
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected {expected} bytes, got {actual}.", name);
        }
    }
}
