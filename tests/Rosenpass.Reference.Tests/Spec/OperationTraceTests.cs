using System.Text.RegularExpressions;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Tests.Vectors;

namespace Rosenpass.Reference.Tests.Spec;

/// <summary>
/// Spec ↔ code ↔ model, mechanically (spec §6.7): each role's ordered operation trace, one line
/// <c>STEP operation operand…</c> per operation (e.g. <c>IHI5 encaps_and_mix SKEM spkr</c>), is read from the
/// Trace column of spec/06-handshake.md, from the <c>(*@ … *)</c> comments of proverif/rosenpass.pvl, and from the
/// C# handshake as it runs (<see cref="IProtocolTrace.Operation"/>); the three must be equal, in order.
/// </summary>
public sealed partial class OperationTraceTests
{
    public static TheoryData<string> Roles => new() { "initiator", "responder" };

    private static string SpecFile => Path.Combine(TestPaths.RepoRoot, "spec", "06-handshake.md");
    private static string ModelFile => Path.Combine(TestPaths.RepoRoot, "proverif", "rosenpass.pvl");

    private static bool IsInitiatorStep(string step) => step[..3] is "IHI" or "RHI" or "ICI";

    private static bool InRole(string step, string role) => IsInitiatorStep(step) == (role == "initiator");

    /// <summary>One operation per line: "STEP op operands", from "STEP" and "op a; op b".</summary>
    private static IEnumerable<string> Split(string step, string operations) =>
        operations.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(op => $"{step} {Regex.Replace(op, @"\s+", " ")}");

    /// <summary>The spec's trace of <paramref name="role"/>: the last column of the step tables of §6, in table order.</summary>
    public static List<string> SpecTrace(string specText, string role)
    {
        var trace = new List<string>();
        foreach (var line in specText.Split('\n'))
        {
            var m = SpecRow().Match(line);
            if (m.Success && InRole(m.Groups[1].Value, role)) trace.AddRange(Split(m.Groups[1].Value, m.Groups[2].Value));
        }
        return trace;
    }

