using System.Diagnostics;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// The IUT has two peers, two counterparts of ours with their own key pairs, and both initiate at once: each
/// handshake must complete with its own key, in its own outfile (spec §10.1: the peer is found by its peer id).
/// Two handshakes at once are twice the work of one (four McEliece decapsulations on the same machine), so the
/// patience is twice the key timeout; a pass still ends as soon as both keys agree.
/// </summary>
internal sealed class TwoPeersScenario(ProtocolVersion version) : Scenario("two-peers", IutRole.Responder, version)
{
    public override string Spec => "§10.1, §6.2, §4.7";

    public override string Proves => "Two peers handshaking with the IUT at once each get their own key, written to their own outfile.";

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (!context.Launcher.CanMakeIutInitiate) return Outcome.Skip("a running IUT has only the peers it was configured with; use --iut-cmd");
        var watch = Stopwatch.StartNew();
        await using var rig = await StartRigAsync(context, cancel, options: new RigOptions(SecondPeer: true)).ConfigureAwait(false);
        var second = rig.Second!;
        var patience = 2 * context.KeyTimeout;
        while (watch.Elapsed < patience)
        {
            if (rig.Broken() is { } broken) return Outcome.Fail(broken);
            string? k1 = rig.Us.Key, k2 = second.Key;
            if (k1 != null && k2 != null && rig.Iut.ReadOutfile() == k1 && rig.Iut.ReadSecondOutfile() == k2 && rig.Iut.KeyEvents >= 2)
            {
                if (k1 == k2) return Outcome.Fail("both peers got the same key");
                return Outcome.Pass($"both peers' handshakes completed, each key in its own outfile, after {ScenarioRig.Seconds(watch.Elapsed)} s");
            }
            await Task.Delay(20, cancel).ConfigureAwait(false);
        }
        return Outcome.Fail($"after {ScenarioRig.Seconds(watch.Elapsed)} s: peer 1 {Agrees(rig.Us.Key, rig.Iut.ReadOutfile())}, " +
            $"peer 2 {Agrees(second.Key, rig.Iut.ReadSecondOutfile())}; {rig.Iut.KeyEvents} key event(s) at the IUT");
    }

    private static string Agrees(string? ours, string? theirs) =>
        ours == null ? "has no key" : theirs == null ? "has a key, the IUT's outfile none" : ours == theirs ? "agrees" : "differs from the IUT's outfile";
}
