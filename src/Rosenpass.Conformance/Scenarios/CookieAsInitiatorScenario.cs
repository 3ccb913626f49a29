using System.Diagnostics;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// The IUT initiates to a responder that is under load: our server answers its InitHello with a CookieReply
/// (spec §8.3). The IUT must accept it (spec §8.4), retransmit its InitHello with the cookie sealed under the value
/// it got, and the handshake must then complete: our server processes only an InitHello whose cookie verifies.
/// </summary>
internal sealed class CookieAsInitiatorScenario(ProtocolVersion version) : Scenario("cookie", IutRole.Initiator, version)
{
    public override string Spec => "§8.2, §8.3, §8.4";

    public override string Proves => "Answered with a CookieReply, the IUT resends its InitHello with a valid cookie and completes the handshake.";

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        await using var rig = await StartRigAsync(context, cancel, options: new RigOptions(UsUnderLoad: true)).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem)
            return Outcome.Fail($"{problem} ({rig.Us.Sent(MessageType.CookieReply).Count} CookieReply sent, " +
                $"{rig.Us.Received(MessageType.InitHello).Count} InitHello received)");
        int replies = rig.Us.Sent(MessageType.CookieReply).Count;
        if (replies == 0) return Outcome.Fail("keys agree, but we never sent a CookieReply: the runner's responder was not under load");
        return Outcome.Pass($"{replies} CookieReply sent; the IUT's InitHello with the cookie was processed and keys agree after " +
            $"{ScenarioRig.Seconds(watch.Elapsed)} s");
    }
}
