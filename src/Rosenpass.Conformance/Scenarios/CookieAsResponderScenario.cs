using System.Diagnostics;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// The IUT as responder under load (spec §8.5): it must answer an InitHello without a valid cookie with a CookieReply
/// (spec §8.3) instead of decapsulating, and then accept our InitHello that carries the cookie. How the IUT is put
/// under load is <see cref="ScenarioContext.UnderLoad"/>: by our daemon's rule (16 InitHellos with a valid mac within a
/// second, spec §8.5.6: we replay our own InitHello), by its configuration, or not at all for an IUT without an
/// under-load mode (upstream's default build): then the scenario is not applicable.
/// </summary>
internal sealed class CookieAsResponderScenario(ProtocolVersion version) : Scenario("cookie", IutRole.Responder, version)
{
    /// <summary>The flood of spec §8.5.6: LOAD_INITHELLO_COUNT valid-mac InitHellos, plus a margin.</summary>
    private const int FloodInitHellos = 20;

    public override string Spec => "§8.3, §8.4, §8.5";

    public override string Proves => "Under load, the IUT answers an InitHello without a cookie with a CookieReply and accepts the retry that carries the cookie.";

    public override bool BeyondUpstream => true;

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (context.UnderLoad == UnderLoadMode.None)
            return Outcome.NotApplicable("the IUT has no under-load mode (--iut-under-load none); upstream builds one only with experiment_cookie_dos_mitigation");
        if (context.UnderLoad == UnderLoadMode.Config && !context.Launcher.CanMakeIutInitiate)
            return Outcome.Skip("--iut-under-load config writes the IUT's configuration; a running IUT was configured by the user (use flood)");
        var watch = Stopwatch.StartNew();
        bool flood = context.UnderLoad == UnderLoadMode.Flood;
        byte[]? first = null;
        await using var rig = await StartRigAsync(context, cancel, us =>
        {
            if (!flood) return;
            // Hold back our first InitHello: it becomes the flood; our server's retransmission then meets the loaded IUT.
            us.OnOutgoing = datagram =>
            {
                if (first != null || datagram.Length == 0 || datagram[0] != (byte)MessageType.InitHello) return true;
                first = datagram;
                return false;
            };
        }, new RigOptions(DosDefence: flood ? null : "always")).ConfigureAwait(false);
        if (flood)
        {
            while (Volatile.Read(ref first) == null && watch.Elapsed < context.KeyTimeout) await Task.Delay(10, cancel).ConfigureAwait(false);
            if (first == null) return Outcome.Fail("our server sent no InitHello");
            for (int i = 0; i < FloodInitHellos; i++) rig.Us.Inject(first);
        }
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem)
            return Outcome.Fail($"{problem} ({rig.Us.Received(MessageType.CookieReply).Count} CookieReply received)");
        int replies = rig.Us.Received(MessageType.CookieReply).Count;
        if (replies == 0)
            return Outcome.Fail($"keys agree, but the IUT never answered with a CookieReply{(flood ? $" after {FloodInitHellos} valid-mac InitHellos within a second" : " with dos_defence = \"always\"")}; " +
                "an IUT without an under-load mode is run with --iut-under-load none");
        return Outcome.Pass($"the IUT under load ({(flood ? $"{FloodInitHellos} replayed InitHellos" : "dos_defence = always")}) sent {replies} CookieReply; " +
            $"our InitHello with the cookie was processed, keys agree after {ScenarioRig.Seconds(watch.Elapsed)} s");
    }
}
