using System.Security.Cryptography;
using Org.BouncyCastle.Pqc.Crypto.Cmce;
using Rosenpass.Reference.Crypto.ClassicMcEliece;

namespace Rosenpass.Reference.Crypto;

/// <summary>
/// SKEM of spec §2.4: Classic McEliece 460896 in its round-4 encoding (pk 524160, sk 13608, ct 156, shared key
/// 32 bytes), as liboqs 0.13 and so upstream Rosenpass have it.
/// Encapsulation and decapsulation are our own (<see cref="ClassicMcEliece460896Kem"/>, Crypto/ClassicMcEliece/);
/// key generation, which runs once per static key, is BouncyCastle's, through its public API
/// (<c>CmceParameters.mceliece460896r3</c> writes exactly these encodings).
/// </summary>
public sealed class McEliece460896 : IKem
{
    public const int PublicKeyBytes = Params.PublicKeyBytes;
    public const int SecretKeyBytes = Params.SecretKeyBytes;
    public const int CiphertextBytes = Params.CiphertextBytes;
    public const int SharedKeyBytes = Params.SharedKeyBytes;

    private readonly IRandomSource _random;

    /// <summary>A McEliece instance drawing its randomness from <paramref name="random"/>.</summary>
    public McEliece460896(IRandomSource random) => _random = random;

    public int PublicKeyLength => PublicKeyBytes;
    public int SecretKeyLength => SecretKeyBytes;
    public int CiphertextLength => CiphertextBytes;
    public int SharedKeyLength => SharedKeyBytes;

    /// <inheritdoc />
    public void GenerateKeyPair(Span<byte> publicKey, Span<byte> secretKey)
    {
        CheckLength(publicKey.Length, PublicKeyBytes, nameof(publicKey));
        CheckLength(secretKey.Length, SecretKeyBytes, nameof(secretKey));
        var generator = new CmceKeyPairGenerator();
        generator.Init(new CmceKeyGenerationParameters(BouncyCastleRandom.Over(_random), CmceParameters.mceliece460896r3));
        var pair = generator.GenerateKeyPair();
        ((CmcePublicKeyParameters)pair.Public).GetEncoded().CopyTo(publicKey);
        byte[] sk = ((CmcePrivateKeyParameters)pair.Private).GetEncoded();
        sk.CopyTo(secretKey);
        CryptographicOperations.ZeroMemory(sk);
    }

    /// <inheritdoc />
    public void Encapsulate(Span<byte> ciphertext, Span<byte> sharedKey, ReadOnlySpan<byte> publicKey)
    {
        CheckLength(ciphertext.Length, CiphertextBytes, nameof(ciphertext));
        CheckLength(sharedKey.Length, SharedKeyBytes, nameof(sharedKey));
        CheckLength(publicKey.Length, PublicKeyBytes, nameof(publicKey));
        ClassicMcEliece460896Kem.Encapsulate(ciphertext, sharedKey, publicKey, _random);
    }

    /// <inheritdoc />
    public void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey)
    {
        CheckLength(sharedKey.Length, SharedKeyBytes, nameof(sharedKey));
        CheckLength(ciphertext.Length, CiphertextBytes, nameof(ciphertext));
        CheckLength(secretKey.Length, SecretKeyBytes, nameof(secretKey));
        ClassicMcEliece460896Kem.Decapsulate(sharedKey, ciphertext, secretKey);
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected) throw new ArgumentException($"{name} must be {expected} bytes, not {actual}", name);
    }
}
