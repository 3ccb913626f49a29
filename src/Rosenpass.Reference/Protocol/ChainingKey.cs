using System.Runtime.CompilerServices;
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

    private ChainingKey(Labels labels, Secret ck, (string, string[])? origin = null)
    {
        _labels = labels;
        _ck = ck;
        _origin = origin;
    }

    private readonly (string Operation, string[] Operands)? _origin;
    private List<(string Operation, string[] Operands)>? _operations;

    /// <summary>
    /// Where this chaining key reports each operation it performs (spec §6.7): its name and its operands as written
    /// at the call site (the compiler supplies them). Null, the default, records nothing. The server sets it only
    /// when a trace is attached, and hands the operations on under the step of the next <c>TraceCk</c>.
    /// </summary>
    /// A key made by <see cref="Init"/> reports that as its first operation.
    internal List<(string Operation, string[] Operands)>? Operations
    {
        get => _operations;
        set
        {
            _operations = value;
            if (value != null && _origin is { } origin) value.Add(origin);
        }
    }

    private void Report(string operation, params string[] operands) => _operations?.Add((operation, operands));

    /// <summary>The labels (and so the keyed hash) of the version in use.</summary>
    public Labels Labels => _labels;

    /// <summary>
    /// init(spkr) (spec §4.1): ck = KH(lhash("chaining key init"), spkr). The value depends only on the
    /// responder's public key, so callers pass it precomputed (<see cref="InitValue"/>) and cache it.
    /// </summary>
    public static ChainingKey Init(Labels labels, ReadOnlySpan<byte> initValue,
        [CallerArgumentExpression(nameof(initValue))] string operand = "") =>
        new(labels, Secret.CopyOf(initValue), ("init", [operand]));

    /// <summary>KH(lhash("chaining key init"), spkr): the starting chaining key for responder key spkr.</summary>
    public static byte[] InitValue(Labels labels, ReadOnlySpan<byte> spkr) => labels.CkInit.Mix(spkr).ToArray();

    /// <summary>A chaining key with a stored value, e.g. the one a biscuit carries (spec §7.1).</summary>
    public static ChainingKey FromValue(Labels labels, ReadOnlySpan<byte> value) => new(labels, Secret.CopyOf(value));

    /// <summary>The current value. Secret: only biscuits, key derivation and traces read it.</summary>
    public ReadOnlySpan<byte> Value => _ck.Expose();

    /// <summary>mix(d) (spec §4.2): ck = KH(KH(ck, lhash("mix")), d).</summary>
    public void Mix(ReadOnlySpan<byte> data, [CallerArgumentExpression(nameof(data))] string operand = "")
    {
        Report("mix", operand);
        MixValue(data);
    }

    private void MixValue(ReadOnlySpan<byte> data)
    {
        Span<byte> mixKey = stackalloc byte[KeyedHash.OutputLength];
        _labels.Hash.Compute(_ck.Expose(), _labels.CkMix.Value, mixKey);
        _labels.Hash.Compute(mixKey, data, _ck.Expose());
        CryptographicOperations.ZeroMemory(mixKey);
    }

    /// <summary>mix(a, b, …): mixes each value in turn.</summary>
    public void Mix(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second,
        [CallerArgumentExpression(nameof(first))] string firstOperand = "",
        [CallerArgumentExpression(nameof(second))] string secondOperand = "")
    {
        Mix(first, firstOperand);
        Mix(second, secondOperand);
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
    public void EncryptAndMix(ReadOnlySpan<byte> plaintext, Span<byte> ciphertext,
        [CallerArgumentExpression(nameof(plaintext))] string operand = "")
    {
        Report("encrypt_and_mix", operand);
        using (var k = DeriveKey(_labels.HsEnc))
        {
            Aead.Encrypt(k.Expose(), stackalloc byte[Aead.NonceLength], [], plaintext, ciphertext);
        }
        MixValue(ciphertext);
    }

    /// <summary>
    /// decrypt_and_mix(ct) (spec §4.3): the mirror of <see cref="EncryptAndMix"/>; mixes the ciphertext.
    /// Returns false on a bad tag, and then leaves ck unchanged.
    /// </summary>
    public bool DecryptAndMix(ReadOnlySpan<byte> ciphertext, Span<byte> plaintext,
        [CallerArgumentExpression(nameof(ciphertext))] string operand = "")
    {
        using (var k = DeriveKey(_labels.HsEnc))
        {
            if (!Aead.Decrypt(k.Expose(), stackalloc byte[Aead.NonceLength], [], ciphertext, plaintext)) return false;
        }
        Report("decrypt_and_mix", operand);
        MixValue(ciphertext);
        return true;
    }

    /// <summary>
    /// encaps_and_mix(pk) (spec §4.4): (ct, shk) = Encaps(pk), then mix(pk), mix(shk), mix(ct), in that order.
    /// </summary>
    public void EncapsAndMix(IKem kem, ReadOnlySpan<byte> publicKey, Span<byte> ciphertext,
        [CallerArgumentExpression(nameof(kem))] string kemOperand = "",
        [CallerArgumentExpression(nameof(publicKey))] string publicKeyOperand = "")
    {
        Report("encaps_and_mix", kemOperand, publicKeyOperand);
        using var shk = new Secret(kem.SharedKeyLength);
        kem.Encapsulate(ciphertext, shk.Expose(), publicKey);
        MixValue(publicKey);
        MixValue(shk.Expose());
        MixValue(ciphertext);
    }

    /// <summary>decaps_and_mix(sk, pk, ct) (spec §4.4): shk = Decaps(sk, ct), then mix(pk), mix(shk), mix(ct).</summary>
    public void DecapsAndMix(IKem kem, ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> ciphertext,
        [CallerArgumentExpression(nameof(kem))] string kemOperand = "",
        [CallerArgumentExpression(nameof(secretKey))] string secretKeyOperand = "",
        [CallerArgumentExpression(nameof(publicKey))] string publicKeyOperand = "",
        [CallerArgumentExpression(nameof(ciphertext))] string ciphertextOperand = "")
    {
        Report("decaps_and_mix", kemOperand, secretKeyOperand, publicKeyOperand, ciphertextOperand);
        using var shk = new Secret(kem.SharedKeyLength);
        kem.Decapsulate(shk.Expose(), ciphertext, secretKey);
        MixValue(publicKey);
        MixValue(shk.Expose());
        MixValue(ciphertext);
    }

    /// <summary>A copy, so a handler can work on locals and commit only after every check passed.</summary>
    public ChainingKey Clone() => new(_labels, Secret.CopyOf(_ck.Expose())) { Operations = Operations is null ? null : [] };

    /// <summary>Zeroes ck.</summary>
    public void Dispose() => _ck.Dispose();
}
