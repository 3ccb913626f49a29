namespace Rosenpass.Reference.Crypto;

/// <summary>
/// The keyed hash KH(key, data) of spec §2.1: a 32-byte key, any data, a 32-byte output.
/// V02 and V03 use different constructions; <see cref="For"/> picks the one of a version.
/// </summary>
public abstract class KeyedHash
{
    /// <summary>Key length in bytes.</summary>
    public const int KeyLength = 32;

    /// <summary>Output length in bytes.</summary>
    public const int OutputLength = 32;

    /// <summary>The keyed hash of <paramref name="version"/>.</summary>
    public static KeyedHash For(ProtocolVersion version) => version switch
    {
        ProtocolVersion.V02 => IncorrectHmacBlake2b.Instance,
        ProtocolVersion.V03 => KeyedShake256.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    /// <summary>The version whose keyed hash this is.</summary>
    public abstract ProtocolVersion Version { get; }

    /// <summary>output ← KH(key, data).</summary>
    public void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (key.Length != KeyLength) throw new ArgumentException($"key must be {KeyLength} bytes", nameof(key));
        if (output.Length != OutputLength) throw new ArgumentException($"output must be {OutputLength} bytes", nameof(output));
        ComputeCore(key, data, output);
    }

    /// <summary>KH(key, data) as a new array.</summary>
    public byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var output = new byte[OutputLength];
        Compute(key, data, output);
        return output;
    }

    /// <summary>The construction itself; lengths are already checked.</summary>
    protected abstract void ComputeCore(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> output);
}
