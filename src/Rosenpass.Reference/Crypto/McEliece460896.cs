using System.Reflection;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pqc.Crypto.Cmce;

namespace Rosenpass.Reference.Crypto;

/// <summary>
/// SKEM of spec §2.4: Classic McEliece 460896 in its round-4 encoding (pk 524160, sk 13608, ct 156,
/// shared key 32 bytes), as liboqs 0.13 and so upstream Rosenpass have it. BouncyCastle 2.7.0's
/// <c>mceliece460896r3</c> reads and writes exactly these encodings.
/// </summary>
/// <remarks>
/// Why reflection: BouncyCastle's public API (<c>CmceKemExtractor.ExtractSecret(byte[])</c>,
/// <c>CmceKemGenerator.GenerateEncapsulated(key)</c>) truncates the session key to the parameter set's
/// default of 192 bits, but Rosenpass uses all 256 bits. Both classes have a private overload that takes
/// the key size in bits and computes the untruncated key; calling it is the only way to get the
/// 32-byte key without writing Classic McEliece ourselves. We bind the two overloads once, here and only
/// here, and the package is pinned to 2.7.0. If an upgrade renames them, the static initialiser fails
/// loudly (tests cover it), and the first 24 bytes, which the public API returns, let a test prove the
/// private overload still computes the same key.
/// </remarks>
public sealed class McEliece460896 : IKem
{
    public const int PublicKeyBytes = 524160;
    public const int SecretKeyBytes = 13608;
    public const int CiphertextBytes = 156;
    public const int SharedKeyBytes = 32;
    private const int SharedKeyBits = SharedKeyBytes * 8;

    private static readonly CmceParameters Parameters = CmceParameters.mceliece460896r3;

    private static readonly Func<CmceKemExtractor, byte[], int, byte[]> ExtractFullKey =
        BindPrivate<Func<CmceKemExtractor, byte[], int, byte[]>>(typeof(CmceKemExtractor), "ExtractSecret", typeof(byte[]), typeof(int));

    private static readonly Func<CmceKemGenerator, AsymmetricKeyParameter, int, ISecretWithEncapsulation> EncapsulateFullKey =
        BindPrivate<Func<CmceKemGenerator, AsymmetricKeyParameter, int, ISecretWithEncapsulation>>(
            typeof(CmceKemGenerator), "GenerateEncapsulated", typeof(AsymmetricKeyParameter), typeof(int));

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
        generator.Init(new CmceKeyGenerationParameters(BouncyCastleRandom.Over(_random), Parameters));
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
        var generator = new CmceKemGenerator(BouncyCastleRandom.Over(_random));
        using var result = EncapsulateFullKey(generator, new CmcePublicKeyParameters(Parameters, publicKey.ToArray()), SharedKeyBits);
        result.GetEncapsulation().CopyTo(ciphertext);
        byte[] key = result.GetSecret();
        key.CopyTo(sharedKey);
        CryptographicOperations.ZeroMemory(key);
    }

    /// <inheritdoc />
    public void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey)
    {
        CheckLength(sharedKey.Length, SharedKeyBytes, nameof(sharedKey));
        CheckLength(ciphertext.Length, CiphertextBytes, nameof(ciphertext));
        CheckLength(secretKey.Length, SecretKeyBytes, nameof(secretKey));
        byte[] sk = secretKey.ToArray();
        try
        {
            var extractor = new CmceKemExtractor(new CmcePrivateKeyParameters(Parameters, sk));
            byte[] key = ExtractFullKey(extractor, ciphertext.ToArray(), SharedKeyBits);
            key.CopyTo(sharedKey);
            CryptographicOperations.ZeroMemory(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sk);
        }
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected) throw new ArgumentException($"{name} must be {expected} bytes, not {actual}", name);
    }

    private static T BindPrivate<T>(Type type, string name, params Type[] parameters) where T : Delegate
    {
        var method = type.GetMethod(name, BindingFlags.Instance | BindingFlags.NonPublic, parameters)
            ?? throw new MissingMethodException(type.FullName, name + " with a key-size argument (BouncyCastle 2.7.0 has it)");
        return method.CreateDelegate<T>();
    }
}
