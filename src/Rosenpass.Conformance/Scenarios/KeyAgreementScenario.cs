using System.Diagnostics;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// A plain handshake (spec §6): afterwards the IUT's outfile holds exactly the output key our server derived
/// (spec §4.6), i.e. both sides computed the same chaining key from the same messages.
/// </summary>
internal sealed class KeyAgreementScenario(IutRole role, ProtocolVersion version) : Scenario("key-agreement", role, version)
{
    public override string Spec => "§6, §4.6";

    public override string Proves => "A plain handshake gives both sides the same output key, and the IUT reports it once.";

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        await using var rig = await StartRigAsync(context, cancel).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem) return Outcome.Fail(problem);
        return Outcome.Pass($"the IUT's outfile equals our output key after {ScenarioRig.Seconds(watch.Elapsed)} s");
    }
}
