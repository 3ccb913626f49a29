using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Rosenpass.Reference.Crypto;

/// <summary>
/// Secret bytes (spec §2.7): kept in a pinned array so the garbage collector never moves (and so never
/// copies) them, reached only through <see cref="Expose"/> so that every use of a secret is visible in the
/// code, and zeroed on <see cref="Dispose"/>.
/// </summary>
public sealed class Secret : IDisposable
{
    private readonly byte[] _bytes;
    private bool _disposed;

    /// <summary>A zero-filled secret of <paramref name="length"/> bytes.</summary>
    public Secret(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _bytes = GC.AllocateArray<byte>(length, pinned: true);
    }

    /// <summary>The number of secret bytes.</summary>
    public int Length => _bytes.Length;

    /// <summary>A secret holding a copy of <paramref name="value"/>. The caller zeroes its own copy.</summary>
    public static Secret CopyOf(ReadOnlySpan<byte> value)
    {
        var secret = new Secret(value.Length);
        value.CopyTo(secret._bytes);
        return secret;
    }

    /// <summary>A copy the caller owns: how a handler hands a secret it computed on a local to longer-lived state.</summary>
    public Secret Clone() => CopyOf(Expose());

    /// <summary>A secret of <paramref name="length"/> bytes drawn from <paramref name="random"/>.</summary>
    public static Secret Random(int length, IRandomSource random)
    {
        var secret = new Secret(length);
        random.Fill(secret._bytes);
        return secret;
    }

    /// <summary>The secret bytes, for reading and writing. Every call site is a place where the secret is used.</summary>
    public Span<byte> Expose()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _bytes;
    }

    /// <summary>Constant-time equality with <paramref name="other"/> (spec §2.7).</summary>
    public bool SecretEquals(ReadOnlySpan<byte> other) => ConstantTime.Equals(Expose(), other);

    /// <summary>Zeroes the bytes. The secret cannot be used afterwards.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        CryptographicOperations.ZeroMemory(_bytes);
        _disposed = true;
    }

    /// <summary>Never prints the bytes.</summary>
    public override string ToString() => $"Secret({Length} bytes)";
}
