using System.Text;

namespace Rosenpass.Reference.Crypto;

/// <summary>
/// A node of the hash-domain tree (spec §3.1). A domain is a 32-byte value; it starts at 0³², and
/// <see cref="Mix(ReadOnlySpan{byte})"/> moves to a child: value' = KH(key = value, data = input).
/// The current value is always the key and the new input always the data.
/// Domains are immutable; mixing returns a new domain.
/// </summary>
public sealed class HashDomain
{
    private readonly byte[] _value;

    private HashDomain(KeyedHash hash, byte[] value)
    {
        Hash = hash;
        _value = value;
    }

    /// <summary>The keyed hash this tree uses.</summary>
    public KeyedHash Hash { get; }

    /// <summary>The root of a tree: the value 0³² (spec §3.1).</summary>
    public static HashDomain Zero(KeyedHash hash) => new(hash, new byte[KeyedHash.OutputLength]);

    /// <summary>The domain whose value is <paramref name="value"/>, e.g. a chaining key used as a key.</summary>
    public static HashDomain FromValue(KeyedHash hash, ReadOnlySpan<byte> value) => new(hash, value.ToArray());

    /// <summary>value' = KH(value, <paramref name="input"/>).</summary>
    public HashDomain Mix(ReadOnlySpan<byte> input) => new(Hash, Hash.Compute(_value, input));

    /// <summary>Mixes a label: its UTF-8 bytes with no terminator (spec §3.2).</summary>
    public HashDomain Mix(string label) => Mix(Encoding.UTF8.GetBytes(label));

    /// <summary>The 32-byte value (public data: label values depend only on constants and public keys).</summary>
    public ReadOnlySpan<byte> Value => _value;

    /// <summary>The value as a new array.</summary>
    public byte[] ToArray() => (byte[])_value.Clone();
}
