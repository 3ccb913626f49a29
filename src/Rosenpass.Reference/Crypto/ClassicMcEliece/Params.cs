namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// In this folder "CM §N" cites section N of "Classic McEliece: conservative code-based cryptography: cryptosystem
/// specification", round 4, 2022-10-23 (not this project's spec/, which "spec §" cites).
/// The parameter set mceliece460896 (Classic McEliece round-4 specification, 2022-10-23, §6 "Selected parameter
/// sets"): m = 13, n = 4608, t = 96, field polynomial f(z) = z^13 + z^4 + z^3 + z + 1; with the byte layouts of
/// the specification's "Bits and bytes" section (§5).
/// </summary>
internal static class Params
{
    /// <summary>m: field elements have 13 bits; q = 2^m = 8192.</summary>
    public const int M = 13;

    /// <summary>q = 2^m: the number of field elements, all of which the additive FFT evaluates at.</summary>
    public const int Q = 1 << M;

    /// <summary>n: code length, the number of support elements α_0 ... α_{n-1}.</summary>
    public const int N = 4608;

    /// <summary>t: the Goppa polynomial's degree and the error weight.</summary>
    public const int T = 96;

    /// <summary>mt: rows of the parity-check matrix H = (I_mt | T), bits of a ciphertext.</summary>
    public const int Mt = M * T;

    /// <summary>k = n - mt: columns of the public key's matrix T.</summary>
    public const int K = N - Mt;

    /// <summary>Bytes of one row of T in the public key (k bits).</summary>
    public const int PublicKeyRowBytes = K / 8;

    public const int PublicKeyBytes = Mt * PublicKeyRowBytes;
    public const int CiphertextBytes = Mt / 8;
    public const int SharedKeyBytes = 32;

    /// <summary>Bytes of an error vector e (n bits).</summary>
    public const int ErrorBytes = N / 8;

    /// <summary>Secret key: δ (32) ‖ c (8) ‖ g (2t) ‖ control bits of α ((2m - 1) 2^(m-1) bits) ‖ s (n bits).</summary>
    public const int SecretKeyBytes = DeltaBytes + PivotBytes + GoppaBytes + ControlBitsBytes + ErrorBytes;

    public const int DeltaBytes = 32;
    public const int PivotBytes = 8;

    /// <summary>g_0 ... g_{t-1}, two little-endian bytes each (g is monic: g_t = 1 is not stored).</summary>
    public const int GoppaBytes = 2 * T;

    /// <summary>(2m - 1) layers of 2^(m-1) control bits each: the Beneš network that builds the field ordering.</summary>
    public const int ControlBitsBytes = (2 * M - 1) * (Q / 2) / 8;

    public const int GoppaOffset = DeltaBytes + PivotBytes;
    public const int ControlBitsOffset = GoppaOffset + GoppaBytes;
    public const int RejectionOffset = ControlBitsOffset + ControlBitsBytes;

    /// <summary>64-bit words holding one bit per field element (q bits): one bitsliced column of the FFT.</summary>
    public const int QWords = Q / 64;

    /// <summary>64-bit words holding e (n bits).</summary>
    public const int ErrorWords = N / 64;
}
