using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// The generator's deterministic randomness (vectors/README.md, "How the generator draws"): the SHAKE256 output
/// stream of <c>seed ‖ UTF-8(label)</c>, read front to back across draws. Only our generator uses it; every value a
/// server draws is recorded in the vectors, so a consumer never needs to reproduce this stream.
/// </summary>
public sealed class SeededRandom : IRandomSource
{
    private readonly ShakeDigest _shake = new(256);

    /// <summary>The stream named <paramref name="label"/> under <paramref name="seed"/>.</summary>
    public SeededRandom(ReadOnlySpan<byte> seed, string label)
    {
        _shake.BlockUpdate(seed);
        _shake.BlockUpdate(Encoding.UTF8.GetBytes(label));
    }

    public void Fill(Span<byte> destination) => _shake.Output(destination);

    /// <summary>The first <paramref name="length"/> bytes of SHAKE256(UTF-8(<paramref name="text"/>)): how seeds are named.</summary>
    public static byte[] SeedFor(string text, int length = 32)
    {
        var seed = new byte[length];
        new SeededRandom([], text).Fill(seed);
        return seed;
    }
}
