using CsCheck;
using Org.BouncyCastle.Pqc.Crypto.Cmce;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Crypto.ClassicMcEliece;
using Rosenpass.Reference.Vectors;
using Rosenpass.Reference.Tests.Vectors;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// Differential properties: our Classic McEliece 460896 (Crypto/ClassicMcEliece) against BouncyCastle 2.7.0's, a
/// second implementation kept for tests only, over several key pairs (upstream's two and two BouncyCastle
/// generates, shared by a fixture), valid, random and malformed ciphertexts: 1,050 cases in all. BouncyCastle's
/// public API gives the first 24 of the 32 key bytes; both keys are SHAKE256 outputs, so equal first 24 bytes mean
/// equal preimages H(b, e, C), i.e. the same decoding or the same implicit rejection.
/// </summary>
public class McElieceDifferentialTests : IClassFixture<McElieceDifferentialTests.KeyPairs>
{
    private const int ReferenceKeyBytes = 24;
    private readonly KeyPairs _keys;

    public McElieceDifferentialTests(KeyPairs keys) => _keys = keys;

    /// <summary>Upstream's two recorded key pairs and two fresh BouncyCastle ones (about 0.5 s each to generate).</summary>
    public sealed class KeyPairs
    {
        public IReadOnlyList<(byte[] Pk, byte[] Sk)> Pairs { get; }

        public KeyPairs()
        {
            var pairs = new List<(byte[], byte[])>
            {
                (UpstreamVector.Value(UpstreamVector.PeerAPublicKey), UpstreamVector.Value(UpstreamVector.PeerASecretKey)),
                (UpstreamVector.Value(UpstreamVector.PeerBPublicKey), UpstreamVector.Value(UpstreamVector.PeerBSecretKey)),
            };
            var kem = new McEliece460896(SystemRandom.Instance);
            for (int i = 0; i < 2; i++)
            {
                byte[] pk = new byte[McEliece460896.PublicKeyBytes], sk = new byte[McEliece460896.SecretKeyBytes];
                kem.GenerateKeyPair(pk, sk);
                pairs.Add((pk, sk));
            }
            Pairs = pairs;
        }
    }

    private Gen<int> KeyIndex => Gen.Int[0, _keys.Pairs.Count - 1];

    private static byte[] Ours(byte[] ct, byte[] sk)
    {
        byte[] key = new byte[McEliece460896.SharedKeyBytes];
        new McEliece460896(SystemRandom.Instance).Decapsulate(key, ct, sk);
        return key;
    }

    private static byte[] Reference(byte[] ct, byte[] sk) =>
        new CmceKemExtractor(new CmcePrivateKeyParameters(CmceParameters.mceliece460896r3, sk)).ExtractSecret(ct);

    /// <summary>The property's check; <paramref name="fault"/> flips one byte of ours, to show the check can fail.</summary>
    private static void AssertSameDecapsulation(byte[] ct, byte[] sk, bool fault = false)
    {
        byte[] ours = Ours(ct, sk);
        if (fault) ours[5] ^= 1;
        Assert.Equal(Reference(ct, sk), ours[..ReferenceKeyBytes]);
    }

    [Fact]
    public void Encapsulations_agree_and_both_sides_decapsulate_them()
    {
        Gen.Select(KeyIndex, Gen.Byte.Array[48]).Sample((index, seed) =>
        {
            var (pk, sk) = _keys.Pairs[index];
            byte[] ct = new byte[McEliece460896.CiphertextBytes], key = new byte[McEliece460896.SharedKeyBytes];
            using (var random = new NistCtrDrbg(seed)) new McEliece460896(random).Encapsulate(ct, key, pk);
            using var sameRandom = new NistCtrDrbg(seed);
            using var reference = new CmceKemGenerator(BouncyCastleRandom.Over(sameRandom))
                .GenerateEncapsulated(new CmcePublicKeyParameters(CmceParameters.mceliece460896r3, pk));
            Assert.Equal(reference.GetEncapsulation(), ct);
            Assert.Equal(reference.GetSecret(), key[..ReferenceKeyBytes]);
            Assert.Equal(key, Ours(ct, sk));
            AssertSameDecapsulation(ct, sk);
        }, iter: 150);
    }

    [Fact]
    public void Random_ciphertexts_are_rejected_alike()
    {
        Gen.Select(KeyIndex, Gen.Byte.Array[McEliece460896.CiphertextBytes])
            .Sample((index, ct) => AssertSameDecapsulation(ct, _keys.Pairs[index].Sk), iter: 350);
    }

    /// <summary>
    /// Near misses: a valid ciphertext with 1 to 3 bits flipped, or one byte replaced; and the syndromes of error
    /// vectors of weight t - 1, t + 1 and t, where the decoder must find e, count it and check it.
    /// </summary>
    [Fact]
    public void Malformed_ciphertexts_are_rejected_alike()
    {
        var flipped = Gen.Select(Gen.Byte.Array[48], Gen.Int[0, 155].Array[1, 3], Gen.Int[0, 7]).Select((seed, offsets, bit) => (seed, offsets, bit, weight: 0));
        var weighted = Gen.Select(Gen.Byte.Array[48], Gen.Int[0, 2].Select(i => Params.T - 1 + i)).Select((seed, weight) => (seed, offsets: Array.Empty<int>(), bit: 0, weight));
        Gen.Select(KeyIndex, Gen.OneOf(flipped, weighted)).Sample((index, c) =>
        {
            var (pk, sk) = _keys.Pairs[index];
            byte[] ct = new byte[McEliece460896.CiphertextBytes];
            using var random = new NistCtrDrbg(c.seed);
            if (c.weight == 0)
            {
                new McEliece460896(random).Encapsulate(ct, new byte[32], pk);
                foreach (int offset in c.offsets) ct[offset] ^= (byte)(1 << c.bit);
            }
            else
            {
                Encoder.Encode(ct, ErrorOfWeight(c.weight, random), pk);
            }
            AssertSameDecapsulation(ct, sk);
        }, iter: 550);
    }

    /// <summary>e with exactly <paramref name="weight"/> ones at distinct random positions below n.</summary>
    private static byte[] ErrorOfWeight(int weight, IRandomSource random)
    {
        byte[] e = new byte[Params.ErrorBytes], two = new byte[2];
        for (int ones = 0; ones < weight;)
        {
            random.Fill(two);
            int position = (two[0] | two[1] << 8) % Params.N;
            if ((e[position / 8] >> (position % 8) & 1) == 0) { e[position / 8] |= (byte)(1 << (position % 8)); ones++; }
        }
        return e;
    }

    [Fact]
    public void The_differential_check_fails_on_one_flipped_byte()
    {
        var (pk, sk) = _keys.Pairs[1];
        byte[] ct = new byte[McEliece460896.CiphertextBytes];
        new McEliece460896(SystemRandom.Instance).Encapsulate(ct, new byte[32], pk);
        AssertSameDecapsulation(ct, sk);
        Assert.ThrowsAny<Exception>(() => AssertSameDecapsulation(ct, sk, fault: true));
        ct[0] ^= 1;
        Assert.ThrowsAny<Exception>(() => AssertSameDecapsulation(ct, sk, fault: true));
    }
}
