using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>How a scenario's rig departs from the plain one (IUT in the scenario's role, our server as its only peer).</summary>
/// <param name="OurVersion">the protocol version our counterpart uses; null: the scenario's (which the IUT is configured with)</param>
/// <param name="UsUnderLoad">our server considers itself under load (spec §8.5): as responder it answers with CookieReplies</param>
/// <param name="Ipv6">everything on [::1]</param>
/// <param name="BothInitiate">the IUT has our endpoint and we initiate too, at about the same moment</param>
/// <param name="SecondPeer">the IUT has a second peer, another counterpart of ours with its own key pair, which also initiates</param>
/// <param name="DosDefence">the IUT's <c>dos_defence</c> setting (our daemon's, spec §8.5.3), written only when given</param>
internal sealed record RigOptions(ProtocolVersion? OurVersion = null, bool UsUnderLoad = false, bool Ipv6 = false,
    bool BothInitiate = false, bool SecondPeer = false, string? DosDefence = null);
