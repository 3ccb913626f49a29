using System.Security.Cryptography;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Protocol;

/// <summary>
/// The handshake's chaining key ck and its operations (spec §4). Every value that enters the handshake is
/// mixed into ck; every key the handshake uses is derived from it. Both roles run the same operations in the
/// same order, so their chaining keys stay equal as long as they saw the same messages.
/// </summary>
public sealed class ChainingKey : IDisposable
{
    private readonly Labels _labels;
    private readonly Secret _ck;

    private ChainingKey(Labels labels, Secret ck)
    {
        _labels = labels;
        _ck = ck;
    }

    /// <summary>The labels (and so the keyed hash) of the version in use.</summary>
    public Labels Labels => _labels;

    /// <summary>
    /// init(spkr) (spec §4.1): ck = KH(lhash("chaining key init"), spkr). The value depends only on the
    /// responder's public key, so callers pass it precomputed (<see cref="InitValue"/>) and cache it.
    /// </summary>
    public static ChainingKey Init(Labels labels, ReadOnlySpan<byte> initValue) =>
        new(labels, Secret.CopyOf(initValue));

    /// <summary>KH(lhash("chaining key init"), spkr): the starting chaining key for responder key spkr.</summary>
    public static byte[] InitValue(Labels labels, ReadOnlySpan<byte> spkr) => labels.CkInit.Mix(spkr).ToArray();

    /// <summary>A chaining key with a stored value, e.g. the one a biscuit carries (spec §7.1).</summary>
    public static ChainingKey FromValue(Labels labels, ReadOnlySpan<byte> value) => new(labels, Secret.CopyOf(value));

    /// <summary>The current value. Secret: only biscuits, key derivation and traces read it.</summary>
    public ReadOnlySpan<byte> Value => _ck.Expose();

    /// <summary>mix(d) (spec §4.2): ck = KH(KH(ck, lhash("mix")), d).</summary>
    public void Mix(ReadOnlySpan<byte> data)
    {
        Span<byte> mixKey = stackalloc byte[KeyedHash.OutputLength];
        _labels.Hash.Compute(_ck.Expose(), _labels.CkMix.Value, mixKey);
        _labels.Hash.Compute(mixKey, data, _ck.Expose());
        CryptographicOperations.ZeroMemory(mixKey);
    }

    /// <summary>mix(a, b, …): mixes each value in turn.</summary>
    public void Mix(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        Mix(first);
        Mix(second);
    }

    /// <summary>A key derived from ck for one purpose: KH(ck, label value) (spec §4.3, §4.5).</summary>
    public Secret DeriveKey(HashDomain label)
    {
        var key = new Secret(KeyedHash.OutputLength);
        _labels.Hash.Compute(_ck.Expose(), label.Value, key.Expose());
        return key;
    }

    /// <summary>
    /// encrypt_and_mix(pt) (spec §4.3): k = KH(ck, lhash("handshake encryption")),
    /// ct = AEAD(k, nonce 0¹², ad "", pt), then mix(ct). Writes pt.Length + 16 bytes.
    /// </summary>
    public void EncryptAndMix(ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        using (var k = DeriveKey(_labels.HsEnc))
        {
            Aead.Encrypt(k.Expose(), stackalloc byte[Aead.NonceLength], [], plaintext, ciphertext);
        }
        Mix(ciphertext);
    }

    /// <summary>
    /// decrypt_and_mix(ct) (spec §4.3): the mirror of <see cref="EncryptAndMix"/>; mixes the ciphertext.
    /// Returns false on a bad tag, and then leaves ck unchanged.
    /// </summary>
    public bool DecryptAndMix(ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        using (var k = DeriveKey(_labels.HsEnc))
        {
            if (!Aead.Decrypt(k.Expose(), stackalloc byte[Aead.NonceLength], [], ciphertext, plaintext)) return false;
        }
        Mix(ciphertext);
        return true;
    }

    /// <summary>
    /// encaps_and_mix(pk) (spec §4.4): (ct, shk) = Encaps(pk), then mix(pk), mix(shk), mix(ct), in that order.
    /// </summary>
    public void EncapsAndMix(IKem kem, ReadOnlySpan<byte> publicKey, Span<byte> ciphertext)
    {
        using var shk = new Secret(kem.SharedKeyLength);
        kem.Encapsulate(ciphertext, shk.Expose(), publicKey);
        Mix(publicKey);
        Mix(shk.Expose());
        Mix(ciphertext);
    }

    /// <summary>decaps_and_mix(sk, pk, ct) (spec §4.4): shk = Decaps(sk, ct), then mix(pk), mix(shk), mix(ct).</summary>
    public void DecapsAndMix(IKem kem, ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> ciphertext)
    {
        using var shk = new Secret(kem.SharedKeyLength);
        kem.Decapsulate(shk.Expose(), ciphertext, secretKey);
        Mix(publicKey);
        Mix(shk.Expose());
        Mix(ciphertext);
    }

    /// <summary>A copy, so a handler can work on locals and commit only after every check passed.</summary>
    public ChainingKey Clone() => new(_labels, Secret.CopyOf(_ck.Expose()));

    /// <summary>Zeroes ck.</summary>
    public void Dispose() => _ck.Dispose();
}
