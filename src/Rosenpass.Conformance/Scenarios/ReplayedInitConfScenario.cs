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
        int answers = rig.Us.Received(MessageType.EmptyData).Count - answersBefore;
        return Outcome.Pass($"{Replays} replayed InitConf: no second key ({answers} EmptyData answered from the cache)");
    }
}
