using CsCheck;
using Org.BouncyCastle.Crypto.Digests;
using Rosenpass.Reference.Crypto.Kyber512;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// The four-way Keccak Kyber512 squeezes its matrix and noise with (FIPS 202; spec §2.5): each of the four streams
/// equals BouncyCastle's SHAKE128 / SHAKE256 of its input, for inputs of any length below the rate and outputs of
/// one and several blocks; Symmetric's four-at-once XOF and PRF equal their one-at-a-time definitions.
/// </summary>
public class Kyber512Keccak4xTests
{
    [Fact]
    public void Vector_keccak_runs_here()
    {
        // This project's machines have 256-bit vectors in hardware; elsewhere the streams are squeezed one by one.
        Assert.True(Keccak4x.IsSupported);
    }

    private static byte[] Shake(int bits, byte[] input, int length)
    {
        var shake = new ShakeDigest(bits);
        shake.BlockUpdate(input);
        byte[] output = new byte[length];
        shake.OutputFinal(output);
        return output;
    }

    [Theory]
    [InlineData(128, Keccak4x.Shake128Rate)]
    [InlineData(256, Keccak4x.Shake256Rate)]
    public void Each_stream_is_shake_of_its_input(int bits, int rate)
    {
        Gen.Select(Gen.Byte.Array[0, rate - 1].Array[4], Gen.OneOf(Gen.Int[0, 2 * rate + 1], Gen.Const(rate), Gen.Const(3 * rate)))
            .Sample((inputs, length) =>
            {
                byte[][] outputs = [new byte[length], new byte[length], new byte[length], new byte[length]];
                Keccak4x.Shake(rate, inputs[0], inputs[1], inputs[2], inputs[3], outputs[0], outputs[1], outputs[2], outputs[3]);
                for (int k = 0; k < 4; k++)
                {
                    Assert.Equal(Shake(bits, inputs[k], length), outputs[k]);
                }
            }, iter: 300);
    }

    [Fact]
    public void Inputs_of_a_whole_block_and_outputs_of_different_lengths_are_refused()
    {
        byte[] output = new byte[32];
        Assert.Throws<ArgumentException>(() => Keccak4x.Shake(168, new byte[168], [], [], [], output, output, output, output));
        Assert.Throws<ArgumentException>(() => Keccak4x.Shake(168, [], [], [], [], output, output, output, new byte[31]));
    }

    [Fact]
    public void Four_at_once_equals_one_at_a_time()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[8], Gen.Byte, Gen.Int[1, 600]).Sample((seed, xy, nonce, length) =>
        {
            byte[] xof = new byte[4 * length], prf = new byte[4 * length];
            Symmetric.Xof4(xof, seed, xy);
            Symmetric.Prf4(prf, seed, nonce);
            byte[] xofFallback = new byte[4 * length], prfFallback = new byte[4 * length];
            Symmetric.t_forceFallback = true;
            try
            {
                Symmetric.Xof4(xofFallback, seed, xy);
                Symmetric.Prf4(prfFallback, seed, nonce);
            }
            finally
            {
                Symmetric.t_forceFallback = false;
            }
            for (int k = 0; k < 4; k++)
            {
                byte[] oneXof = new byte[length], onePrf = new byte[length];
                Symmetric.Xof(oneXof, seed, xy[2 * k], xy[2 * k + 1]);
                Symmetric.Prf(onePrf, seed, (byte)(nonce + k));
                Assert.Equal(oneXof, xof[(k * length)..((k + 1) * length)]);
                Assert.Equal(onePrf, prf[(k * length)..((k + 1) * length)]);
            }
            Assert.Equal(xof, xofFallback);
            Assert.Equal(prf, prfFallback);
        }, iter: 200);
    }
}
