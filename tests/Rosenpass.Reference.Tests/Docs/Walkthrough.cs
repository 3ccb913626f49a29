using Rosenpass.Reference.Teaching;

namespace Rosenpass.Reference.Tests.Docs;

/// <summary>The walkthrough as the docs use it: generated from our V03 complete-handshake vector.</summary>
public static class Walkthrough
{
    public const string VectorFileName = "vectors/handshake.json", CaseId = "v03-handshake-psk";

    public static string VectorFile => Path.Combine(TestPaths.RepoRoot, "vectors", "handshake.json");

    private static readonly Lazy<WalkthroughInput> Input = new(Load);

    public static WalkthroughInput Values => Input.Value;

    public static string Generate() => WalkthroughTool.Render(Values);

    private static WalkthroughInput Load()
    {
        var (input, failure) = WalkthroughSources.FromVectorCase(VectorFile, CaseId, VectorFileName);
        Assert.True(input != null, $"the vector cannot be read: {failure}");
        return input!;
    }
}
