namespace Rosenpass.Conformance.Scenarios;

/// <summary>The IUT's role in a scenario's handshake (spec §1.2).</summary>
internal enum IutRole
{
    /// <summary>We send InitHello; the IUT has no endpoint for us and only answers.</summary>
    Responder,
    /// <summary>The IUT has our endpoint and sends InitHello; we only answer.</summary>
    Initiator,
}
