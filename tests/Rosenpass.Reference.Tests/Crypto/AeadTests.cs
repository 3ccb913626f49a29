using System.Text;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>Both AEADs against their published test vectors (RFC 8439 §2.8.2; draft-irtf-cfrg-xchacha-03 §A.3.1), and XAEAD
/// against BouncyCastle's.</summary>
public class AeadTests
{
    private static readonly byte[] Key = Convert.FromHexString("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    private static readonly byte[] Ad = Convert.FromHexString("50515253c0c1c2c3c4c5c6c7");
    private static readonly byte[] Plaintext = Encoding.ASCII.GetBytes(
        "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");

    [Fact]
    public void ChaCha20Poly1305_matches_rfc8439()
    {
        byte[] nonce = Convert.FromHexString("070000004041424344454647");
        byte[] output = new byte[Plaintext.Length + Aead.TagLength];
        Aead.Encrypt(Key, nonce, Ad, Plaintext, output);
        Assert.StartsWith("d31a8d34648e60db7b86afbc53ef7ec2", Convert.ToHexStringLower(output));
        Assert.EndsWith("1ae10b594f09e26a7e902ecbd0600691", Convert.ToHexStringLower(output));

        byte[] decrypted = new byte[Plaintext.Length];
        Assert.True(Aead.Decrypt(Key, nonce, Ad, output, decrypted));
        Assert.Equal(Plaintext, decrypted);
    }

    [Fact]
    public void XChaCha20Poly1305_matches_the_draft_and_puts_the_nonce_first()
    {
        byte[] nonce = Convert.FromHexString("404142434445464748494a4b4c4d4e4f5051525354555657");
        byte[] output = new byte[Plaintext.Length + XAead.Overhead];
        XAead.Encrypt(Key, nonce, Ad, Plaintext, output);
        Assert.Equal(nonce, output[..24]);
        Assert.StartsWith("bd6d179d3e83d43b9576579493c0e939", Convert.ToHexStringLower(output[24..]));
        Assert.EndsWith("c0875924c1c7987947deafd8780acf49", Convert.ToHexStringLower(output));

        byte[] decrypted = new byte[Plaintext.Length];
        Assert.True(XAead.Decrypt(Key, Ad, output, decrypted));
        Assert.Equal(Plaintext, decrypted);
    }

    /// <summary>
    /// Our XChaCha20-Poly1305 (HChaCha20 and .NET's ChaCha20-Poly1305) against BouncyCastle's, an independent
    /// implementation, on random keys, nonces, additional data and plaintexts of 0 to 300 bytes, both ways.
    /// </summary>
    [Fact]
    public void XChaCha20Poly1305_agrees_with_bouncycastles_in_both_directions()
    {
        var random = new Random(20261201);
        for (int i = 0; i < 200; i++)
        {
            byte[] key = Bytes(random, XAead.KeyLength), nonce = Bytes(random, XAead.NonceLength);
            byte[] ad = Bytes(random, random.Next(0, 80)), plaintext = Bytes(random, random.Next(0, 301));

            byte[] ours = new byte[plaintext.Length + XAead.Overhead];
            XAead.Encrypt(key, nonce, ad, plaintext, ours);
            var theirs = new XChaCha20Poly1305();
            theirs.Init(true, new AeadParameters(new KeyParameter(key), 128, nonce, ad));
            byte[] expected = new byte[theirs.GetOutputSize(plaintext.Length)];
            int written = theirs.ProcessBytes(plaintext, 0, plaintext.Length, expected, 0);
            theirs.DoFinal(expected, written);
            Assert.Equal(Convert.ToHexString(nonce) + Convert.ToHexString(expected), Convert.ToHexString(ours));

            byte[] decrypted = new byte[plaintext.Length];
            Assert.True(XAead.Decrypt(key, ad, ours, decrypted));
            Assert.Equal(plaintext, decrypted);
        }
    }

    private static byte[] Bytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(-1)]
    public void Any_flipped_byte_fails_decryption_and_zeroes_the_output(int position)
    {
        byte[] nonce = new byte[Aead.NonceLength];
        byte[] ct = new byte[Plaintext.Length + Aead.TagLength];
        Aead.Encrypt(Key, nonce, Ad, Plaintext, ct);
        ct[position < 0 ? ct.Length - 1 : position] ^= 0x01;
        byte[] pt = Enumerable.Repeat((byte)0xaa, Plaintext.Length).ToArray();
        Assert.False(Aead.Decrypt(Key, nonce, Ad, ct, pt));
        Assert.All(pt, b => Assert.Equal(0, b));

        byte[] xct = new byte[Plaintext.Length + XAead.Overhead];
        XAead.Encrypt(Key, new byte[XAead.NonceLength], Ad, Plaintext, xct);
        xct[position < 0 ? xct.Length - 1 : position] ^= 0x01;
        Assert.False(XAead.Decrypt(Key, Ad, xct, pt));
        Assert.All(pt, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Empty_plaintext_gives_a_bare_tag()
    {
        byte[] tag = new byte[Aead.TagLength];
        Aead.Encrypt(Key, new byte[12], [], [], tag);
        Assert.True(Aead.Decrypt(Key, new byte[12], [], tag, []));
        tag[0] ^= 1;
        Assert.False(Aead.Decrypt(Key, new byte[12], [], tag, []));
    }
}
