using System.Diagnostics;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// The IUT is configured with the scenario's version for us, our counterpart uses the other one (V02 against V03):
/// every label differs (spec §3), so neither side may accept the other's messages (spec §6.6): no key event at the
/// IUT, no new outfile, and nothing from the IUT accepted by us.
/// How long "nothing" must last is measured, not assumed, so that a loaded machine cannot make a slow IUT look
/// silent. As responder, the IUT first completes a handshake with a counterpart on its own version, which shows how
/// long it takes to answer here and now; the mismatched counterpart is then watched for twice that (at least
/// <see cref="Watch"/>, at most the key timeout). As initiator, we decide: the watch lasts until we have rejected
/// <see cref="InitHellos"/> of its InitHellos (an InitHello and three retransmissions, spec §9.2), at least
/// <see cref="Watch"/>, at most the key timeout.
/// </summary>
internal sealed class VersionMismatchScenario(IutRole role, ProtocolVersion version) : Scenario("version-mismatch", role, version)
{
    /// <summary>The shortest watch: an InitHello and three retransmissions (spec §9.2).</summary>
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(4);

    /// <summary>As initiator: how many of the IUT's InitHellos we reject before the watch may end.</summary>
    private const int InitHellos = 4;

    private ProtocolVersion Ours => Version == ProtocolVersion.V02 ? ProtocolVersion.V03 : ProtocolVersion.V02;

    public override string Spec => "§6.6, §1.3";

    public override string Proves => "With the IUT on one version and us on the other, neither side gets a key or accepts a message.";

    protected override Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel) =>
        Role == IutRole.Responder ? AsResponderAsync(context, cancel) : AsInitiatorAsync(context, cancel);

    private async Task<Outcome> AsResponderAsync(ScenarioContext context, CancellationToken cancel)
    {
        await using var rig = await StartRigAsync(context, cancel).ConfigureAwait(false);
        var handshake = Stopwatch.StartNew();
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem)
            return Outcome.Fail($"first, with both on {Version}: {problem}");
        var took = handshake.Elapsed;
        string? key = rig.Iut.ReadOutfile();
        int events = rig.Iut.KeyEvents;
        await rig.ReplaceCounterpartAsync(context.Psk, version: Ours).ConfigureAwait(false);
        var watch = ScenarioRig.QuietWindow(Watch, took, context.KeyTimeout);
        if (await rig.SettleAsync(watch).ConfigureAwait(false) is { } broken) return Outcome.Fail(broken);
        int sent = rig.Us.Sent(MessageType.InitHello).Count;
        if (sent == 0) return Outcome.Fail("no InitHello was sent: nothing was tested");
        if (rig.Iut.KeyEvents != events || rig.Iut.ReadOutfile() != key) return Outcome.Fail($"the IUT ({Version}) derived a key with us ({Ours})");
        if (rig.Us.KeyEvents > 0 || rig.Us.AcceptedFromIut > 0)
            return Outcome.Fail($"we ({Ours}) accepted {rig.Us.AcceptedFromIut} message(s) from the IUT ({Version})");
        return Outcome.Pass($"IUT on {Version}, we on {Ours}: no key on either side, nothing accepted in {ScenarioRig.Seconds(watch)} s " +
            $"({sent} InitHello; twice the {ScenarioRig.Seconds(took)} s a handshake on {Version} took first)");
    }

    private async Task<Outcome> AsInitiatorAsync(ScenarioContext context, CancellationToken cancel)
    {
        await using var rig = await StartRigAsync(context, cancel, options: new RigOptions(OurVersion: Ours)).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < context.KeyTimeout && (watch.Elapsed < Watch || rig.Us.Received(MessageType.InitHello).Count < InitHellos))
        {
            if (rig.Broken() is { } broken) return Outcome.Fail(broken);
            if (rig.Us.AcceptedFromIut > 0) break;
            await Task.Delay(20, cancel).ConfigureAwait(false);
        }
        if (await rig.SettleAsync(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false) is { } gone) return Outcome.Fail(gone);
        int received = rig.Us.Received(MessageType.InitHello).Count;
        if (received == 0) return Outcome.Fail($"no InitHello from the IUT in {ScenarioRig.Seconds(watch.Elapsed)} s: nothing was tested");
        if (rig.Iut.KeyEvents > 0 || rig.Iut.ReadOutfile() != null) return Outcome.Fail($"the IUT ({Version}) derived a key with us ({Ours})");
        if (rig.Us.KeyEvents > 0 || rig.Us.AcceptedFromIut > 0)
            return Outcome.Fail($"we ({Ours}) accepted {rig.Us.AcceptedFromIut} message(s) from the IUT ({Version})");
        return Outcome.Pass($"IUT on {Version}, we on {Ours}: no key on either side, {received} InitHello from the IUT rejected " +
            $"in {ScenarioRig.Seconds(watch.Elapsed)} s");
    }
}
