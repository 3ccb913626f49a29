using System.Diagnostics;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// The IUT as responder loses its first EmptyData (we drop it on arrival): our server retransmits InitConf
/// (spec §9.2), and the IUT must answer the copy from its InitConf response cache (spec §9.4) with the same
/// EmptyData, without a second key. Then our handshake completes. An IUT that treats the copy as a replayed biscuit
/// leaves the initiator retransmitting until its handshake dies.
/// </summary>
internal sealed class CachedEmptyDataScenario(ProtocolVersion version) : Scenario("cache/their-empty-data-lost", IutRole.Responder, version)
{
    public override string Spec => "§9.4, §9.2, §6.4";

    public override string Proves => "When its first EmptyData is lost, the IUT answers our retransmitted InitConf with the same EmptyData from its cache, and we complete; one key event.";

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var loss = new LostMessage("", IutRole.Responder, MessageType.EmptyData, Ours: false, MessageType.EmptyData, EvidenceFromIut: true, "", "");
        await using var rig = await StartRigAsync(context, cancel, us =>
        {
            us.OnIncoming = loss.DropFirst();
            us.SendRepeatedInitConf = true;
        }).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem) return Outcome.Fail(problem);
        // Our key comes at RespHello (the initiator's, spec §6.3); completion is the EmptyData we accept.
        while (rig.Us.AcceptedFromIutOf(MessageType.EmptyData) == 0 && watch.Elapsed < context.KeyTimeout)
        {
            if (rig.Broken() is { } broken) return Outcome.Fail(broken);
            await Task.Delay(20, cancel).ConfigureAwait(false);
        }
        var answers = rig.Us.Received(MessageType.EmptyData);
        int initConfs = rig.Us.Sent(MessageType.InitConf).Count;
        if (rig.Us.AcceptedFromIutOf(MessageType.EmptyData) == 0)
            return Outcome.Fail($"our handshake never completed: we sent InitConf {initConfs} times and got {answers.Count} EmptyData " +
                $"(the first dropped); the IUT does not answer a retransmitted InitConf from its cache (spec §9.4)");
        if (!CachedEmptyData.SameExceptCookie(answers[0], answers[1]))
            return Outcome.Fail("the EmptyData answering our retransmitted InitConf differs from the first (spec §9.4: the cached copy)");
        if (await rig.SettleAsync(TimeSpan.FromMilliseconds(300)).ConfigureAwait(false) is { } gone) return Outcome.Fail(gone);
        if (rig.Iut.KeyEvents != 1) return Outcome.Fail($"the IUT had {rig.Iut.KeyEvents} key events for one handshake");
        return Outcome.Pass($"first EmptyData dropped, our InitConf sent {initConfs} times, answered with the cached EmptyData; " +
            $"completed after {ScenarioRig.Seconds(watch.Elapsed)} s, one key event");
    }
}
