namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The KEM of Classic McEliece (round-4 specification, 2022-10-23) for mceliece460896: encapsulation (§4.5) and
/// decapsulation (§4.6), with H = SHAKE256 with 32 bytes of output (§5.1). pk 524160, sk 13608, ct 156, key 32 bytes.
/// Key generation is not here (BouncyCastle's public API generates keys, see <see cref="McEliece460896"/>).
/// </summary>
/// <remarks>
/// Secrets (e, the decoder's state, the hash input) live in this thread's pinned <see cref="KemWorkspace"/>, zeroed
/// before returning; nothing is allocated per call. Constant time: see each step; decapsulation's choice between
/// e and the key's s is a byte mask.
/// </remarks>
internal static class ClassicMcEliece460896Kem
{
    /// <summary>§4.5: e = FixedWeight(), C = Encode(e, T), K = H(1, e, C).</summary>
    public static void Encapsulate(Span<byte> ciphertext, Span<byte> sharedKey, ReadOnlySpan<byte> publicKey, IRandomSource random)
    {
        KemWorkspace work = KemWorkspace.Current;
        try
        {
            FixedWeight.Generate(work.Error, random, work.FixedWeightScratch);
            Encoder.Encode(ciphertext, work.Error, publicKey);
            Hash(sharedKey, 1, work.Error, ciphertext, work.Preimage);
        }
        finally
        {
            work.Clear();
        }
    }

    /// <summary>
    /// §4.6: e = Decode(C, Γ'); if that fails, e = s and b = 0, else b = 1 (implicit rejection); K = H(b, e, C).
    /// </summary>
    public static void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey)
    {
        KemWorkspace work = KemWorkspace.Current;
        try
        {
            ulong decoded = Decoder.Decode(work.Error, ciphertext, secretKey, work);
            byte keep = (byte)decoded; // 0xFF if decoded, else 0
            ReadOnlySpan<byte> s = secretKey.Slice(Params.RejectionOffset, Params.ErrorBytes);
            Span<byte> e = work.Error;
            for (int i = 0; i < Params.ErrorBytes; i++)
            {
                e[i] = (byte)((e[i] & keep) | (s[i] & ~keep));
            }
            Hash(sharedKey, (byte)(keep & 1), e, ciphertext, work.Preimage);
        }
        finally
        {
            work.Clear();
        }
    }

    /// <summary>H(b, e, C) = SHAKE256(b ‖ e ‖ C), 32 bytes (§5.1, §4.5, §4.6).</summary>
    private static void Hash(Span<byte> key, byte prefix, ReadOnlySpan<byte> error, ReadOnlySpan<byte> ciphertext, Span<byte> preimage)
    {
        preimage[0] = prefix;
        error.CopyTo(preimage[1..]);
        ciphertext[..Params.CiphertextBytes].CopyTo(preimage[(1 + Params.ErrorBytes)..]);
        Shake256Hash.Compute(preimage, key[..Params.SharedKeyBytes]);
    }
}
