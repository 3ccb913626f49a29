namespace Rosenpass.Reference.Crypto;

/// <summary>
/// The protocol version configured per peer (spec §1.3). It selects the keyed hash and nothing else;
/// it is not sent on the wire.
/// </summary>
public enum ProtocolVersion
{
    /// <summary>"Incorrect HMAC" over keyed BLAKE2b (spec §2.1). Upstream's default.</summary>
    V02,

    /// <summary>Keyed SHAKE256 (spec §2.1).</summary>
    V03,
}
