using System.Diagnostics;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// Both sides initiate at the same moment (both have the other's endpoint, as at a simultaneous boot). Whatever
/// the two handshakes do to each other, both sides must end with the same key. Upstream does not guarantee this
/// (the boot race); ours breaks the tie (issue #17, spec §9.6). Only the tie-break's leader acts, so the IUT must
/// lead (managed mode chooses the keys so, <see cref="TieBreakRoles"/>); our counterpart then follows, which is
/// exactly what upstream does. With keys where we lead (running mode), the IUT's rule is not exercised: SKIP. The
/// two InitConfs are made to cross (<see cref="CrossedInitConfs"/>), the race the rule exists for, so an IUT without
/// it fails every time rather than when the timing happens to race.
/// </summary>
internal sealed class SimultaneousInitiationScenario(ProtocolVersion version) : Scenario("simultaneous-initiation", IutRole.Initiator, version)
{
    /// <summary>After agreement, how long the keys must stay equal (late handshakes of the race must not split them).</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(3);

    /// <summary>How long one InitConf waits for the other's (<see cref="CrossedInitConfs"/>).</summary>
    private static readonly TimeSpan HoldAtMost = TimeSpan.FromSeconds(3);

    public override string Spec => "§9.3, §9.5, §9.6, §6.4 ICR7";

    public override string Proves => "When both sides initiate at once, both end with the same key.";

    public override bool BeyondUpstream => true;

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (!TieBreakRoles.IutLeads(context.Launcher.IutPublicKey, context.Ours.PublicKey, Version))
            return Outcome.Skip("with these keys we lead the tie-break (spec §9.6), so our rule, not the IUT's, would decide; managed mode chooses keys where the IUT leads");
        var watch = Stopwatch.StartNew();
        CrossedInitConfs? race = null;
        await using var rig = await StartRigAsync(context, cancel, us => (race = new CrossedInitConfs(us, HoldAtMost)).Install(),
            new RigOptions(BothInitiate: true)).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem) return Outcome.Fail(problem);
        if (await rig.SettleAsync(Hold).ConfigureAwait(false) is { } broken) return Outcome.Fail(broken);
        string? ours = rig.Us.Key, theirs = rig.Iut.ReadOutfile();
        if (ours != theirs) return Outcome.Fail($"the keys agreed, then split within {ScenarioRig.Seconds(Hold)} s ({rig.Us.KeyEvents} key events here, {rig.Iut.KeyEvents} at the IUT)");
        string crossed = race!.Crossed ? "the InitConfs crossed" : $"the InitConfs did not cross (one held {ScenarioRig.Seconds(HoldAtMost)} s)";
        return Outcome.Pass($"both initiated, the IUT leading the tie-break, {crossed}; keys agree after {ScenarioRig.Seconds(watch.Elapsed)} s and still {ScenarioRig.Seconds(Hold)} s later " +
            $"({rig.Us.KeyEvents} key events here, {rig.Iut.KeyEvents} at the IUT)");
    }
}
