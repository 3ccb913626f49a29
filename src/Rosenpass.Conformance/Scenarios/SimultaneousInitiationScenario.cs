using System.Diagnostics;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// Both sides initiate at the same moment (both have the other's endpoint, as at a simultaneous boot). Whatever
/// the two handshakes do to each other, both sides must end with the same key. Upstream does not guarantee this
/// (the boot race); ours breaks the tie (issue #17).
/// </summary>
internal sealed class SimultaneousInitiationScenario(ProtocolVersion version) : Scenario("simultaneous-initiation", IutRole.Initiator, version)
{
    /// <summary>After agreement, how long the keys must stay equal (late handshakes of the race must not split them).</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(3);

    public override string Spec => "§9.3, §9.5, §6.4 ICR7";

    public override string Proves => "When both sides initiate at once, both end with the same key.";

    public override bool BeyondUpstream => true;

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        await using var rig = await StartRigAsync(context, cancel, options: new RigOptions(BothInitiate: true)).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem) return Outcome.Fail(problem);
        if (await rig.SettleAsync(Hold).ConfigureAwait(false) is { } broken) return Outcome.Fail(broken);
        string? ours = rig.Us.Key, theirs = rig.Iut.ReadOutfile();
        if (ours != theirs) return Outcome.Fail($"the keys agreed, then split within {ScenarioRig.Seconds(Hold)} s ({rig.Us.KeyEvents} key events here, {rig.Iut.KeyEvents} at the IUT)");
        return Outcome.Pass($"both initiated; keys agree after {ScenarioRig.Seconds(watch.Elapsed)} s and still {ScenarioRig.Seconds(Hold)} s later " +
            $"({rig.Us.KeyEvents} key events here, {rig.Iut.KeyEvents} at the IUT)");
    }
}
