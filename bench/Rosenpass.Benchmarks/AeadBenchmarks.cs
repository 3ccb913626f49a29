using BenchmarkDotNet.Attributes;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Benchmarks;

/// <summary>
/// The two AEADs at the sizes a handshake uses them: ChaCha20-Poly1305 (spec §2.2) on a 32-byte peer id
/// (IHI6) and on the empty auth plaintext; XChaCha20-Poly1305 (spec §2.3) on a 76-byte biscuit (spec §7).
/// </summary>
[ShortJob]
public class AeadBenchmarks
{
    private const int BiscuitPlaintext = 76;
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _nonce = new byte[Aead.NonceLength];
    private readonly byte[] _xnonce = new byte[XAead.NonceLength];
    private readonly byte[] _peerId = new byte[32];
    private readonly byte[] _peerIdCt = new byte[32 + Aead.TagLength];
    private readonly byte[] _authCt = new byte[Aead.TagLength];
    private readonly byte[] _biscuit = new byte[BiscuitPlaintext];
    private readonly byte[] _biscuitCt = new byte[BiscuitPlaintext + XAead.Overhead];
    private readonly byte[] _ad = new byte[32];
    private readonly byte[] _scratch = new byte[BiscuitPlaintext];

    [GlobalSetup]
    public void Setup()
    {
        SystemRandom.Instance.Fill(_key);
        SystemRandom.Instance.Fill(_xnonce);
        Aead.Encrypt(_key, _nonce, [], _peerId, _peerIdCt);
        Aead.Encrypt(_key, _nonce, [], [], _authCt);
        XAead.Encrypt(_key, _xnonce, _ad, _biscuit, _biscuitCt);
    }

    [Benchmark]
    public byte[] AeadEncrypt32() { Aead.Encrypt(_key, _nonce, [], _peerId, _peerIdCt); return _peerIdCt; }

    [Benchmark]
    public bool AeadDecrypt32() => Aead.Decrypt(_key, _nonce, [], _peerIdCt, _scratch.AsSpan(0, 32));

    [Benchmark]
    public byte[] AeadEncryptEmpty() { Aead.Encrypt(_key, _nonce, [], [], _authCt); return _authCt; }

    [Benchmark]
    public bool AeadDecryptEmpty() => Aead.Decrypt(_key, _nonce, [], _authCt, []);

    [Benchmark]
    public byte[] XAeadEncryptBiscuit() { XAead.Encrypt(_key, _xnonce, _ad, _biscuit, _biscuitCt); return _biscuitCt; }

    [Benchmark]
    public bool XAeadDecryptBiscuit() => XAead.Decrypt(_key, _ad, _biscuitCt, _scratch);
}
