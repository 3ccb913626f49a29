namespace Rosenpass.Reference.Vectors;

/// <summary>
/// The two commands of <c>rosenpass vectors</c>, as plain functions returning exit codes: 0 success, 1 a mismatch
/// (or a generation failure), 2 unreadable input. Each writes human-readable lines to <c>output</c>.
/// </summary>
public static class VectorsTool
{
    public const int Success = 0, Mismatch = 1, BadInput = 2;

    /// <summary><c>rosenpass vectors generate --out DIR</c>: writes keys.json and every family's file into <paramref name="outDir"/>.</summary>
    public static int Generate(string outDir, TextWriter output)
    {
        try
        {
            var written = VectorGenerator.Generate(outDir, output);
            output.WriteLine($"wrote {written.Count} files to {outDir}");
            return Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            output.WriteLine($"error: cannot write to {outDir}: {e.Message}");
            return BadInput;
        }
        catch (InvalidOperationException e)
        {
            // A scenario and the implementation disagree (e.g. another rejection kind than stated): no vectors from that.
            output.WriteLine($"error: {e.Message}");
            return Mismatch;
        }
    }

    /// <summary>
    /// <c>rosenpass vectors check PATH...</c>: files or folders; <c>.json</c> files are ours (keys.json and schema.json in a
    /// folder are skipped), <c>.toml</c> files upstream's assert_tv vectors (offloaded values beside them). One line per
    /// mismatch, then a summary.
    /// </summary>
    public static int Check(IReadOnlyList<string> paths, TextWriter output)
    {
        int files = 0, cases = 0, mismatches = 0, errors = 0;
        foreach (string path in Expand(paths, output, ref errors))
        {
            try
            {
                IReadOnlyList<string> lines;
                if (path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase))
                {
                    lines = UpstreamVectorReplay.Check(AssertTvFile.Load(path)).Select(l => $"{path}: {l}").ToList();
                    cases++;
                }
                else
                {
                    var result = VectorChecker.CheckFile(path);
                    lines = result.Mismatches;
                    cases += result.Cases;
                }
                foreach (var line in lines) output.WriteLine(line);
                mismatches += lines.Count;
                files++;
            }
            catch (InputFormatException e)
            {
                output.WriteLine($"error: {e.Message}");
                errors++;
            }
        }
        output.WriteLine($"checked {files} file(s), {cases} case(s): {mismatches} mismatch(es), {errors} unreadable input(s)");
        if (errors > 0) return BadInput;
        return mismatches > 0 ? Mismatch : Success;
    }

    /// <summary>The files to check: given files as they are, folders searched recursively for vector files.</summary>
    private static List<string> Expand(IReadOnlyList<string> paths, TextWriter output, ref int errors)
    {
        var result = new List<string>();
        if (paths.Count == 0)
        {
            output.WriteLine("error: no path given");
            errors++;
        }
        foreach (string path in paths)
        {
            if (File.Exists(path)) result.Add(path);
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsVectorFileName).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    output.WriteLine($"error: {path}: no vector files (.json or .toml) in this folder");
                    errors++;
                }
                result.AddRange(found);
            }
            else
            {
                output.WriteLine($"error: {path}: no such file or folder");
                errors++;
            }
        }
        return result;
    }

    private static bool IsVectorFileName(string path)
    {
        string name = Path.GetFileName(path);
        if (name.EndsWith(".toml", StringComparison.OrdinalIgnoreCase)) return true;
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && name != VectorGenerator.KeysFileName && name != "schema.json";
    }
}
