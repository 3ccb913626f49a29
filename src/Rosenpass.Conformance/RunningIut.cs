using System.Net;

namespace Rosenpass.Conformance;

/// <summary>
/// An IUT started by the user. It must list us as a peer: our public key (<see cref="OurPublicKeyPath"/>),
/// its outfile <see cref="OutfilePath"/>, the psk in <see cref="PskPath"/> (or none), and the protocol version
/// given to the runner. The runner initiates every handshake, so the IUT needs no endpoint for us.
/// </summary>
public sealed record RunningIut(
    IPEndPoint Address,
    string PublicKeyPath,
    string OutfilePath,
    string OurPublicKeyPath,
    string OurSecretKeyPath,
    string? PskPath);
