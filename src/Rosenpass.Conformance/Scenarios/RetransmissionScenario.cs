using System.Diagnostics;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// A lost datagram is repaired by retransmission (spec §9.2): the initiator resends its last message until the
/// next one arrives; the responder answers each InitHello afresh (spec §6.2) and a repeated InitConf from its
/// cache (spec §9.4). The keys must still agree, with one key event at the IUT.
/// </summary>
internal sealed class RetransmissionScenario(LostMessage loss, ProtocolVersion version) : Scenario(loss.Topic, loss.Role, version)
{
    public override string Spec => loss.Spec;

    public override string Proves => loss.Proves;

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        await using var rig = await StartRigAsync(context, cancel, us =>
        {
            if (loss.Ours) us.OnOutgoing = loss.DropFirst();
            else us.OnIncoming = loss.DropFirst();
        }).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem) return Outcome.Fail(problem);
        string evidence = $"{(loss.EvidenceFromIut ? "the IUT" : "we")} retransmitted {loss.Evidence}";
        if (!await EvidenceAsync(rig, context.KeyTimeout).ConfigureAwait(false)) return Outcome.Fail($"keys agree, but never {evidence}");
        if (await rig.SettleAsync(TimeSpan.FromMilliseconds(300)).ConfigureAwait(false) is { } broken) return Outcome.Fail(broken);
        if (rig.Iut.KeyEvents != 1) return Outcome.Fail($"the IUT had {rig.Iut.KeyEvents} key events for one handshake");
        if (rig.Iut.ReadOutfile() != rig.Us.Key) return Outcome.Fail("the IUT's outfile changed after the handshake");
        return Outcome.Pass($"{loss.Lost} dropped, {evidence}, keys agree after {ScenarioRig.Seconds(watch.Elapsed)} s");
    }

    private async Task<bool> EvidenceAsync(ScenarioRig rig, TimeSpan patience)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < patience)
        {
            var seen = loss.EvidenceFromIut ? rig.Us.Received(loss.Evidence) : rig.Us.Sent(loss.Evidence);
            if (seen.Count >= 2) return true;
            await Task.Delay(20).ConfigureAwait(false);
        }
        return false;
    }
}
