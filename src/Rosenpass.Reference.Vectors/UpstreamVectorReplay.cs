using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// Replays upstream's recorded handshake (crypto_server_test_vector_1, V03, a initiates to b): every Const entry
/// is injected where upstream drew it, and every Output entry is compared with what this implementation
/// computes. The entry layout is the one of upstream-facts §4 (50 entries).
/// </summary>
public static class UpstreamVectorReplay
{
    /// <summary>How the replay is run.</summary>
    public enum Mode
    {
        /// <summary>Both roles are ours, exchanging messages with each other.</summary>
        BothRoles,
        /// <summary>Our responder, fed upstream's recorded initiator messages.</summary>
        ResponderOnly,
        /// <summary>Our initiator, fed upstream's recorded responder messages.</summary>
        InitiatorOnly,
    }

    /// <summary>What our side traced for each Output entry, in file order: (role, step, name).</summary>
    private static readonly (char Side, string Step, string Name)[] OutputMap =
    [
        ('a', "IHI4", "ck"), ('a', "IHI5", "ck"), ('a', "IHI6", "pidi_ct"), ('a', "IHI6", "ck"), ('a', "IHI7", "ck"),
        ('a', "IHI8", "auth"), ('a', "IHI8", "ck"), ('a', "IHI8", "InitHello"),
        ('b', "IHR4", "ck"), ('b', "IHR5", "ck"), ('b', "IHR6", "ck"), ('b', "IHR7", "ck"), ('b', "IHR8", "ck"),
        ('b', "RHR3", "ck"), ('b', "RHR4", "ck"), ('b', "RHR5", "ck"), ('b', "RHR6", "biscuit_pt"), ('b', "RHR6", "biscuit_ct"),
        ('b', "RHR6", "ck"), ('b', "RHR7", "ck"), ('b', "RHR7", "RespHello"), ('a', "ICI7", "InitConf"),
        ('b', "ICR7", "EmptyData"), ('*', "", "osk"),
    ];

