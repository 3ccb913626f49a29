using System.Security.Cryptography;

namespace Rosenpass.Reference.Crypto;

/// <summary>The default randomness source: the operating system's CSPRNG (spec §2.6).</summary>
public sealed class SystemRandom : IRandomSource
{
    /// <summary>A shared instance; the OS generator is thread-safe.</summary>
    public static SystemRandom Instance { get; } = new();

    /// <inheritdoc />
    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
