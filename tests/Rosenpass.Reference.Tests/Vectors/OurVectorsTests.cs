using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Tests.Vectors;

/// <summary>
/// Our known-answer vectors (vectors/): regenerating them reproduces the committed files byte for byte; the checker
/// accepts them and names the case and entry of any changed output; every negative case states a rejection that
/// the replay confirms, with no state change.
/// </summary>
public sealed class OurVectorsTests(GeneratedVectorsFixture generated) : IClassFixture<GeneratedVectorsFixture>
{
    private static readonly string[] GeneratedFiles =
        [VectorGenerator.KeysFileName, PrimitiveChecker.FileName, .. VectorGenerator.Families.Select(f => f.Name + ".json")];

    [Fact]
    public void Regenerating_reproduces_the_committed_vectors_byte_for_byte()
    {
        Assert.True(generated.ExitCode == VectorsTool.Success, generated.Log);
        var written = Directory.GetFiles(generated.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(GeneratedFiles.Order(StringComparer.Ordinal), written);
        foreach (string name in GeneratedFiles)
        {
            string committed = Path.Combine(GeneratedVectorsFixture.Committed, name);
            Assert.True(File.Exists(committed), $"vectors/{name} is not committed; run `rosenpass vectors generate --out vectors`");
            string? diff = FirstDifference(File.ReadAllText(committed), File.ReadAllText(Path.Combine(generated.Directory, name)));
            Assert.True(diff == null, $"vectors/{name} differs from a fresh generation: {diff}");
        }
    }

    [Fact]
    public void The_committed_vectors_pass_the_checker()
    {
        var output = new StringWriter();
        int exit = VectorsTool.Check([GeneratedVectorsFixture.Committed], output);
        Assert.True(exit == VectorsTool.Success, output.ToString());
        Assert.Contains("0 mismatch(es)", output.ToString());
    }

    [Fact]
    public void A_changed_chaining_key_fails_and_the_report_names_case_step_and_entry()
    {
        string dir = CopyOf("handshake.json");
        var file = VectorJson.Load<VectorFile>(Path.Combine(dir, "handshake.json"));
        var vectorCase = file.Cases[0];
        var step = vectorCase.Steps.First(s => s.Action == "deliver" && s.Expected.Trace.Any(t => t.Name == "ck"));
        int index = step.Expected.Trace.FindIndex(t => t.Name == "ck");
        var entry = step.Expected.Trace[index];
        step.Expected.Trace[index] = new TraceValue { Step = entry.Step, Name = entry.Name, Value = FlipFirstDigit(entry.Value) };
        File.WriteAllText(Path.Combine(dir, "handshake.json"), VectorJson.Serialize(file));

        var output = new StringWriter();
        int exit = VectorsTool.Check([Path.Combine(dir, "handshake.json")], output);

        Assert.Equal(VectorsTool.Mismatch, exit);
        var lines = output.ToString().Split('\n').Where(l => l.Contains("differs")).ToList();
        var line = Assert.Single(lines);
        Assert.Contains($"case {vectorCase.Id} step {step.Index}", line);
        Assert.Contains($"trace[{index}] {entry.Step} ck", line);
        Assert.Contains("1 mismatch(es)", output.ToString());
    }

    [Fact]
    public void A_changed_message_byte_and_a_changed_rejection_kind_fail_and_are_named()
    {
        string dir = CopyOf("initconf-rejections.json");
        string path = Path.Combine(dir, "initconf-rejections.json");
        var whole = VectorJson.Load<VectorFile>(path);
        var vectorCase = whole.Cases.First(c => c.Id.EndsWith("initconf-flipped-biscuit"));
        // Only this case, to keep the test fast.
        var file = whole.WithCases([vectorCase]);
        int rejected = vectorCase.Steps.FindIndex(s => s.Expected.Rejection != null);
        vectorCase.Steps[rejected] = With(vectorCase.Steps[rejected], new Expected
        {
            Accepted = false, Rejection = nameof(RejectionKind.BadAuthTag), StateUnchanged = true, Events = [], Trace = [],
        });
        var respond = vectorCase.Steps.Last(s => s.Expected.Response != null);
        int respondAt = vectorCase.Steps.IndexOf(respond);
        vectorCase.Steps[respondAt] = With(respond, new Expected
        {
            Accepted = true, Response = FlipFirstDigit(respond.Expected.Response!), Events = respond.Expected.Events, Trace = respond.Expected.Trace,
        });
        File.WriteAllText(path, VectorJson.Serialize(file));

        var output = new StringWriter();
        Assert.Equal(VectorsTool.Mismatch, VectorsTool.Check([path], output));
        string text = output.ToString();
        Assert.Contains($"case {vectorCase.Id} step {rejected} (deliver at b, clock 0): rejection: expected BadAuthTag, got BadBiscuit", text);
        Assert.Contains($"case {vectorCase.Id} step {respondAt} ", text);
        Assert.Contains("response: differs from byte 0", text);
    }

    [Fact]
    public void Every_negative_case_states_one_rejection_kind_and_no_state_change()
    {
        // The_committed_vectors_pass_the_checker replays every case: there each of these rejections happens with the
        // stated kind, the state digest is the same before and after, and the follow-up gives the recorded outputs.
        int negative = 0;
        foreach (var family in VectorGenerator.Families)
        {
            var file = VectorJson.Load<VectorFile>(Path.Combine(GeneratedVectorsFixture.Committed, family.Name + ".json"));
            foreach (var vectorCase in file.Cases.Where(c => c.Result == "invalid"))
            {
                negative++;
                var rejected = vectorCase.Steps.Where(s => s.Expected.Rejection != null).ToList();
                var step = Assert.Single(rejected);
                Assert.True(Enum.TryParse<RejectionKind>(step.Expected.Rejection, out _), $"{vectorCase.Id}: {step.Expected.Rejection}");
                Assert.True(step.Expected.StateUnchanged, vectorCase.Id);
                Assert.NotNull(step.Mutation);
                Assert.Contains("StateUnchanged", vectorCase.Flags);
                Assert.Equal("deliver", step.Action);
            }
        }
        // Five message types, each in both versions (see the Scenarios folder for the list).
        Assert.True(negative >= 70, $"only {negative} negative cases");
    }

    [Fact]
    public void Every_rejection_kind_that_can_occur_has_a_case_in_both_versions()
    {
        var seen = VectorGenerator.Families.SelectMany(f =>
                VectorJson.Load<VectorFile>(Path.Combine(GeneratedVectorsFixture.Committed, f.Name + ".json")).Cases)
            .SelectMany(c => c.Steps.Where(s => s.Expected.Rejection != null).Select(s => (c.Version, s.Expected.Rejection!)))
            .ToHashSet();
        // The kinds of vectors/README.md's table; every other kind must be one the README says cannot occur in a vector.
        RejectionKind[] covered =
        [
            RejectionKind.WrongLength, RejectionKind.UnknownMessageType, RejectionKind.BadMac, RejectionKind.BadAuthTag,
            RejectionKind.UnknownPeer, RejectionKind.UnknownSession, RejectionKind.BadBiscuit, RejectionKind.ReplayedBiscuit,
            RejectionKind.UnexpectedMessage, RejectionKind.HashFunctionMismatch, RejectionKind.NotProcessedUnderLoad,
            RejectionKind.ConcurrentHandshake,
        ];
        // StaleCounter: txnt is 0 while a handshake awaits EmptyData. RateLimited: the token bucket is the daemon's policy.
        RejectionKind[] notInVectors = [RejectionKind.StaleCounter, RejectionKind.RateLimited];
        Assert.Equal(Enum.GetValues<RejectionKind>().Order(), covered.Concat(notInVectors).Order());
        foreach (var kind in covered)
        {
            Assert.Contains(("V02", kind.ToString()), seen);
            Assert.Contains(("V03", kind.ToString()), seen);
        }
    }

    [Fact]
    public void Both_versions_have_every_scenario()
    {
        var ids = VectorGenerator.Families.SelectMany(f =>
            VectorJson.Load<VectorFile>(Path.Combine(GeneratedVectorsFixture.Committed, f.Name + ".json")).Cases).Select(c => c.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var v02 = ids.Where(i => i.StartsWith("v02-")).Select(i => i[4..]).Order().ToList();
        var v03 = ids.Where(i => i.StartsWith("v03-")).Select(i => i[4..]).Order().ToList();
        Assert.Equal(v02, v03);
        Assert.Equal(ids.Count, v02.Count * 2);
    }

    [Fact]
    public void The_committed_vectors_stay_small()
    {
        long total = Directory.GetFiles(GeneratedVectorsFixture.Committed).Sum(f => new FileInfo(f).Length);
        Assert.True(total < 10L << 20, $"vectors/ holds {total} bytes");
    }

    private static VectorStep With(VectorStep step, Expected expected) => new()
    {
        Index = step.Index, Action = step.Action, Server = step.Server, Clock = step.Clock, Peer = step.Peer, Message = step.Message,
        HostId = step.HostId, Mutation = step.Mutation, Injected = step.Injected, Expected = expected,
    };

    private static string CopyOf(string name)
    {
        string dir = GeneratedVectorsFixture.TempFolder();
        foreach (string file in new[] { name, VectorGenerator.KeysFileName })
            File.Copy(Path.Combine(GeneratedVectorsFixture.Committed, file), Path.Combine(dir, file));
        return dir;
    }

    private static string FlipFirstDigit(string hex) => (hex[0] == '0' ? '1' : '0') + hex[1..];

    /// <summary>The first differing line, both versions shortened; null when the texts are equal.</summary>
    private static string? FirstDifference(string committed, string fresh)
    {
        if (committed == fresh) return null;
        string[] a = committed.Split('\n'), b = fresh.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "(end of file)", right = i < b.Length ? b[i] : "(end of file)";
            if (left != right) return $"first difference at line {i + 1}:\n  committed: {Shorten(left)}\n  generated: {Shorten(right)}";
        }
        return "the files differ only in line endings";
    }

    private static string Shorten(string line) => line.Length <= 200 ? line : line[..200] + $"… ({line.Length} characters)";
}
