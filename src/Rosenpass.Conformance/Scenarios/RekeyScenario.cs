using System.Diagnostics;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// Long mode, real timers (spec §9.3). After a handshake the session retires at 130 s for the initiator and 120 s
/// for the responder; the side with an endpoint then starts the next handshake. IUT as initiator: the IUT itself
/// must rekey about 130 s after its first key. IUT as responder (no endpoint for us, so only we rekey, at our 130 s):
/// the IUT must accept the new handshake and replace its key.
/// </summary>
internal sealed class RekeyScenario(IutRole role, ProtocolVersion version) : Scenario("rekey", role, version)
{
    /// <summary>The initiator's session lifetime before retirement (spec §9.3).</summary>
    private const double RetireSeconds = 130;

    /// <summary>How far from 130 s the second key may come: a poll period, retransmission, and a loaded machine.</summary>
    private const double Tolerance = 8;

    public override string Spec => "§9.3, §9.5";

    public override string Proves => Role == IutRole.Initiator
        ? "The IUT as initiator starts a new handshake when its session retires at 130 s; keys agree again."
        : "The IUT as responder accepts our rekey at 130 s and replaces its key; keys agree again.";

    public override bool Long => true;

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        await using var rig = await StartRigAsync(context, cancel).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem) return Outcome.Fail($"first handshake: {problem}");
        var sinceFirst = Stopwatch.StartNew();
        string first = rig.Us.Key!;
        var patience = TimeSpan.FromSeconds(RetireSeconds + Tolerance + 5);
        if (await rig.AgreementProblemAsync(notKey: first, patience).ConfigureAwait(false) is { } second)
            return Outcome.Fail($"no rekey: {second}");
        double at = sinceFirst.Elapsed.TotalSeconds;
        if (Math.Abs(at - RetireSeconds) > Tolerance)
            return Outcome.Fail($"the second key came {at:0.0} s after the first, not about {RetireSeconds} s (spec §9.3)");
        string who = Role == IutRole.Initiator ? "the IUT" : "we";
        return Outcome.Pass($"{who} rekeyed {at:0.0} s after the first key; keys agree again ({rig.Iut.KeyEvents} key events at the IUT)");
    }
}
