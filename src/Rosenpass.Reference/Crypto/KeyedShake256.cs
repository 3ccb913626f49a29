namespace Rosenpass.Reference.Crypto;

/// <summary>
/// The V03 keyed hash (spec §2.1): KH(k, d) = SHAKE256(k ‖ d), first 32 bytes of output.
/// Also the hash of the cookie mechanism for every version (spec §8.2). SHAKE256 is .NET's where the platform has it
/// (<see cref="Shake256Hash"/>), BouncyCastle's otherwise.
/// </summary>
public sealed class KeyedShake256 : KeyedHash
{
    /// <summary>The one instance; it holds no state.</summary>
    public static KeyedShake256 Instance { get; } = new();

    private KeyedShake256() { }

    /// <inheritdoc />
    public override ProtocolVersion Version => ProtocolVersion.V03;

    /// <inheritdoc />
    protected override void ComputeCore(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> output)
    {
        Shake256Hash.Compute(key, data, output);
    }
}
