using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// The IUT is configured with the scenario's version for us, our counterpart uses the other one (V02 against V03):
/// every label differs (spec §3), so neither side may accept the other's messages (spec §6.6). For a few
/// retransmission periods: no key event at the IUT, no outfile, and nothing from the IUT accepted by us.
/// </summary>
internal sealed class VersionMismatchScenario(IutRole role, ProtocolVersion version) : Scenario("version-mismatch", role, version)
{
    /// <summary>Long enough for an InitHello and three retransmissions (spec §9.2).</summary>
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(4);

    private ProtocolVersion Ours => Version == ProtocolVersion.V02 ? ProtocolVersion.V03 : ProtocolVersion.V02;

    public override string Spec => "§6.6, §1.3";

    public override string Proves => "With the IUT on one version and us on the other, neither side gets a key or accepts a message.";

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        await using var rig = await StartRigAsync(context, cancel, options: new RigOptions(OurVersion: Ours)).ConfigureAwait(false);
        if (await rig.SettleAsync(Watch).ConfigureAwait(false) is { } broken) return Outcome.Fail(broken);
        int initHellos = rig.Us.Sent(Reference.Protocol.Messages.MessageType.InitHello).Count + rig.Us.Received(Reference.Protocol.Messages.MessageType.InitHello).Count;
        if (initHellos == 0) return Outcome.Fail("no InitHello was exchanged: nothing was tested");
        if (rig.Iut.KeyEvents > 0 || rig.Iut.ReadOutfile() != null) return Outcome.Fail($"the IUT ({Version}) derived a key with us ({Ours})");
        if (rig.Us.KeyEvents > 0 || rig.Us.AcceptedFromIut > 0)
            return Outcome.Fail($"we ({Ours}) accepted {rig.Us.AcceptedFromIut} message(s) from the IUT ({Version})");
        return Outcome.Pass($"IUT on {Version}, we on {Ours}: no key on either side, nothing accepted in {ScenarioRig.Seconds(Watch)} s ({initHellos} InitHello)");
    }
}
