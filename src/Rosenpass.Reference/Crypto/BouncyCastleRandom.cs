using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Security;

namespace Rosenpass.Reference.Crypto;

/// <summary>
/// Lets BouncyCastle draw from our <see cref="IRandomSource"/> (spec §2.6), so that McEliece key
/// generation and encapsulation use the same injectable randomness as the rest of the protocol.
/// Seeding requests are ignored: the source decides what it returns.
/// </summary>
internal sealed class BouncyCastleRandom : IRandomGenerator
{
    private readonly IRandomSource _source;

    private BouncyCastleRandom(IRandomSource source) => _source = source;

    /// <summary>A BouncyCastle <see cref="SecureRandom"/> whose every byte comes from <paramref name="source"/>.</summary>
    public static SecureRandom Over(IRandomSource source) => new(new BouncyCastleRandom(source));

    public void AddSeedMaterial(byte[] seed) { }
    public void AddSeedMaterial(ReadOnlySpan<byte> seed) { }
    public void AddSeedMaterial(long seed) { }
    public void NextBytes(byte[] bytes) => _source.Fill(bytes);
    public void NextBytes(byte[] bytes, int start, int len) => _source.Fill(bytes.AsSpan(start, len));
    public void NextBytes(Span<byte> bytes) => _source.Fill(bytes);
}