    /// <summary>
    /// Replays <paramref name="entries"/>; returns one line per mismatch (empty: everything matched).
    /// <paramref name="observer"/>, if given, receives every value both sides trace, in the order they compute them.
    /// </summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<AssertTvEntry> entries, Mode mode = Mode.BothRoles,
        IProtocolTrace? observer = null)
    {
        var problems = new List<string>();
        var outputs = entries.Where(e => e.IsOutput).ToList();
        if (entries.Count != 50 || outputs.Count != OutputMap.Length)
        {
            problems.Add($"layout: expected 50 entries with {OutputMap.Length} outputs (upstream's crypto_server_test_vector_1), found {entries.Count} with {outputs.Count}");
            return problems;
        }
        byte[] V(int index) => entries[index].Value;

        var traceA = new RecordingTrace(observer);
        var traceB = new RecordingTrace(observer);
        var clock = new ManualClock();
        using var a = MakeServer(V(1), V(0), [V(5), V(6), V(7), V(8), V(13), V(14)], traceA, clock,
            ephemeral => ephemeral.ThenKeyPair(V(16), V(15)), stat => stat.ThenEncapsulation(V(19), V(18)));
        using var b = MakeServer(V(3), V(2), [V(9), V(10), V(11), V(12), V(32), V(41), V(42)], traceB, clock,
            ephemeral => ephemeral.ThenEncapsulation(V(35), V(34)), stat => stat.ThenEncapsulation(V(38), V(37)));
        var peerB = a.AddPeer(V(3), Secret.CopyOf(V(4)), ProtocolVersion.V03);
        b.AddPeer(V(1), Secret.CopyOf(V(4)), ProtocolVersion.V03);

        var keys = new List<(char Side, byte[] Key)>();
        try
        {
            Run(mode, a, b, peerB, entries, keys, problems);
        }
        catch (ScriptMismatchException e)
        {
            problems.Add($"replay: our implementation asked for {e.Message}");
            return problems;
        }

        for (int i = 0; i < outputs.Count; i++)
        {
            var (side, step, name) = OutputMap[i];
            if (name == "osk")
            {
                foreach (var (keySide, key) in keys) Compare(problems, outputs[i], key, $"{keySide}'s output key");
                if (keys.Count == 0) problems.Add($"{Describe(outputs[i])}: no output key was produced");
                continue;
            }
            if (!Covers(mode, side)) continue;
            var got = (side == 'a' ? traceA : traceB).Find(step, name);
            Compare(problems, outputs[i], got, $"{step} {name}");
        }
        return problems;
    }

    /// <summary>Whether the side's own values are computed by us in this mode.</summary>
    private static bool Covers(Mode mode, char side) =>
        mode == Mode.BothRoles || (mode == Mode.InitiatorOnly ? side == 'a' : side == 'b');

    private static void Run(Mode mode, Server a, Server b, Peer peerB, IReadOnlyList<AssertTvEntry> entries,
        List<(char, byte[])> keys, List<string> problems)
    {
        byte[] Recorded(int index) => entries[index].Value;
        byte[]? Step(Server server, char side, byte[]? message, string what)
        {
            if (message == null) return null;
            var outcome = server.HandleMessage(message);
            if (!outcome.Accepted) problems.Add($"replay: {side} rejected {what}: {outcome.Rejection}");
            foreach (var e in outcome.Events.OfType<KeyExchanged>()) { keys.Add((side, e.Key.Expose().ToArray())); e.Key.Dispose(); }
            return outcome.Response;
        }

        switch (mode)
        {
            case Mode.BothRoles:
                var ih = a.Initiate(peerB);
                var rh = Step(b, 'b', ih, "InitHello");
                var ic = Step(a, 'a', rh, "RespHello");
                var ed = Step(b, 'b', ic, "InitConf");
                Step(a, 'a', ed, "EmptyData");
                break;
            case Mode.ResponderOnly:
                Step(b, 'b', Recorded(26), "upstream's InitHello");
                Step(b, 'b', Recorded(47), "upstream's InitConf");
                break;
            case Mode.InitiatorOnly:
                a.Initiate(peerB);
                Step(a, 'a', Recorded(46), "upstream's RespHello");
                Step(a, 'a', Recorded(48), "upstream's EmptyData");
                break;
        }
    }

    private static Server MakeServer(byte[] pk, byte[] sk, byte[][] draws, IProtocolTrace trace, IClock clock,
        Action<ScriptedKem> ephemeral, Action<ScriptedKem> stat)
    {
        var random = new ScriptedRandom();
        for (int i = 0; i < draws.Length; i++) random.Then($"draw {i}", draws[i]);
        var ephemeralKem = new ScriptedKem(new KyberKem(SystemRandom.Instance));
        var staticKem = new ScriptedKem(new McEliece460896(SystemRandom.Instance));
        ephemeral(ephemeralKem);
        stat(staticKem);
        return new Server(pk, Secret.CopyOf(sk), new ServerOptions
        {
            Random = random, StaticKem = staticKem, EphemeralKem = ephemeralKem, Clock = clock, Trace = trace,
        });
    }

    private static void Compare(List<string> problems, AssertTvEntry expected, byte[]? got, string ours)
    {
        if (got == null) problems.Add($"{Describe(expected)}: we produced no value ({ours})");
        else if (!got.AsSpan().SequenceEqual(expected.Value))
            problems.Add($"{Describe(expected)}: mismatch with our {ours}: expected {Hex(expected.Value)}, got {Hex(got)}");
    }

    private static string Describe(AssertTvEntry e) => e.Name != null ? $"entry {e.Index} '{e.Name}'" : $"entry {e.Index}";

    private static string Hex(byte[] bytes) =>
        bytes.Length <= 48 ? Convert.ToHexStringLower(bytes) : Convert.ToHexStringLower(bytes[..24]) + $"… ({bytes.Length} bytes)";
}
