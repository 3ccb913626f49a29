using System.Net;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Iut;

/// <summary>
/// How the IUT is configured for one scenario: the protocol version it uses with us, and our endpoint if it is to
/// initiate (as upstream, a peer without an endpoint is only answered: upstream-facts §1.9 "server mode").
/// </summary>
internal sealed record IutSetup(ProtocolVersion Version, IPEndPoint? OurEndpoint)
{
    public bool IutInitiates => OurEndpoint != null;
}
