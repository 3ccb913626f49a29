using System.Net;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Iut;

/// <summary>
/// How the IUT is configured for one scenario: the protocol version it uses with us, and our endpoint if it is to
/// initiate (as upstream, a peer without an endpoint is only answered: upstream-facts §1.9 "server mode").
/// </summary>
/// <param name="Ipv6">listen on [::1] instead of 127.0.0.1</param>
/// <param name="SecondPeer">a second peer of ours (another key pair), only answered, with its own outfile</param>
/// <param name="DosDefence">the value of our daemon's <c>dos_defence</c> key (spec §8.5.3), written only when given</param>
internal sealed record IutSetup(ProtocolVersion Version, IPEndPoint? OurEndpoint, bool Ipv6 = false, byte[]? SecondPeer = null,
    string? DosDefence = null)
{
    public bool IutInitiates => OurEndpoint != null;
}
