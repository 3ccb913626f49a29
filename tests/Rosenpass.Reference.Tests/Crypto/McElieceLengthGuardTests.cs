using Rosenpass.Reference.Crypto;

using static Rosenpass.Reference.Tests.Crypto.Refusal;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// The length guards of McEliece460896 (spec §2.4): a span of the wrong size is refused with an ArgumentException
/// naming it, before any key generation, encapsulation or decapsulation runs. Written to kill Stryker's removals of
/// the guards. Every other span has its right size, so only the guard under test can refuse the call; the random
/// source throws when drawn from, so a missing guard fails fast instead of generating a key pair.
/// </summary>
public class McElieceLengthGuardTests
{
    private sealed class NoRandomness : IRandomSource
    {
        public void Fill(Span<byte> destination) => throw new InvalidOperationException("a refused call drew randomness");
    }

    private static readonly McEliece460896 Kem = new(new NoRandomness());

    /// <summary>A zero buffer of <paramref name="size"/> bytes, one byte short when <paramref name="name"/> is the wrong one.</summary>
    private static byte[] Sized(string name, string wrong, int size) => new byte[name == wrong ? size - 1 : size];


    [Theory]
    [InlineData("publicKey")]
    [InlineData("secretKey")]
    public void Key_generation_refuses_a_wrong_size_span_by_name(string wrong)
    {
        byte[] pk = Sized("publicKey", wrong, McEliece460896.PublicKeyLength);
        byte[] sk = Sized("secretKey", wrong, McEliece460896.SecretKeyLength);
        AssertRefusedNaming(wrong, () => Kem.GenerateKeyPair(pk, sk));
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("sharedKey")]
    [InlineData("publicKey")]
    public void Encapsulation_refuses_a_wrong_size_span_by_name(string wrong)
    {
        byte[] ct = Sized("ciphertext", wrong, McEliece460896.CiphertextLength);
        byte[] shk = Sized("sharedKey", wrong, McEliece460896.SharedKeyLength);
        byte[] pk = Sized("publicKey", wrong, McEliece460896.PublicKeyLength);
        AssertRefusedNaming(wrong, () => Kem.Encapsulate(ct, shk, pk));
    }

    [Theory]
    [InlineData("sharedKey")]
    [InlineData("ciphertext")]
    [InlineData("secretKey")]
    public void Decapsulation_refuses_a_wrong_size_span_by_name(string wrong)
    {
        byte[] shk = Sized("sharedKey", wrong, McEliece460896.SharedKeyLength);
        byte[] ct = Sized("ciphertext", wrong, McEliece460896.CiphertextLength);
        byte[] sk = Sized("secretKey", wrong, McEliece460896.SecretKeyLength);
        AssertRefusedNaming(wrong, () => Kem.Decapsulate(shk, ct, sk));
    }
}
