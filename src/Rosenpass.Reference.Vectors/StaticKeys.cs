using System.Security.Cryptography;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// The static key pairs the cases name (vectors/README.md, "Static keys"). Each is Classic McEliece 460896 KeyGen
/// whose only randomness is a 32-byte seed: the reference KeyGen draws exactly 32 bytes (its δ), and we hand it the
/// seed. The keys file stores seed, secret key, public key and the public key's SHA-256, so a consumer can take
/// the keys as they are.
/// </summary>
public static class StaticKeys
{
    /// <summary>The key names our scenarios use: a initiates, b responds.</summary>
    public static readonly string[] Names = ["a", "b"];

    /// <summary>The seed of key <paramref name="name"/>: SHAKE256("rosenpass reference vectors static key " ‖ name)[..32].</summary>
    public static byte[] SeedOf(string name) => SeededRandom.SeedFor("rosenpass reference vectors static key " + name);

    /// <summary>Derives the key pair from <paramref name="seed"/>.</summary>
    public static StaticKeyPair Derive(string name, byte[] seed)
    {
        var source = new SeedOnlyRandom(seed);
        var kem = new McEliece460896(source);
        var pk = new byte[McEliece460896.PublicKeyBytes];
        var sk = new byte[McEliece460896.SecretKeyBytes];
        kem.GenerateKeyPair(pk, sk);
        if (!source.Exhausted) throw new InvalidOperationException("McEliece KeyGen drew less than its 32-byte seed");
        return new StaticKeyPair
        {
            Name = name, Seed = VectorJson.Hex(seed), PublicKeySha256 = VectorJson.Hex(SHA256.HashData(pk)),
            SecretKey = VectorJson.Hex(sk), PublicKey = VectorJson.Hex(pk),
        };
    }

    /// <summary>The keys file of our scenarios.</summary>
    public static KeysFile Generate() => new()
    {
        Format = VectorJson.KeysFormat,
        Description = "Static Classic McEliece 460896 key pairs named by the cases' staticKey fields. "
            + "Each is KeyGen with the 32-byte seed as its randomness; see README.md, Static keys.",
        Keys = Names.Select(n => Derive(n, SeedOf(n))).ToList(),
    };

    /// <summary>Hands out the seed once, exactly; any other draw means KeyGen is not the seeded one we specify.</summary>
    private sealed class SeedOnlyRandom(byte[] seed) : IRandomSource
    {
        private int _used;

        public bool Exhausted => _used == seed.Length;

        public void Fill(Span<byte> destination)
        {
            if (_used + destination.Length > seed.Length)
                throw new InvalidOperationException($"McEliece KeyGen drew {_used + destination.Length} bytes, more than its 32-byte seed");
            seed.AsSpan(_used, destination.Length).CopyTo(destination);
            _used += destination.Length;
        }
    }
}
