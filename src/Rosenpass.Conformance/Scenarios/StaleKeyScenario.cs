using System.Diagnostics;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// Long mode, real timers (spec §9.3, reject-after). The IUT as responder (no endpoint for us, so it never rekeys)
/// completes a handshake, then we go silent. 180 s after the session began it dies: the IUT must replace the output
/// key with a fresh random one (the "key stale" event, spec §10.5), so WireGuard stops using the old key.
/// </summary>
internal sealed class StaleKeyScenario(ProtocolVersion version) : Scenario("stale-key", IutRole.Responder, version)
{
    private const double DieSeconds = 180;
    private const double Tolerance = 8;

    public override string Spec => "§9.3, §10.5";

    public override string Proves => "180 s after its last handshake, with no rekey, the IUT replaces the output key with a random one.";

    public override bool Long => true;

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        await using var rig = await StartRigAsync(context, cancel).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem) return Outcome.Fail($"handshake: {problem}");
        var since = Stopwatch.StartNew();
        string key = rig.Us.Key!;
        await rig.StopCounterpartAsync().ConfigureAwait(false);
        while (since.Elapsed.TotalSeconds < DieSeconds + Tolerance + 5)
        {
            if (rig.Iut.ExitProblem is { } gone) return Outcome.Fail(gone);
            string? now = rig.Iut.ReadOutfile();
            if (now != null && now != key)
            {
                double at = since.Elapsed.TotalSeconds;
                if (Math.Abs(at - DieSeconds) > Tolerance)
                    return Outcome.Fail($"the IUT's outfile changed {at:0.0} s after the handshake, not about {DieSeconds} s (spec §9.3)");
                return Outcome.Pass($"{at:0.0} s after the handshake the IUT replaced the key ({rig.Iut.KeyEvents} key events in all)");
            }
            await Task.Delay(200, cancel).ConfigureAwait(false);
        }
        return Outcome.Fail($"the IUT still had the old key {since.Elapsed.TotalSeconds:0} s after the handshake (spec §9.3: stale after 180 s)");
    }
}
