using System.Runtime.Intrinsics;

namespace Rosenpass.Reference.Crypto.ClassicMcEliece;

/// <summary>
/// The KEM's scratch memory (decoder buffers, e, the hash input): allocated once per thread, pinned (the collector never moves, and so never
/// copies, these secrets), and zeroed by <see cref="Clear"/> after every encapsulation and decapsulation.
/// </summary>
internal sealed class KemWorkspace
{
    private const int W = GfBitsliced.Width;

    [ThreadStatic] private static KemWorkspace? t_current;

    /// <summary>This thread's workspace.</summary>
    public static KemWorkspace Current => t_current ??= new KemWorkspace();

    /// <summary>One bit per field element in FFT order: the received word, later the error vector.</summary>
    public readonly ulong[] Bits = Pinned(Params.QWords);

    /// <summary>128 bitsliced vectors (<see cref="FftValues"/> layout): FFT outputs.</summary>
    public readonly Vector256<ulong>[] Values = PinnedVectors();

    /// <summary>128 bitsliced vectors: 1 / g(x_k)^2 at every field element.</summary>
    public readonly Vector256<ulong>[] Inverses = PinnedVectors();

    /// <summary>128 bitsliced vectors: weights for the transposed FFT.</summary>
    public readonly Vector256<ulong>[] Weights = PinnedVectors();

    /// <summary>Syndrome S_0 ... S_255 of the ciphertext, then of the decoded error vector.</summary>
    public readonly ulong[] Syndrome = Pinned(4 * W), SyndromeCheck = Pinned(4 * W);

    /// <summary>A polynomial of degree &lt; 128 (g, then σ), bitsliced.</summary>
    public readonly ulong[] Polynomial = Pinned(2 * W);

    /// <summary>The hash input of decapsulation: b ‖ e ‖ C.</summary>
    public readonly byte[] Preimage = GC.AllocateArray<byte>(1 + Params.ErrorBytes + Params.CiphertextBytes, pinned: true);

    /// <summary>e (n bits), encapsulation's and decapsulation's.</summary>
    public readonly byte[] Error = GC.AllocateArray<byte>(Params.ErrorBytes, pinned: true);

    /// <summary>Fixed-weight generation's random draw and positions.</summary>
    public readonly byte[] FixedWeightScratch = GC.AllocateArray<byte>(FixedWeight.ScratchBytes, pinned: true);

    public void Clear()
    {
        Array.Clear(Error);
        Array.Clear(FixedWeightScratch);
        Array.Clear(Bits);
        Array.Clear(Values);
        Array.Clear(Inverses);
        Array.Clear(Weights);
        Array.Clear(Syndrome);
        Array.Clear(SyndromeCheck);
        Array.Clear(Polynomial);
        Array.Clear(Preimage);
    }

    private static ulong[] Pinned(int length) => GC.AllocateArray<ulong>(length, pinned: true);

    private static Vector256<ulong>[] PinnedVectors() => GC.AllocateArray<Vector256<ulong>>(FftValues.Length, pinned: true);
}
