namespace Rosenpass.Reference.Vectors;

/// <summary>Replays primitives.json against this implementation: every output recomputed from the case's inputs and compared.</summary>
public static class PrimitiveChecker
{
    /// <summary>The file name the generator writes.</summary>
    public const string FileName = "primitives.json";

    /// <summary>Checks the primitives file at <paramref name="path"/>: one line per differing output.</summary>
    public static VectorChecker.FileResult CheckFile(string path)
    {
        var file = VectorJson.Load<PrimitivesFile>(path);
        if (file.Format != VectorJson.PrimitivesFormat)
            throw new InputFormatException(path, $"format must be {VectorJson.PrimitivesFormat}, not '{file.Format}'");
        var lines = new List<string>();
        if (file.NumberOfCases != file.Cases.Count) lines.Add($"{path}: numberOfCases is {file.NumberOfCases}, but there are {file.Cases.Count} cases");
        foreach (var c in file.Cases)
        {
            string where = $"{path}: case {c.Id} ({c.Primitive})";
            var computed = PrimitiveEvaluator.Complete(c, where);
            Compare(lines, where, "result", c.Result, computed.Result);
            Compare(lines, where, "output", c.Output, computed.Output);
            Compare(lines, where, "value", c.Value, computed.Value);
            Compare(lines, where, "ciphertext", c.Ciphertext, computed.Ciphertext);
            Compare(lines, where, "publicKey", c.PublicKey, computed.PublicKey);
            Compare(lines, where, "secretKey", c.SecretKey, computed.SecretKey);
            Compare(lines, where, "sharedKey", c.SharedKey, computed.SharedKey);
        }
        return new VectorChecker.FileResult(lines, file.Cases.Count);
    }

    private static void Compare(List<string> lines, string where, string field, string? expected, string? computed)
    {
        if (expected == computed) return;
        static string Short(string? hex) => hex == null ? "none" : hex.Length <= 32 ? hex : hex[..32] + "…";
        lines.Add($"{where}: {field}: expected {Short(expected)}, got {Short(computed)}");
    }
}
