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
    public const int PublicKeyLength = Params.PublicKeyBytes;
    public const int SecretKeyLength = Params.SecretKeyBytes;
    public const int CiphertextLength = Params.CiphertextBytes;
    public const int SharedKeyLength = Params.SharedKeyBytes;

    private readonly IRandomSource _random;

    /// <summary>A McEliece instance drawing its randomness from <paramref name="random"/>.</summary>
    public McEliece460896(IRandomSource random) => _random = random;

    int IKem.PublicKeyLength => PublicKeyLength;
    int IKem.SecretKeyLength => SecretKeyLength;
    int IKem.CiphertextLength => CiphertextLength;
    int IKem.SharedKeyLength => SharedKeyLength;

    /// <inheritdoc />
    public void GenerateKeyPair(Span<byte> publicKey, Span<byte> secretKey)
    {
        CheckLength(publicKey.Length, PublicKeyLength, nameof(publicKey));
        CheckLength(secretKey.Length, SecretKeyLength, nameof(secretKey));
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
        CheckLength(ciphertext.Length, CiphertextLength, nameof(ciphertext));
        CheckLength(sharedKey.Length, SharedKeyLength, nameof(sharedKey));
        CheckLength(publicKey.Length, PublicKeyLength, nameof(publicKey));
        ClassicMcEliece460896Kem.Encapsulate(ciphertext, sharedKey, publicKey, _random);
    }

    /// <inheritdoc />
    public void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey)
    {
        CheckLength(sharedKey.Length, SharedKeyLength, nameof(sharedKey));
        CheckLength(ciphertext.Length, CiphertextLength, nameof(ciphertext));
        CheckLength(secretKey.Length, SecretKeyLength, nameof(secretKey));
        ClassicMcEliece460896Kem.Decapsulate(sharedKey, ciphertext, secretKey);
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected) throw new ArgumentException($"{name} must be {expected} bytes, not {actual}", name);
    }
}