    /// <summary>
    /// The model's trace of <paramref name="role"/>: the <c>(*@ STEP … *)</c> comments in file order. Each operation
    /// must also be one that the model code on that line (or the two above it) can perform, so a comment cannot
    /// stay behind when its code moves or goes; <paramref name="problems"/> lists those that fail that check.
    /// </summary>
    public static List<string> ModelTrace(string modelText, string role, List<string>? problems = null)
    {
        var trace = new List<string>();
        var lines = modelText.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            foreach (Match m in ModelAnnotation().Matches(lines[i]))
            {
                string step = m.Groups[1].Value;
                string code = string.Join('\n', lines[Math.Max(0, i - 2)..(i + 1)].Select(StripComments));
                foreach (var op in Split(step, m.Groups[2].Value))
                {
                    var missing = ModelTokens(op.Split(' ')[1..]).Where(t => !code.Contains(t, StringComparison.Ordinal)).ToList();
                    if (missing.Count > 0) problems?.Add($"line {i + 1}: '{op}' but no {string.Join(", ", missing)} in its code");
                }
                if (InRole(step, role)) trace.AddRange(Split(step, m.Groups[2].Value));
            }
        }
        return trace;
    }

    private static string StripComments(string line) => Regex.Replace(line, @"\(\*.*?\*\)", "");

    /// <summary>What the model code must contain to perform an operation (its ProVerif function symbols).</summary>
    private static IEnumerable<string> ModelTokens(string[] op) => op switch
    {
        ["init", ..] => ["ck_init("],
        ["mix", var x] => ["mix(", x],
        ["encaps_and_mix", "SKEM", var pk] => ["skem_ct(" + pk, "mix_kem("],
        ["encaps_and_mix", "EKEM", var pk] => ["ekem_ct(" + pk, "mix_kem("],
        ["decaps_and_mix", "SKEM", var sk, var pk, var ct] => ["skem_decaps(" + sk + ", " + ct, "mix_kem(", pk],
        ["decaps_and_mix", "EKEM", var sk, var pk, var ct] => ["ekem_decaps(" + sk + ", " + ct, "mix_kem(", pk],
        ["encrypt_and_mix", ..] => ["aead_enc(", "mix("],
        ["decrypt_and_mix", ..] => ["aead_dec(", "mix("],
        ["lookup", var id] => ["=" + id],
        ["find_peer", ..] => ["pid("],
        ["store_biscuit"] => ["xaead_enc("],
        ["load_biscuit", ..] => ["xaead_dec("],
        ["require_greater", var a, _] => [a],
        ["assign", _, var value] => [value],
        ["enter_live", ..] => ["osk_of("],
        ["random", ..] or ["keygen", ..] => [],
        _ => ["(unknown operation " + string.Join(' ', op) + ")"],
    };

    /// <summary>The code's trace of <paramref name="role"/>: a real handshake, a initiating to b, as each server reports it.</summary>
    public static List<string> CodeTrace(string role)
    {
        byte[] pkA = UpstreamVector.Value(UpstreamVector.PeerAPublicKey), skA = UpstreamVector.Value(UpstreamVector.PeerASecretKey);
        byte[] pkB = UpstreamVector.Value(UpstreamVector.PeerBPublicKey), skB = UpstreamVector.Value(UpstreamVector.PeerBSecretKey);
        var traceA = new OperationRecorder();
        var traceB = new OperationRecorder();
        using var serverA = new Server(pkA, Secret.CopyOf(skA), new ServerOptions { Trace = traceA });
        using var serverB = new Server(pkB, Secret.CopyOf(skB), new ServerOptions { Trace = traceB });
        var peerB = serverA.AddPeer(pkB);
        serverB.AddPeer(pkA, initiates: false);

        // A rejected message ends the handshake; the trace so far is kept, with the rejection as its last line, so
        // that a changed step shows as the first operation that differs, not only as a failed handshake.
        byte[]? message = serverA.Initiate(peerB);
        foreach (var server in new[] { serverB, serverA, serverB, serverA })
        {
            if (message == null) break;
            var outcome = server.HandleMessage(message);
            foreach (var exchanged in outcome.Events.OfType<KeyExchanged>()) exchanged.Key.Dispose();
            if (!outcome.Accepted)
            {
                (server == serverA ? traceA : traceB).Lines.Add($"(rejected: {outcome.Rejection})");
                break;
            }
            message = outcome.Response;
        }
        var lines = (role == "initiator" ? traceA : traceB).Lines;
        Assert.All(lines, l => Assert.True(l.StartsWith('(') || InRole(l[..4], role), $"{l} reported by the {role}"));
        return lines;
    }

    private sealed class OperationRecorder : IProtocolTrace
    {
        public List<string> Lines { get; } = [];

        public void Record(string step, string name, ReadOnlySpan<byte> value) { }

        public void Operation(string step, string operation, IReadOnlyList<string> operands) =>
            Lines.Add(string.Join(' ', new[] { step, operation }.Concat(operands)));
    }

    /// <summary>The first difference of two traces, or null when they are equal.</summary>
    public static string? FirstDifference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        for (int i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            string e = i < expected.Count ? expected[i] : "(end)", a = i < actual.Count ? actual[i] : "(end)";
            if (e != a) return $"operation {i + 1}: expected '{e}', got '{a}'";
        }
        return null;
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void The_model_performs_the_operations_of_the_spec_in_the_same_order(string role)
    {
        var spec = SpecTrace(File.ReadAllText(SpecFile), role);
        var problems = new List<string>();
        var model = ModelTrace(File.ReadAllText(ModelFile), role, problems);
        Assert.True(spec.Count >= 20, $"only {spec.Count} operations in the spec's {role} trace");
        Assert.Empty(problems);
        Assert.Null(FirstDifference(spec, model));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void The_code_performs_the_operations_of_the_spec_in_the_same_order(string role)
    {
        var spec = SpecTrace(File.ReadAllText(SpecFile), role);
        Assert.Null(FirstDifference(spec, CodeTrace(role)));
    }

    /// <summary>Swaps the lines holding <paramref name="first"/> and <paramref name="second"/>.</summary>
    private static string SwapLines(string text, string first, string second)
    {
        var lines = text.Split('\n');
        int i = Array.FindIndex(lines, l => l.Contains(first, StringComparison.Ordinal));
        int j = Array.FindIndex(lines, l => l.Contains(second, StringComparison.Ordinal));
        Assert.True(i >= 0 && j >= 0, $"'{first}' or '{second}' not found");
        (lines[i], lines[j]) = (lines[j], lines[i]);
        return string.Join('\n', lines);
    }

    private static string DropLine(string text, string containing)
    {
        var lines = text.Split('\n').ToList();
        int i = lines.FindIndex(l => l.Contains(containing, StringComparison.Ordinal));
        Assert.True(i >= 0, $"'{containing}' not found");
        lines.RemoveAt(i);
        return string.Join('\n', lines);
    }

    [Fact]
    public void A_swapped_or_dropped_step_in_the_spec_is_caught()
    {
        string text = File.ReadAllText(SpecFile);
        var model = ModelTrace(File.ReadAllText(ModelFile), "initiator");
        Assert.NotNull(FirstDifference(SpecTrace(SwapLines(text, "| IHI6 |", "| IHI7 |"), "initiator"), model));
        Assert.NotNull(FirstDifference(SpecTrace(DropLine(text, "| RHI6 |"), "initiator"), model));
        var responder = ModelTrace(File.ReadAllText(ModelFile), "responder");
        Assert.NotNull(FirstDifference(SpecTrace(SwapLines(text, "| ICR5 |", "| ICR6 |"), "responder"), responder));
        Assert.NotNull(FirstDifference(SpecTrace(text.Replace("`mix sidr; mix sidi` |", "`mix sidi; mix sidr` |"), "responder"), responder));
    }

    [Fact]
    public void A_swapped_or_dropped_step_in_the_model_is_caught()
    {
        string text = File.ReadAllText(ModelFile);
        var spec = SpecTrace(File.ReadAllText(SpecFile), "initiator");
        // Two lines of the model swapped: IHI7 (mix spki, psk) before IHI6's ciphertext is mixed.
        Assert.NotNull(FirstDifference(spec, ModelTrace(SwapLines(text, "(*@ IHI6 ", "(*@ IHI7 "), "initiator")));
        // The psk is no longer mixed, but the comment stays: the code check catches it.
        var problems = new List<string>();
        ModelTrace(text.Replace("let ck7 = mix(mix(ck6, pk2b(spki)), k2b(psk)) in", "let ck7 = mix(ck6, pk2b(spki)) in"), "initiator", problems);
        Assert.Contains(problems, p => p.Contains("IHI7 mix psk", StringComparison.Ordinal));
        // A step's comment dropped.
        var responder = SpecTrace(File.ReadAllText(SpecFile), "responder");
        Assert.NotNull(FirstDifference(responder, ModelTrace(DropLine(text, "(*@ ICR2 "), "responder")));
    }

    [Fact]
    public void A_swapped_or_dropped_operation_in_the_code_trace_is_caught()
    {
        // The code's trace is produced by running it; what a swapped or dropped step in Server.*.cs produces is a
        // trace with two operations swapped or one missing (proverif/README.md shows this done to the code itself).
        var spec = SpecTrace(File.ReadAllText(SpecFile), "responder");
        var code = CodeTrace("responder");
        var swapped = code.ToList();
        int i = swapped.FindIndex(l => l.StartsWith("RHR4 ", StringComparison.Ordinal));
        (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
        Assert.NotNull(FirstDifference(spec, swapped));
        Assert.NotNull(FirstDifference(spec, code.Where(l => !l.StartsWith("ICR5 ", StringComparison.Ordinal)).ToList()));
    }

    [GeneratedRegex(@"^\| ((?:IHI|IHR|RHR|RHI|ICI|ICR)\d) \|.*\| `([^`]*)` \|\s*$")]
    private static partial Regex SpecRow();

    [GeneratedRegex(@"\(\*@ ((?:IHI|IHR|RHR|RHI|ICI|ICR)\d) (.*?) \*\)")]
    private static partial Regex ModelAnnotation();
}
