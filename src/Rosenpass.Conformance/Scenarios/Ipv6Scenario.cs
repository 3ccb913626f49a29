using System.Diagnostics;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>A plain handshake with the IUT listening on the IPv6 loopback [::1].</summary>
internal sealed class Ipv6Scenario(IutRole role, ProtocolVersion version) : Scenario("ipv6-loopback", role, version)
{
    public override string Spec => "§6, §8.3 (host id)";

    public override string Proves => "The IUT listens on [::1] and completes a handshake over IPv6; keys agree.";

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (!System.Net.Sockets.Socket.OSSupportsIPv6) return Outcome.Skip("this machine has no IPv6");
        if (!context.Launcher.CanMakeIutInitiate) return Outcome.Skip("a running IUT listens where it was configured to; use --iut-cmd");
        var watch = Stopwatch.StartNew();
        await using var rig = await StartRigAsync(context, cancel, options: new RigOptions(Ipv6: true)).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem) return Outcome.Fail(problem);
        return Outcome.Pass($"over [::1] (IUT at {rig.Iut.Address}): the IUT's outfile equals our output key after {ScenarioRig.Seconds(watch.Elapsed)} s");
    }
}
