namespace Rosenpass.Reference.Crypto;

/// <summary>
/// The one place the protocol draws randomness from (spec §2.6): session ids, ephemeral key pairs,
/// KEM encapsulation coins, biscuit and cookie nonces, biscuit keys, cookie secrets.
/// Known-answer vectors replace it with a source that replays recorded values.
/// </summary>
public interface IRandomSource
{
    /// <summary>Fills <paramref name="destination"/> with random bytes.</summary>
    void Fill(Span<byte> destination);
}
