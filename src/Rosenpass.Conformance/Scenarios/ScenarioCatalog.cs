using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// The scenarios of a run, in report order. This catalogue is the source of docs/conformance.md's scenario table
/// (<c>rosenpass conformance --list</c> prints it; a test compares the page with it).
/// </summary>
internal static class ScenarioCatalog
{
    /// <summary>Every scenario in one protocol version, the long ones included (a run filters them, see <see cref="For"/>).</summary>
    public static IReadOnlyList<Scenario> Full(ProtocolVersion version) =>
    [
        new KeyAgreementScenario(IutRole.Responder, version),
        new KeyAgreementScenario(IutRole.Initiator, version),
        .. LostMessage.All.Select(loss => new RetransmissionScenario(loss, version)),
        new ReplayedInitHelloScenario(afterSession: false, version),
        new ReplayedInitHelloScenario(afterSession: true, version),
        new ReplayedInitConfScenario(version),
        new CachedEmptyDataScenario(version),
        new MalformedDatagramsScenario(version),
        new WrongPskScenario(version),
        new VersionMismatchScenario(IutRole.Responder, version),
        new VersionMismatchScenario(IutRole.Initiator, version),
        new CookieAsInitiatorScenario(version),
        new CookieAsResponderScenario(version),
        new Ipv6Scenario(IutRole.Responder, version),
        new Ipv6Scenario(IutRole.Initiator, version),
        new TwoPeersScenario(version),
        new SimultaneousInitiationScenario(version),
        new RekeyScenario(IutRole.Initiator, version),
        new RekeyScenario(IutRole.Responder, version),
        new StaleKeyScenario(version),
    ];

    /// <summary>
    /// With a version, everything in it. Without: everything in V03 plus key agreement in V02, both roles,
    /// which shows the IUT's V02 hash (spec §1.3, §2.1) without doubling the run time. The long scenarios
    /// (real rekey timers, minutes) only with <paramref name="includeLong"/>.
    /// </summary>
    public static IReadOnlyList<Scenario> For(ProtocolVersion? version, bool includeLong = false)
    {
        IReadOnlyList<Scenario> all = version is { } chosen
            ? Full(chosen)
            :
            [
                .. Full(ProtocolVersion.V03),
                new KeyAgreementScenario(IutRole.Responder, ProtocolVersion.V02),
                new KeyAgreementScenario(IutRole.Initiator, ProtocolVersion.V02),
            ];
        return [.. all.Where(s => includeLong || !s.Long)];
    }

    /// <summary>The scenario table of docs/conformance.md, as markdown (one row per id).</summary>
    public static string MarkdownTable()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("| Id | Spec | Proves | Mode |");
        text.AppendLine("|---|---|---|---|");
        foreach (var s in Full(ProtocolVersion.V03))
        {
            string mode = string.Join(", ", new[] { s.Long ? "`--long` only" : "default", s.BeyondUpstream ? "beyond upstream" : null }.Where(m => m != null));
            text.AppendLine($"| `{s.Id}` | {s.Spec} | {s.Proves} | {mode} |");
        }
        return text.ToString();
    }
}
