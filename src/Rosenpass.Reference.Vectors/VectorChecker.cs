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

    /// <summary>Checks the vector file at <paramref name="path"/>. Unreadable input throws <see cref="InputFormatException"/>.</summary>
    public static FileResult CheckFile(string path)
    {
        var file = VectorJson.Load<VectorFile>(path);
        if (file.Format != VectorJson.FileFormat) throw new InputFormatException(path, $"format must be {VectorJson.FileFormat}, not '{file.Format}'");
        string keysPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", file.KeysFile);
        var keys = new KeyRing(VectorJson.Load<KeysFile>(keysPath), keysPath);
        var lines = new List<string>();
        if (file.NumberOfCases != file.Cases.Count) lines.Add($"{path}: numberOfCases is {file.NumberOfCases}, but there are {file.Cases.Count} cases");
        foreach (var vectorCase in file.Cases)
        {
            lines.AddRange(CheckCase(keys, vectorCase).Select(line => $"{path}: {line}"));
        }
        return new FileResult(lines, file.Cases.Count);
    }

    /// <summary>Replays one case; returns its mismatch lines ("case ID step N (...): entry: ...").</summary>
    internal static IReadOnlyList<string> CheckCase(KeyRing keys, VectorCase vectorCase)
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
            if (result.SourceProblem != null) lines.Add($"{where}: injected values: {result.SourceProblem}");
            lines.AddRange(StepComparer.Compare(step.Expected, result.Observed).Select(m => $"{where}: {m}"));
        }
        return lines;
    }
}
