using System.Security.Cryptography;

namespace Rosenpass.Reference.Crypto;

/// <summary>
/// Comparisons on secret or authenticating data whose running time does not depend on the data (spec §2.7):
/// macs, cookies, and the biscuit replay counter.
/// </summary>
public static class ConstantTime
{
    /// <summary>True when both spans hold the same bytes; the time depends only on the lengths.</summary>
    public static bool Equals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        CryptographicOperations.FixedTimeEquals(a, b);

    /// <summary>
    /// Compares two equally long little-endian unsigned integers (spec §7.3): returns -1, 0 or 1 for a &lt; b,
    /// a = b, a &gt; b. Every byte is visited, and no branch depends on the values.
    /// </summary>
    public static int CompareLittleEndian(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("operands differ in length");
        int result = 0;
        // From the least to the most significant byte: a difference in a more significant byte overrides.
        for (int i = 0; i < a.Length; i++)
        {
            int diff = a[i] - b[i];                                // in [-255, 255]
            int sign = (diff >> 31) | (int)((uint)-diff >> 31);    // -1, 0 or 1, without a branch
            int keepOld = ((sign & 1) - 1) >> 31;                  // all ones when sign == 0, else zero
            result = (result & keepOld) | (sign & ~keepOld);
        }
        return result;
    }

    /// <summary>Adds one to a little-endian unsigned integer in place, wrapping at the top (spec §7.3).</summary>
    public static void IncrementLittleEndian(Span<byte> value)
    {
        uint carry = 1;
        for (int i = 0; i < value.Length; i++)
        {
            uint sum = value[i] + carry;
            value[i] = (byte)sum;
            carry = sum >> 8;
        }
    }
}
