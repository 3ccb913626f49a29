using Rosenpass.Reference.Crypto.Kyber512;
using Rosenpass.Reference.Tests.Vectors;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// Round-3 Kyber512 (spec §2.5) against upstream's recorded handshake: RHR4 encapsulated to the initiator's
/// ephemeral key; decapsulating that ciphertext with the recorded eski gives the recorded shared key.
/// ML-KEM would give another key: this is what pins the round-3 variant.
/// </summary>
public class Kyber512UpstreamVectorTests
{
    [Fact]
    public void Decapsulating_upstreams_ephemeral_ciphertext_gives_the_recorded_key()
    {
        byte[] shk = new byte[Kyber512Kem.SharedKeyLength];
        Kyber512Kem.Decapsulate(shk, UpstreamVector.Value(UpstreamVector.Rhr4Ciphertext), UpstreamVector.Value(UpstreamVector.Eski));
        Assert.Equal(UpstreamVector.Value(UpstreamVector.Rhr4SharedKey), shk);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(400)]
    [InlineData(767)]
    public void A_flipped_ciphertext_byte_gives_another_key(int offset)
    {
        byte[] ct = UpstreamVector.Value(UpstreamVector.Rhr4Ciphertext);
        ct[offset] ^= 0x01;
        byte[] shk = new byte[Kyber512Kem.SharedKeyLength];
        Kyber512Kem.Decapsulate(shk, ct, UpstreamVector.Value(UpstreamVector.Eski));
        Assert.NotEqual(UpstreamVector.Value(UpstreamVector.Rhr4SharedKey), shk);
    }

    [Fact]
    public void The_recorded_epki_is_the_public_half_of_the_recorded_eski()
    {
        // The round-3 secret key embeds the public key after the 768-byte indcpa secret key.
        byte[] eski = UpstreamVector.Value(UpstreamVector.Eski);
        Assert.Equal(UpstreamVector.Value(UpstreamVector.Epki), eski[768..(768 + Kyber512Kem.PublicKeyLength)]);
    }
}
