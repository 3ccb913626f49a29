using Rosenpass.Reference.Crypto;

using static Rosenpass.Reference.Tests.Crypto.Refusal;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// The argument guards of Aead, XAead, ConstantTime and Secret (spec §2.2, §2.3, §2.7): a wrong length is refused
/// with an exception naming the argument, before anything is written. Written to kill Stryker's removals of the
/// guards. Where the library below would refuse the length too (BouncyCastle, .NET's ChaCha20Poly1305), it throws
/// an ArgumentException naming another parameter or none, so the ParamName is what tells our guard apart.
/// </summary>
public class ArgumentGuardTests
{
    private const byte Untouched = 0xaa;
    private static readonly byte[] Key = new byte[32];
    private static readonly byte[] Plaintext = [1, 2, 3, 4, 5, 6, 7, 8];

    private static byte[] Filled(int length) => Enumerable.Repeat(Untouched, length).ToArray();

    private static void AssertUntouched(byte[] buffer) => Assert.All(buffer, b => Assert.Equal(Untouched, b));


    [Fact]
    public void Aead_encrypt_refuses_an_output_one_byte_short_of_plaintext_plus_tag_and_writes_nothing()
    {
        byte[] output = Filled(Plaintext.Length + Aead.TagLength - 1);
        AssertRefusedNaming("output", () => Aead.Encrypt(Key, new byte[Aead.NonceLength], [], Plaintext, output));
        AssertUntouched(output);
    }

    [Fact]
    public void Aead_decrypt_refuses_an_input_one_byte_longer_than_plaintext_plus_tag_and_writes_nothing()
    {
        byte[] plaintext = Filled(Plaintext.Length);
        byte[] input = new byte[Plaintext.Length + Aead.TagLength + 1];
        AssertRefusedNaming("ciphertextAndTag", () => Aead.Decrypt(Key, new byte[Aead.NonceLength], [], input, plaintext));
        AssertUntouched(plaintext);
    }

    [Fact]
    public void XAead_encrypt_refuses_an_ietf_sized_12_byte_nonce_and_writes_nothing()
    {
        byte[] output = Filled(Plaintext.Length + XAead.Overhead);
        AssertRefusedNaming("nonce", () => XAead.Encrypt(Key, new byte[Aead.NonceLength], [], Plaintext, output));
        AssertUntouched(output);
    }

    [Fact]
    public void XAead_encrypt_refuses_an_output_one_byte_longer_than_plaintext_plus_overhead_and_writes_nothing()
    {
        byte[] output = Filled(Plaintext.Length + XAead.Overhead + 1);
        AssertRefusedNaming("output", () => XAead.Encrypt(Key, new byte[XAead.NonceLength], [], Plaintext, output));
        AssertUntouched(output);
    }

    [Fact]
    public void XAead_decrypt_refuses_an_input_one_byte_short_of_plaintext_plus_overhead_and_writes_nothing()
    {
        byte[] plaintext = Filled(Plaintext.Length);
        byte[] input = new byte[Plaintext.Length + XAead.Overhead - 1];
        AssertRefusedNaming("input", () => XAead.Decrypt(Key, [], input, plaintext));
        AssertUntouched(plaintext);
    }

    [Fact]
    public void XAead_refuses_a_31_byte_key_and_writes_nothing()
    {
        byte[] output = Filled(Plaintext.Length + XAead.Overhead);
        AssertRefusedNaming("key", () => XAead.Encrypt(new byte[31], new byte[XAead.NonceLength], [], Plaintext, output));
        AssertUntouched(output);
    }

    [Fact]
    public void Little_endian_comparison_refuses_operands_of_different_lengths_even_when_their_values_are_equal()
    {
        // 1 and 1‖0 are the same number; comparing them anyway would hide a caller's layout error.
        Assert.Throws<ArgumentException>(() => ConstantTime.CompareLittleEndian([1], [1, 0]));
    }

    [Fact]
    public void A_secret_of_negative_length_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Secret(-1));
        Assert.Equal("length", e.ParamName);
    }
}
