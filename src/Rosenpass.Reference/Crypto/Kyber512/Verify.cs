namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// Constant-time helpers of decapsulation (reference <c>verify.c</c>; spec §2.7). The reference's <c>verify</c>,
/// the ciphertext comparison, is <see cref="System.Security.Cryptography.CryptographicOperations.FixedTimeEquals"/>.
/// </summary>
internal static class Verify
{
    /// <summary>
    /// Copies <paramref name="source"/> over <paramref name="destination"/> if <paramref name="condition"/>
    /// is true, leaves it unchanged otherwise, with the same memory accesses and no branch either way.
    /// </summary>
    public static void ConditionalMove(Span<byte> destination, ReadOnlySpan<byte> source, bool condition)
    {
        if (destination.Length != source.Length)
        {
            throw new ArgumentException("ConditionalMove: lengths differ.");
        }
        byte mask = (byte)-(condition ? 1 : 0); // 0xFF to move, 0x00 to keep
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] ^= (byte)(mask & (destination[i] ^ source[i]));
        }
    }
}
