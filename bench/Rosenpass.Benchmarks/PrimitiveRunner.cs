using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Crypto.Kyber512;

namespace Rosenpass.Benchmarks;

/// <summary>
/// Performs the primitive operations it receives, on fixed keys and inputs, and nothing else: a handshake's
/// primitives run back to back, to compare with the handshake itself in the same benchmark class.
/// </summary>
public sealed class PrimitiveRunner : PrimitiveSink
{
    private const int BiscuitPlaintext = 76;
    private readonly McEliece460896 _mceliece = new(SystemRandom.Instance);
    private readonly KyberKem _kyber = new(SystemRandom.Instance);
    private readonly byte[] _staticPk = FixedKeys.PeerBPublicKey, _staticSk = FixedKeys.PeerBSecretKey;
    private readonly byte[] _staticCt = new byte[McEliece460896.CiphertextLength];
    private readonly byte[] _ephemeralPk = new byte[Kyber512Kem.PublicKeyLength], _ephemeralSk = new byte[Kyber512Kem.SecretKeyLength];
    private readonly byte[] _ephemeralCt = new byte[Kyber512Kem.CiphertextLength];
    private readonly byte[] _shk = new byte[32], _key = new byte[32], _output = new byte[32];
    private readonly byte[] _data = new byte[McEliece460896.PublicKeyLength];
    private readonly byte[] _nonce = new byte[Aead.NonceLength], _xnonce = new byte[XAead.NonceLength];
    private readonly byte[] _peerIdCt = new byte[32 + Aead.TagLength], _authCt = new byte[Aead.TagLength];
    private readonly byte[] _biscuitCt = new byte[BiscuitPlaintext + XAead.Overhead], _plaintext = new byte[BiscuitPlaintext];

    private readonly bool _withMcEliece;

    public PrimitiveRunner(ProtocolVersion version, bool withMcEliece = true) : base(version)
    {
        _withMcEliece = withMcEliece;
        SystemRandom.Instance.Fill(_data);
        SystemRandom.Instance.Fill(_key);
        SystemRandom.Instance.Fill(_xnonce);
        _mceliece.Encapsulate(_staticCt, _shk, _staticPk);
        _kyber.GenerateKeyPair(_ephemeralPk, _ephemeralSk);
        _kyber.Encapsulate(_ephemeralCt, _shk, _ephemeralPk);
        Aead.Encrypt(_key, _nonce, [], _plaintext.AsSpan(0, 32), _peerIdCt);
        Aead.Encrypt(_key, _nonce, [], [], _authCt);
        XAead.Encrypt(_key, _xnonce, _key, _plaintext, _biscuitCt);
    }

    public override void Kh(ProtocolVersion hashVersion, int bytes) => KeyedHash.For(hashVersion).Compute(_key, _data.AsSpan(0, bytes), _output);

    public override void Run(Primitive primitive)
    {
        if (!_withMcEliece && primitive is Primitive.McElieceEncaps or Primitive.McElieceDecaps) return;
        bool ok = primitive switch
        {
            Primitive.McElieceEncaps => Do(() => _mceliece.Encapsulate(_staticCt, _shk, _staticPk)),
            Primitive.McElieceDecaps => Do(() => _mceliece.Decapsulate(_shk, _staticCt, _staticSk)),
            Primitive.KyberKeyGen => Do(() => _kyber.GenerateKeyPair(_ephemeralPk, _ephemeralSk)),
            Primitive.KyberEncaps => Do(() => _kyber.Encapsulate(_ephemeralCt, _shk, _ephemeralPk)),
            Primitive.KyberDecaps => Do(() => _kyber.Decapsulate(_shk, _ephemeralCt, _ephemeralSk)),
            Primitive.AeadEncrypt32 => Do(() => Aead.Encrypt(_key, _nonce, [], _plaintext.AsSpan(0, 32), _peerIdCt)),
            Primitive.AeadDecrypt32 => Aead.Decrypt(_key, _nonce, [], _peerIdCt, _plaintext.AsSpan(0, 32)),
            Primitive.AeadEncryptEmpty => Do(() => Aead.Encrypt(_key, _nonce, [], [], _authCt)),
            Primitive.AeadDecryptEmpty => Aead.Decrypt(_key, _nonce, [], _authCt, []),
            Primitive.XAeadEncryptBiscuit => Do(() => XAead.Encrypt(_key, _xnonce, _key, _plaintext, _biscuitCt)),
            Primitive.XAeadDecryptBiscuit => XAead.Decrypt(_key, _key, _biscuitCt, _plaintext),
            _ => throw new ArgumentOutOfRangeException(nameof(primitive)),
        };
        if (!ok) throw new InvalidOperationException($"{primitive} failed");
    }

    private static bool Do(Action action)
    {
        action();
        return true;
    }
}
