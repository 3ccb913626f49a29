using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>Upstream's doc-test values for both keyed hashes (upstream-facts §1.2, spec §2.1).</summary>
public class KeyedHashTests
{
    private static readonly byte[] ZeroKey = new byte[32];
    private static readonly byte[] FfData = Enumerable.Repeat((byte)0xff, 32).ToArray();

    [Theory]
    [InlineData(ProtocolVersion.V02, "0598878d976a9308dc5f26421d210368fa7283771b383b2c0b43e67170145067")]
    [InlineData(ProtocolVersion.V03, "ae042fbc01e4b3f6432bff5e9b0bbba1266ed917043eac1edabbf950ab1591ee")]
    public void Matches_upstream_doc_test_vector(ProtocolVersion version, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexStringLower(KeyedHash.For(version).Compute(ZeroKey, FfData)));
    }

    [Theory]
    [InlineData(ProtocolVersion.V02)]
    [InlineData(ProtocolVersion.V03)]
    public void One_flipped_input_byte_changes_the_output(ProtocolVersion version)
    {
        var hash = KeyedHash.For(version);
        byte[] data = (byte[])FfData.Clone();
        data[17] ^= 1;
        byte[] key = (byte[])ZeroKey.Clone();
        key[3] ^= 0x80;
        Assert.NotEqual(hash.Compute(ZeroKey, FfData), hash.Compute(ZeroKey, data));
        Assert.NotEqual(hash.Compute(ZeroKey, FfData), hash.Compute(key, FfData));
    }

    [Fact]
    public void V02_is_not_plain_keyed_blake2b_of_the_key()
    {
        // The "incorrect HMAC" is two keyed BLAKE2b calls; a single call must give something else.
        var single = new Org.BouncyCastle.Crypto.Digests.Blake2bDigest(ZeroKey, 32, null, null);
        single.BlockUpdate(FfData);
        byte[] once = new byte[32];
        single.DoFinal(once);
        Assert.NotEqual(once, KeyedHash.For(ProtocolVersion.V02).Compute(ZeroKey, FfData));
    }

    [Fact]
    public void Wrong_key_or_output_length_is_rejected()
    {
        var hash = KeyedHash.For(ProtocolVersion.V03);
        Assert.Throws<ArgumentException>(() => hash.Compute(new byte[31], FfData));
        Assert.Throws<ArgumentException>(() => hash.Compute(ZeroKey, FfData, new byte[16]));
    }
}
