using CsCheck;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Tests.Crypto;

public class ConstantTimeTests
{
    [Fact]
    public void Little_endian_comparison_agrees_with_BigInteger()
    {
        Gen.Byte.Array[12].Select(Gen.Byte.Array[12]).Sample((a, b) =>
        {
            var expected = new System.Numerics.BigInteger(a, isUnsigned: true).CompareTo(new System.Numerics.BigInteger(b, isUnsigned: true));
            Assert.Equal(Math.Sign(expected), ConstantTime.CompareLittleEndian(a, b));
            Assert.Equal(0, ConstantTime.CompareLittleEndian(a, a));
        }, iter: 5000);
    }

    [Fact]
    public void Comparison_looks_at_the_most_significant_byte_last()
    {
        byte[] a = [0xff, 0, 0], b = [0x00, 1, 0];
        Assert.Equal(-1, ConstantTime.CompareLittleEndian(a, b));
        Assert.Equal(1, ConstantTime.CompareLittleEndian(b, a));
    }

    [Fact]
    public void Increment_carries_and_wraps()
    {
        byte[] v = [0xff, 0xff, 0x00];
        ConstantTime.IncrementLittleEndian(v);
        Assert.Equal(new byte[] { 0, 0, 1 }, v);
        byte[] top = [0xff, 0xff];
        ConstantTime.IncrementLittleEndian(top);
        Assert.Equal(new byte[] { 0, 0 }, top);
    }

    [Fact]
    public void Secret_is_zeroed_on_dispose_and_never_printed()
    {
        var secret = Secret.CopyOf([1, 2, 3]);
        Span<byte> view = secret.Expose();
        Assert.True(secret.SecretEquals([1, 2, 3]));
        Assert.DoesNotContain("1", secret.ToString().Replace("3 bytes", ""));
        secret.Dispose();
        Assert.Equal(new byte[3], view.ToArray());
        Assert.Throws<ObjectDisposedException>(() => secret.Expose());
    }
}
