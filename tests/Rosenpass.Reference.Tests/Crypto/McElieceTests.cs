using Org.BouncyCastle.Pqc.Crypto.Cmce;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Vectors;
using Rosenpass.Reference.Tests.Vectors;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>Classic McEliece 460896 (spec §2.4) against upstream's recorded decapsulations.</summary>
public class McElieceTests
{
    private static readonly McEliece460896 Kem = new(SystemRandom.Instance);

    [Theory]
    // IHI5: the initiator (peer a) encapsulated to peer b's static key; b decapsulates.
    [InlineData(UpstreamVector.PeerBSecretKey, UpstreamVector.Ihi5Ciphertext, UpstreamVector.Ihi5SharedKey)]
    // RHR5: the responder (peer b) encapsulated to peer a's static key; a decapsulates.
    [InlineData(UpstreamVector.PeerASecretKey, UpstreamVector.Rhr5Ciphertext, UpstreamVector.Rhr5SharedKey)]
    public void Decapsulation_gives_upstreams_recorded_32_byte_key(int secretKey, int ciphertext, int sharedKey)
    {
        byte[] shk = new byte[32];
        Kem.Decapsulate(shk, UpstreamVector.Value(ciphertext), UpstreamVector.Value(secretKey));
        Assert.Equal(UpstreamVector.Value(sharedKey), shk);
    }

    [Fact]
    public void A_flipped_ciphertext_byte_gives_another_key()
    {
        byte[] ct = UpstreamVector.Value(UpstreamVector.Ihi5Ciphertext);
        ct[100] ^= 0x04;
        byte[] shk = new byte[32];
        Kem.Decapsulate(shk, ct, UpstreamVector.Value(UpstreamVector.PeerBSecretKey));
        Assert.NotEqual(UpstreamVector.Value(UpstreamVector.Ihi5SharedKey), shk);
    }

    [Fact]
    public void The_private_overload_extends_the_public_24_byte_key()
    {
        // Pins the reflection in McEliece460896: BouncyCastle's public API must agree on the first 24 bytes.
        var sk = new CmcePrivateKeyParameters(CmceParameters.mceliece460896r3, UpstreamVector.Value(UpstreamVector.PeerBSecretKey));
        byte[] publicKey24 = new CmceKemExtractor(sk).ExtractSecret(UpstreamVector.Value(UpstreamVector.Ihi5Ciphertext));
        Assert.Equal(24, publicKey24.Length);
        Assert.Equal(UpstreamVector.Value(UpstreamVector.Ihi5SharedKey)[..24], publicKey24);
    }

    [Fact]
    public void Encapsulation_through_the_engine_matches_the_public_api()
    {
        // Pins the engine binding in McEliece460896: from the same random bytes, BouncyCastle's public API must
        // produce the same ciphertext and the first 24 bytes of the same key.
        byte[] seed = new byte[48];
        seed[0] = 7;
        byte[] pk = UpstreamVector.Value(UpstreamVector.PeerBPublicKey);
        byte[] ct = new byte[McEliece460896.CiphertextBytes], key = new byte[32];
        using (var random = new NistCtrDrbg(seed)) new McEliece460896(random).Encapsulate(ct, key, pk);
        using var sameRandom = new NistCtrDrbg(seed);
        var generator = new CmceKemGenerator(BouncyCastleRandom.Over(sameRandom));
        using var reference = generator.GenerateEncapsulated(new CmcePublicKeyParameters(CmceParameters.mceliece460896r3, pk));
        Assert.Equal(reference.GetEncapsulation(), ct);
        Assert.Equal(reference.GetSecret(), key[..24]);
    }

    [Fact]
    public void Encapsulation_reads_the_key_it_is_given_each_time()
    {
        // The engine reads a per-thread copy of the public key: a different key must give a different result.
        byte[] pkA = UpstreamVector.Value(UpstreamVector.PeerAPublicKey), skA = UpstreamVector.Value(UpstreamVector.PeerASecretKey);
        byte[] pkB = UpstreamVector.Value(UpstreamVector.PeerBPublicKey), skB = UpstreamVector.Value(UpstreamVector.PeerBSecretKey);
        byte[] ct = new byte[McEliece460896.CiphertextBytes], sent = new byte[32], received = new byte[32];
        foreach (var (pk, sk) in new[] { (pkA, skA), (pkB, skB), (pkA, skA) })
        {
            Kem.Encapsulate(ct, sent, pk);
            Kem.Decapsulate(received, ct, sk);
            Assert.Equal(sent, received);
        }
    }

    [Fact]
    public void Encapsulation_round_trips_against_upstreams_key_pair()
    {
        byte[] ct = new byte[McEliece460896.CiphertextBytes], sent = new byte[32], received = new byte[32];
        Kem.Encapsulate(ct, sent, UpstreamVector.Value(UpstreamVector.PeerBPublicKey));
        Kem.Decapsulate(received, ct, UpstreamVector.Value(UpstreamVector.PeerBSecretKey));
        Assert.Equal(sent, received);
        Assert.Contains(sent, b => b != 0);
    }

    [Fact]
    public void Key_generation_gives_exact_sizes_and_a_working_pair()
    {
        byte[] pk = new byte[McEliece460896.PublicKeyBytes], sk = new byte[McEliece460896.SecretKeyBytes];
        Kem.GenerateKeyPair(pk, sk);
        byte[] ct = new byte[156], sent = new byte[32], received = new byte[32];
        Kem.Encapsulate(ct, sent, pk);
        Kem.Decapsulate(received, ct, sk);
        Assert.Equal(sent, received);
    }

    [Fact]
    public void Wrong_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Kem.Decapsulate(new byte[32], new byte[155], new byte[McEliece460896.SecretKeyBytes]));
        Assert.Throws<ArgumentException>(() => Kem.Encapsulate(new byte[156], new byte[24], new byte[McEliece460896.PublicKeyBytes]));
    }
}

