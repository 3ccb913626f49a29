using Rosenpass.Reference.Crypto;

namespace Rosenpass.Benchmarks;

/// <summary>
/// Adds up the measured cost of primitive operations for one protocol version: keyed hashes, AEADs, KEM
/// operations. The chaining-key operations are spelled out as the primitives they consist of (spec §4), so a
/// handshake step can be written down as the list of operations it performs (see <see cref="HandshakeCostModel"/>).
/// </summary>
public sealed class PrimitiveCost(Measurements measured, ProtocolVersion version)
{
    private static readonly int[] HashedSizes = [32, 1028, McEliece460896.PublicKeyBytes];

    /// <summary>The version whose keyed hash the chaining key uses.</summary>
    public ProtocolVersion Version => version;

    /// <summary>The sum so far, in ns.</summary>
    public double Ns { get; private set; }

    /// <summary>
    /// KH of <paramref name="hashVersion"/> over <paramref name="bytes"/> bytes: measured at 32 B, 1028 B and 524160 B,
    /// linear in between (hashing is a fixed cost plus a cost per byte); at most 32 B costs what 32 B costs.
    /// </summary>
    public void Kh(ProtocolVersion hashVersion, int bytes)
    {
        double At(int size) => measured.MeanNs($"KeyedHashBenchmarks.Compute(Version={hashVersion},Size={size})");
        if (bytes <= HashedSizes[0]) { Ns += At(HashedSizes[0]); return; }
        int upper = Array.FindIndex(HashedSizes, s => s >= bytes);
        if (upper < 0) throw new ArgumentOutOfRangeException(nameof(bytes), "larger than any measured size");
        int lo = HashedSizes[upper - 1], hi = HashedSizes[upper];
        Ns += At(lo) + (At(hi) - At(lo)) * (bytes - lo) / (hi - lo);
    }

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
        string size = plaintext == 0 ? "Empty" : "32";
        Add($"AeadBenchmarks.{(encrypt ? "AeadEncrypt" : "AeadDecrypt")}{size}");
        Mix(plaintext + Aead.TagLength);
    }

    /// <summary>encaps_and_mix / decaps_and_mix (spec §4.4): the KEM operation, then mix(pk), mix(shk), mix(ct).</summary>
    public void KemAndMix(string kemOperation, int publicKey, int ciphertext)
    {
        Add(kemOperation);
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

    /// <summary>Any other benchmark of the run, by name.</summary>
    public void Add(string benchmark) => Ns += measured.MeanNs(benchmark);
}
