using Rosenpass.Reference.Vectors.Scenarios;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// Writes our vectors: keys.json (the static key pairs) and one file per scenario family. Everything is derived from
/// fixed seeds, so a second run writes the same bytes (vectors/README.md, "Regenerating and checking").
/// </summary>
public static class VectorGenerator
{
    /// <summary>A family of scenarios: one vector file.</summary>
    internal sealed record Family(string Name, string Description, Func<KeyRing, IEnumerable<VectorCase>> Generate);

    /// <summary>The families, in the order their files are written.</summary>
    internal static readonly Family[] Families =
    [
        new("handshake", HandshakeScenarios.Description, HandshakeScenarios.Generate),
        new("retransmission", RetransmissionScenarios.Description, RetransmissionScenarios.Generate),
        new("cookie", CookieScenarios.Description, CookieScenarios.Generate),
        new("rekey", RekeyScenarios.Description, RekeyScenarios.Generate),
        new("inithello-rejections", InitHelloRejections.Description, InitHelloRejections.Generate),
        new("resphello-rejections", RespHelloRejections.Description, RespHelloRejections.Generate),
        new("initconf-rejections", InitConfRejections.Description, InitConfRejections.Generate),
        new("emptydata-rejections", EmptyDataRejections.Description, EmptyDataRejections.Generate),
        new("cookiereply-rejections", CookieReplyRejections.Description, CookieReplyRejections.Generate),
    ];

    /// <summary>The name of the keys file inside the vectors folder.</summary>
    public const string KeysFileName = "keys.json";

    /// <summary>Generates every file into <paramref name="outDir"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> Generate(string outDir, TextWriter log)
    {
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        var keysFile = StaticKeys.Generate();
        written.Add(Write(outDir, KeysFileName, VectorJson.Serialize(keysFile)));
        var keys = new KeyRing(keysFile, KeysFileName);
        foreach (var family in Families)
        {
            var cases = family.Generate(keys).ToList();
            var file = new VectorFile
            {
                Format = VectorJson.FileFormat, Family = family.Name, Description = family.Description, KeysFile = KeysFileName,
                Flags = new SortedDictionary<string, string>(cases.SelectMany(c => c.Flags).Distinct()
                    .ToDictionary(f => f, f => Flags.Meanings[f]), StringComparer.Ordinal),
                NumberOfCases = cases.Count, Cases = cases,
            };
            written.Add(Write(outDir, family.Name + ".json", VectorJson.Serialize(file)));
            log.WriteLine($"{family.Name}.json: {cases.Count} cases");
        }
        return written;
    }

    private static string Write(string dir, string name, string text)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        return path;
    }
}
