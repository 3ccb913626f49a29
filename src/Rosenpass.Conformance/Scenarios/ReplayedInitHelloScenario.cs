using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// An attacker replays our InitHello to the responding IUT. The responder keeps no state for an InitHello (its
/// state travels in the biscuit, spec §6.2, §7), so a replay may get an answer but must change nothing:
/// <list type="bullet">
/// <item>during the handshake (around our InitConf), the handshake still completes with one key;</item>
/// <item>after the session is established, no key event follows and the IUT's key stays ours.</item>
/// </list>
/// </summary>
internal sealed class ReplayedInitHelloScenario(bool afterSession, ProtocolVersion version)
    : Scenario(afterSession ? "replay/init-hello-after-session" : "replay/init-hello-during-handshake", IutRole.Responder, version)
{
    public override string Spec => "§6.2, §7";

    public override string Proves => afterSession
        ? "A replayed InitHello after the session gives no key event and leaves the key and the IUT alive."
        : "InitHello replayed around our InitConf does not disturb the handshake: one key event, agreeing keys.";

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1.5);

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        await using var rig = await StartRigAsync(context, cancel, afterSession ? null : ReplayAroundInitConf).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem) return Outcome.Fail(problem);
        string key = rig.Us.Key!;
        if (afterSession)
        {
            var hello = rig.Us.Sent(MessageType.InitHello)[^1];
            for (int i = 0; i < 3; i++)
            {
                rig.Us.Inject(hello);
                await Task.Delay(100, cancel).ConfigureAwait(false);
            }
        }
        if (await rig.SettleAsync(Settle).ConfigureAwait(false) is { } broken) return Outcome.Fail(broken);
        if (rig.Iut.KeyEvents != 1) return Outcome.Fail($"the IUT had {rig.Iut.KeyEvents} key events, expected the handshake's one");
        if (rig.Iut.ReadOutfile() != key) return Outcome.Fail("the IUT's outfile no longer holds the session's key");
        int answers = rig.Us.Received(MessageType.RespHello).Count;
        return Outcome.Pass(afterSession
            ? $"3 replays after the session: no key event, key unchanged ({answers} RespHello in all)"
            : $"replays before and after our InitConf: one key, agreed ({answers} RespHello in all)");
    }

    /// <summary>Sends a copy of our InitHello just before and just after our first InitConf.</summary>
    private static void ReplayAroundInitConf(Counterpart.Counterpart us)
    {
        bool done = false;
        us.OnOutgoing = datagram =>
        {
            if (done || datagram[0] != (byte)MessageType.InitConf) return true;
            done = true;
            var hello = us.Sent(MessageType.InitHello)[^1];
            us.Inject(hello);
            us.Inject(datagram);
            us.Inject(hello);
            return false; // already sent, between the two replays
        };
    }
}
