using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// An attacker replays our InitConf after the handshake. The responder may answer it again from its cache
/// (spec §9.4) but must not derive a second key: the biscuit number rule (spec §7.3) and the cache both stop
/// it. Seen from outside: no further key event and the outfile unchanged.
/// </summary>
internal sealed class ReplayedInitConfScenario(ProtocolVersion version) : Scenario("replay/init-conf", IutRole.Responder, version)
{
    public override string Spec => "§7.3, §9.4";

    public override string Proves => "A replayed InitConf gives no second key, and each copy is answered with the cached EmptyData.";

    private const int Replays = 3;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1.5);

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        await using var rig = await StartRigAsync(context, cancel).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem) return Outcome.Fail(problem);
        string key = rig.Us.Key!;
        int events = rig.Iut.KeyEvents;
        int answersBefore = rig.Us.Received(MessageType.EmptyData).Count;
        var initConf = rig.Us.Sent(MessageType.InitConf)[^1];
        for (int i = 0; i < Replays; i++)
        {
            rig.Us.Inject(initConf);
            await Task.Delay(100, cancel).ConfigureAwait(false);
        }
        if (await rig.SettleAsync(Settle).ConfigureAwait(false) is { } broken) return Outcome.Fail(broken);
        int extra = rig.Iut.KeyEvents - events;
        if (extra > 0) return Outcome.Fail($"{Replays} replayed InitConf gave {extra} more key event(s) at the IUT");
        if (rig.Iut.ReadOutfile() != key) return Outcome.Fail("a replayed InitConf changed the IUT's outfile");
        // Spec §9.4: while the cache holds the InitConf, each copy is answered with the cached EmptyData. An IUT that
        // drops the copies (e.g. as a biscuit replay) leaves an initiator whose EmptyData was lost retransmitting
        // InitConf until its handshake dies.
        var answers = rig.Us.Received(MessageType.EmptyData).Skip(answersBefore).ToList();
        if (answers.Count < Replays)
            return Outcome.Fail($"{Replays} replayed InitConf got only {answers.Count} EmptyData: the IUT does not answer a repeated InitConf from its cache (spec §9.4)");
        var first = rig.Us.Received(MessageType.EmptyData)[0];
        if (answers.Any(a => !CachedEmptyData.SameExceptCookie(a, first)))
            return Outcome.Fail("a replayed InitConf was answered with an EmptyData other than the first one (spec §9.4: the cached copy)");
        return Outcome.Pass($"{Replays} replayed InitConf: no second key, each answered with the cached EmptyData");
    }
}
