using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// The cookie flow (spec §8.3-§8.5) happens only when the responder decides it is under load. A runner cannot
/// force that decision from outside, and no implementation offers a switch (upstream builds the CookieReply path
/// only with the compile-time feature <c>experiment_cookie_dos_mitigation</c>), so this scenario is reported as
/// skipped. Our library's own tests cover the flow with a forced load policy.
/// </summary>
internal sealed class CookieReplyScenario(ProtocolVersion version) : Scenario("cookie-reply", IutRole.Responder, version)
{
    protected override Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel) =>
        Task.FromResult(Outcome.Skip(
            "the IUT cannot be put under load from outside and exposes no switch for it (upstream: compile-time feature experiment_cookie_dos_mitigation)"));
}
