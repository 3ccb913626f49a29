using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Security.Cryptography;
using Org.BouncyCastle.Security;
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
/// default of 192 bits, but Rosenpass uses all 256 bits. Underneath, both call the parameter set's engine,
/// <c>KemEnc(ct, key, pk, random)</c> and <c>KemDec(key, ct, sk)</c>, which compute as many key bytes as the
/// key array has; we call the engine ourselves. That also keeps the cost of a message free of copies of the
/// 512 KiB public key: going through the public API took an array copy of the span and then the key-parameter
/// object's own copy (1 MB allocated per encapsulation), and its private-key object kept unzeroed copies of the
/// secret key.
/// We bind the engine once, here and only here, and the package is pinned to 2.7.0. If an upgrade renames it,
/// the static initialiser fails loudly (tests cover it), and the first 24 bytes, which the public API returns,
/// let a test prove the engine still computes the same key and ciphertext.
/// </remarks>
public sealed class McEliece460896 : IKem
{
    public const int PublicKeyBytes = 524160;
    public const int SecretKeyBytes = 13608;
    public const int CiphertextBytes = 156;
    public const int SharedKeyBytes = 32;

    private static readonly CmceParameters Parameters = CmceParameters.mceliece460896r3;

    /// <summary>The engine of <see cref="Parameters"/>: internal to BouncyCastle (<c>ICmceEngine</c>).</summary>
    private static readonly object Engine =
        typeof(CmceParameters).GetProperty("Engine", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(Parameters)
        ?? throw new MissingMemberException(typeof(CmceParameters).FullName, "Engine (BouncyCastle 2.7.0 has it)");

    /// <summary>
    /// The engine's interface, named by a constant so that the trimmer and NativeAOT see which type and methods we
    /// reach (no warnings, nothing removed): the published native <c>rosenpass</c> keeps KemEnc and KemDec.
    /// </summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)]
    private static readonly Type EngineInterface =
        Type.GetType("Org.BouncyCastle.Pqc.Crypto.Cmce.ICmceEngine, BouncyCastle.Cryptography")
        ?? throw new MissingMemberException("Org.BouncyCastle.Pqc.Crypto.Cmce.ICmceEngine (BouncyCastle 2.7.0 has it)");

    /// <summary>KemEnc(ct, key, pk, random): encapsulates key.Length bytes of shared key to pk.</summary>
    private static readonly Func<byte[], byte[], byte[], SecureRandom, int> KemEnc =
        BindEngine<Func<byte[], byte[], byte[], SecureRandom, int>>("KemEnc", typeof(byte[]), typeof(byte[]), typeof(byte[]), typeof(SecureRandom));

    /// <summary>KemDec(key, ct, sk): decapsulates key.Length bytes of shared key.</summary>
    private static readonly Func<byte[], byte[], byte[], int> KemDec =
        BindEngine<Func<byte[], byte[], byte[], int>>("KemDec", typeof(byte[]), typeof(byte[]), typeof(byte[]));

    /// <summary>
    /// The engine reads the public key from an array, and our callers hold spans. Each thread copies the key into
    /// its own array of exactly the key's size, allocated once, instead of allocating 512 KiB per encapsulation.
    /// Public keys are public: the copy needs no zeroing.
    /// </summary>
    [ThreadStatic] private static byte[]? t_publicKey;

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
        byte[] pk = t_publicKey ??= new byte[PublicKeyBytes];
        publicKey.CopyTo(pk);
        byte[] ct = new byte[CiphertextBytes];
        byte[] key = GC.AllocateArray<byte>(SharedKeyBytes, pinned: true);
        try
        {
            KemEnc(ct, key, pk, BouncyCastleRandom.Over(_random));
            ct.CopyTo(ciphertext);
            key.CopyTo(sharedKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <inheritdoc />
    public void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey)
    {
        CheckLength(sharedKey.Length, SharedKeyBytes, nameof(sharedKey));
        CheckLength(ciphertext.Length, CiphertextBytes, nameof(ciphertext));
        CheckLength(secretKey.Length, SecretKeyBytes, nameof(secretKey));
        // Our copies of the secret key and of the shared key are pinned, so the collector leaves no stray copies, and zeroed.
        byte[] sk = GC.AllocateArray<byte>(SecretKeyBytes, pinned: true);
        byte[] key = GC.AllocateArray<byte>(SharedKeyBytes, pinned: true);
        try
        {
            secretKey.CopyTo(sk);
            KemDec(key, ciphertext.ToArray(), sk);
            key.CopyTo(sharedKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sk);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected) throw new ArgumentException($"{name} must be {expected} bytes, not {actual}", name);
    }

    private static T BindEngine<T>(string name, params Type[] parameters) where T : Delegate
    {
        var method = EngineInterface.GetMethod(name, BindingFlags.Instance | BindingFlags.Public, parameters)
            ?? throw new MissingMethodException(EngineInterface.FullName, name + " (BouncyCastle 2.7.0 has it)");
        return method.CreateDelegate<T>(Engine);
    }
}
