using System.Globalization;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// Replays our vector files against this implementation: every case's servers are made with the recorded
/// construction draws, every step runs with exactly its recorded draws and KEM results, and every output is
/// compared. One line per mismatch, naming file, case, step and entry.
/// </summary>
public static class VectorChecker
{
    /// <summary>The result of checking one file: mismatch lines and how many cases were checked.</summary>
    public sealed record FileResult(IReadOnlyList<string> Mismatches, int Cases);

    /// <summary>One value the replay traced: the vector step (index and server) and the protocol step that computed it.</summary>
    public sealed record TracedValue(int VectorStep, string Server, string Step, string Name, byte[] Value);

    /// <summary>A replayed case: the case as the file has it, every value traced in order, and any mismatch lines.</summary>
    public sealed record CaseReplay(VectorCase Case, IReadOnlyList<TracedValue> Values, IReadOnlyList<string> Mismatches);

    /// <summary>Checks the vector file at <paramref name="path"/>. Unreadable input throws <see cref="InputFormatException"/>.</summary>
    public static FileResult CheckFile(string path)
    {
        var (file, keys) = Load(path);
        var lines = new List<string>();
        if (file.NumberOfCases != file.Cases.Count) lines.Add($"{path}: numberOfCases is {file.NumberOfCases}, but there are {file.Cases.Count} cases");
        foreach (var vectorCase in file.Cases)
        {
            lines.AddRange(CheckCase(keys, vectorCase).Select(line => $"{path}: {line}"));
        }
        return new FileResult(lines, file.Cases.Count);
    }

    /// <summary>
    /// Replays case <paramref name="caseId"/> of the vector file at <paramref name="path"/> as the checker does and
    /// returns what this implementation traced (for <c>rosenpass trace --case</c>), or null if the file has no such case.
    /// </summary>
    public static CaseReplay? ReplayCase(string path, string caseId)
    {
        var (file, keys) = Load(path);
        var vectorCase = file.Cases.FirstOrDefault(c => c.Id == caseId);
        if (vectorCase == null) return null;
        var values = new List<TracedValue>();
        var mismatches = CheckCase(keys, vectorCase, (step, observed) =>
            values.AddRange(observed.Trace.Select(t => new TracedValue(step.Index, step.Server, t.Step, t.Name, VectorJson.Bytes(t.Value, t.Name)))));
        return new CaseReplay(vectorCase, values, mismatches.Select(m => $"{path}: {m}").ToList());
    }

    private static (VectorFile File, KeyRing Keys) Load(string path)
    {
        var file = VectorJson.Load<VectorFile>(path);
        if (file.Format != VectorJson.FileFormat) throw new InputFormatException(path, $"format must be {VectorJson.FileFormat}, not '{file.Format}'");
        string keysPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", file.KeysFile);
        return (file, new KeyRing(VectorJson.Load<KeysFile>(keysPath), keysPath));
    }

    /// <summary>Replays one case; returns its mismatch lines ("case ID step N (...): entry: ...").</summary>
    internal static IReadOnlyList<string> CheckCase(KeyRing keys, VectorCase vectorCase, Action<VectorStep, Expected>? observe = null)
    {
        var lines = new List<string>();
        string caseName = $"case {vectorCase.Id}";
        using var runner = new CaseRunner(keys);
        foreach (var setup in vectorCase.Servers)
        {
            string where = $"{caseName} server {setup.Name}";
            try { runner.AddServer(setup, new ScriptedSources(setup, where), where); }
            catch (ScriptMismatchException e)
            {
                lines.Add($"{where}: constructionRandom: this implementation asked for {e.Message}; the rest of the case is skipped");
                return lines;
            }
        }
        foreach (var step in vectorCase.Steps)
        {
            string where = $"{caseName} step {step.Index} ({step.Action} at {step.Server}, clock {step.Clock.ToString(CultureInfo.InvariantCulture)})";
            var request = new StepRequest(step.Action, step.Server, step.Clock, step.Peer,
                step.Message == null ? null : VectorJson.Bytes(step.Message, where + " message"),
                step.HostId == null ? null : VectorJson.Bytes(step.HostId, where + " hostId"));
            StepResult result;
            try { result = runner.Run(request, step.Injected, where); }
            catch (ScriptMismatchException e)
            {
                lines.Add($"{where}: injected values: this implementation asked for {e.Message}; the rest of the case is skipped");
                return lines;
            }
            observe?.Invoke(step, result.Observed);
            if (result.SourceProblem != null) lines.Add($"{where}: injected values: {result.SourceProblem}");
            lines.AddRange(StepComparer.Compare(step.Expected, result.Observed).Select(m => $"{where}: {m}"));
        }
        return lines;
    }
}
