namespace Rosenpass.Reference.Teaching;

/// <summary>Hex for people: short values in full, long ones as their first bytes and their length.</summary>
public static class HexText
{
    /// <summary>
    /// Lower-case hex of <paramref name="value"/> if it has at most <paramref name="fullUpTo"/> bytes, otherwise the
    /// first 16 bytes followed by "… (N bytes)".
    /// </summary>
    public static string Short(ReadOnlySpan<byte> value, int fullUpTo = 32) =>
        value.Length <= fullUpTo
            ? Convert.ToHexStringLower(value)
            : $"{Convert.ToHexStringLower(value[..16])}… ({value.Length} bytes)";
}
