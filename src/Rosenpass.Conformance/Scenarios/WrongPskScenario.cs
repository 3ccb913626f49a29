using System.Diagnostics;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// A peer with the right keys but a different psk must get nowhere: the psk is mixed into the chaining key at
/// IHI7/IHR7 (spec §6.1, §6.2), so the IUT's check of InitHello's auth fails. First a handshake with the agreed
/// psk shows the IUT is up; then our counterpart, now with another psk, initiates: the IUT must not emit a key,
/// must keep its key, and we must accept nothing from it, for twice as long as the first handshake took (at least
/// <see cref="Watch"/>; <see cref="ScenarioRig.QuietWindow"/>), so that a loaded machine cannot hide a slow answer.
/// </summary>
internal sealed class WrongPskScenario(ProtocolVersion version) : Scenario("wrong-psk", IutRole.Responder, version)
{
    public override string Spec => "§6.1 IHI7, §6.2 IHR7-IHR8";

    public override string Proves => "A peer with the right keys but another psk gets no key and no answer we accept.";

    /// <summary>At least: our InitHello and three retransmissions (spec §9.2).</summary>
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(3);

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        await using var rig = await StartRigAsync(context, cancel).ConfigureAwait(false);
        var handshake = Stopwatch.StartNew();
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem) return Outcome.Fail($"with the right psk: {problem}");
        var quiet = ScenarioRig.QuietWindow(Watch, handshake.Elapsed, context.KeyTimeout);
        string key = rig.Us.Key!;
        int events = rig.Iut.KeyEvents;
        using var wrongPsk = OtherPsk(context.Psk);
        await rig.ReplaceCounterpartAsync(wrongPsk).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        if (await rig.SettleAsync(quiet).ConfigureAwait(false) is { } broken) return Outcome.Fail(broken);
        if (rig.Iut.KeyEvents != events) return Outcome.Fail($"with a wrong psk the IUT had {rig.Iut.KeyEvents - events} key event(s)");
        if (rig.Iut.ReadOutfile() != key) return Outcome.Fail("with a wrong psk the IUT's outfile changed");
        if (rig.Us.AcceptedFromIut > 0) return Outcome.Fail($"with a wrong psk we accepted {rig.Us.AcceptedFromIut} message(s) from the IUT");
        return Outcome.Pass($"with a wrong psk: no key at the IUT and no answer we accept in {ScenarioRig.Seconds(watch.Elapsed)} s " +
            $"({rig.Us.Sent(Reference.Protocol.Messages.MessageType.InitHello).Count} InitHello sent)");
    }

    /// <summary>The agreed psk with every bit of its first byte flipped: certainly different.</summary>
    private static Secret OtherPsk(Secret psk)
    {
        var other = Secret.CopyOf(psk.Expose());
        other.Expose()[0] ^= 0xff;
        return other;
    }
}
