using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>The scenarios of a run, in report order.</summary>
internal static class ScenarioCatalog
{
    /// <summary>Every scenario in one protocol version.</summary>
    public static IReadOnlyList<Scenario> Full(ProtocolVersion version) =>
    [
        new KeyAgreementScenario(IutRole.Responder, version),
        new KeyAgreementScenario(IutRole.Initiator, version),
        .. LostMessage.All.Select(loss => new RetransmissionScenario(loss, version)),
        new ReplayedInitHelloScenario(afterSession: false, version),
        new ReplayedInitHelloScenario(afterSession: true, version),
        new ReplayedInitConfScenario(version),
        new MalformedDatagramsScenario(version),
        new WrongPskScenario(version),
        new CookieReplyScenario(version),
    ];

    /// <summary>
    /// With a version, everything in it. Without: everything in V03 plus key agreement in V02, both roles,
    /// which shows the IUT's V02 hash (spec §1.3, §2.1) without doubling the run time.
    /// </summary>
    public static IReadOnlyList<Scenario> For(ProtocolVersion? version) => version is { } chosen
        ? Full(chosen)
        :
        [
            .. Full(ProtocolVersion.V03),
            new KeyAgreementScenario(IutRole.Responder, ProtocolVersion.V02),
            new KeyAgreementScenario(IutRole.Initiator, ProtocolVersion.V02),
        ];
}
