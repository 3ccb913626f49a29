using Rosenpass.Reference.Crypto;

namespace Rosenpass.Benchmarks;

/// <summary>
/// Receives the primitive operations of a handshake, as <see cref="HandshakeCostModel"/> lists them: keyed hashes
/// by input size and the other primitives by name. The chaining-key operations are spelled out here as the
/// primitives they consist of (spec §4). <see cref="PrimitiveCost"/> prices them with the primitive benchmarks;
/// <see cref="PrimitiveRunner"/> performs them.
/// </summary>
public abstract class PrimitiveSink(ProtocolVersion version)
{
    /// <summary>The version whose keyed hash the chaining key uses.</summary>
    public ProtocolVersion Version => version;

    /// <summary>KH of <paramref name="hashVersion"/> over <paramref name="bytes"/> bytes.</summary>
    public abstract void Kh(ProtocolVersion hashVersion, int bytes);

    /// <summary>One of the other primitives.</summary>
    public abstract void Run(Primitive primitive);

    /// <summary>mix(d) (spec §4.2): KH(ck, lhash("mix")) then KH(that, d).</summary>
    public void Mix(int bytes)
    {
        Kh(version, 32);
        Kh(version, bytes);
    }

    /// <summary>A key derived from ck (spec §4.3, §4.5, §4.6): KH(ck, label).</summary>
    public void Derive() => Kh(version, 32);

    /// <summary>encrypt_and_mix / decrypt_and_mix (spec §4.3) of a plaintext of 0 or 32 bytes.</summary>
    public void AeadAndMix(bool encrypt, int plaintext)
    {
        Derive();
        Run((encrypt, plaintext) switch
        {
            (true, 0) => Primitive.AeadEncryptEmpty,
            (true, _) => Primitive.AeadEncrypt32,
            (false, 0) => Primitive.AeadDecryptEmpty,
            (false, _) => Primitive.AeadDecrypt32,
        });
        Mix(plaintext + Aead.TagLength);
    }

    /// <summary>encaps_and_mix / decaps_and_mix (spec §4.4): the KEM operation, then mix(pk), mix(shk), mix(ct).</summary>
    public void KemAndMix(Primitive kemOperation, int publicKey, int ciphertext)
    {
        Run(kemOperation);
        Mix(publicKey);
        Mix(32);
        Mix(ciphertext);
    }

    /// <summary>The mac a sender writes or a receiver checks (spec §8.1), over the bytes before the mac field.</summary>
    public void Mac(int coveredBytes) => Kh(version, coveredBytes);

    /// <summary>
    /// The mac check of a message that names no version (InitHello, InitConf): V03's mac is tried first (spec §6.6),
    /// so a V02 message costs a failed SHAKE256 mac and then the BLAKE2b one.
    /// </summary>
    public void MacOfUnknownVersion(int coveredBytes)
    {
        Kh(ProtocolVersion.V03, coveredBytes);
        if (version == ProtocolVersion.V02) Kh(ProtocolVersion.V02, coveredBytes);
    }

    /// <summary>The cookie field (spec §8.2), always SHAKE256: KH(KH(lhash("cookie"), cookie_value), msg[..cookie]).</summary>
    public void Cookie(int coveredBytes)
    {
        Kh(ProtocolVersion.V03, 16);
        Kh(ProtocolVersion.V03, coveredBytes);
    }
}
