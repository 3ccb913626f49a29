using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// After a handshake, the IUT receives every kind of bad datagram (<see cref="MalformedDatagrams"/>). It must
/// ignore them all: stay alive, answer none, emit no key event, keep its key; and a new handshake must then
/// succeed (spec §5.7, §8.1, §10.6: a rejected message changes no state).
/// </summary>
internal sealed class MalformedDatagramsScenario(ProtocolVersion version) : Scenario("malformed-datagrams", IutRole.Responder, version)
{
    public override string Spec => "§5.7, §8.1, §6, §7, §10.6";

    public override string Proves => "56 malformed, forged or reflected datagrams get no answer (EmptyData excepted), no key event and no state change; a new handshake then agrees.";

    /// <summary>Spacing between datagrams: forged InitHellos cost the IUT a McEliece decapsulation (two for V02).</summary>
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(15);
    private static readonly TimeSpan ExpensiveSpacing = TimeSpan.FromMilliseconds(100);

    protected override async Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel)
    {
        await using var rig = await StartRigAsync(context, cancel).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync().ConfigureAwait(false) is { } problem) return Outcome.Fail($"before the junk: {problem}");
        // Let late answers of the handshake (to a retransmitted InitHello) arrive before we watch for answers.
        if (await rig.SettleAsync(TimeSpan.FromMilliseconds(300)).ConfigureAwait(false) is { } early) return Outcome.Fail(early);
        string key = rig.Us.Key!;
        int events = rig.Iut.KeyEvents;
        var junk = MalformedDatagrams.Build(new MalformedDatagrams.Material(
            rig.Us.Sent(MessageType.InitHello)[^1], rig.Us.Sent(MessageType.InitConf)[^1],
            rig.Us.Received(MessageType.RespHello).LastOrDefault(), rig.Us.Received(MessageType.EmptyData).LastOrDefault(),
            context.Launcher.IutPublicKey, Version));
        int receivedBefore = rig.Us.Received().Count;
        foreach (var (label, datagram) in junk)
        {
            rig.Us.Inject(datagram);
            await Task.Delay(label.StartsWith("InitHello", StringComparison.Ordinal) ? ExpensiveSpacing : Spacing, cancel).ConfigureAwait(false);
            if (rig.Broken() is { } crashed) return Outcome.Fail($"after \"{label}\": {crashed}");
        }
        if (await rig.SettleAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false) is { } broken) return Outcome.Fail(broken);
        if (Answers(rig, receivedBefore) is { } answered) return Outcome.Fail(answered);
        if (rig.Iut.KeyEvents != events) return Outcome.Fail($"the junk caused {rig.Iut.KeyEvents - events} key event(s) at the IUT");
        if (rig.Iut.ReadOutfile() != key) return Outcome.Fail("the junk changed the IUT's outfile");
        await rig.ReplaceCounterpartAsync(context.Psk).ConfigureAwait(false);
        if (await rig.AgreementProblemAsync(notKey: key).ConfigureAwait(false) is { } after) return Outcome.Fail($"after the junk: {after}");
        return Outcome.Pass($"{junk.Count} malformed datagrams ignored (no answer, no key event, still alive); a new handshake then agreed");
    }

    /// <summary>
    /// What the IUT sent back after the junk started. An EmptyData is not counted: it can be a late answer, from
    /// the IUT's cache, to a retransmission of our InitConf (spec §9.4).
    /// </summary>
    private static string? Answers(ScenarioRig rig, int receivedBefore)
    {
        var answers = rig.Us.Received().Skip(receivedBefore).Where(d => d.Length == 0 || d[0] != (byte)MessageType.EmptyData).ToList();
        if (answers.Count == 0) return null;
        var types = answers.Select(d => d.Length > 0 && Enum.IsDefined((MessageType)d[0]) ? ((MessageType)d[0]).ToString() : $"{d.Length} bytes");
        return $"the IUT answered malformed datagrams: {string.Join(", ", types)}";
    }
}
