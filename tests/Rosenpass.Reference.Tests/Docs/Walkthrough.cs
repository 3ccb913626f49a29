using Rosenpass.Reference.Teaching;
using Rosenpass.Reference.Tests.Vectors;

namespace Rosenpass.Reference.Tests.Docs;

/// <summary>The walkthrough as the docs use it: generated from upstream's recorded V03 handshake.</summary>
public static class Walkthrough
{
    private static readonly Lazy<WalkthroughInput> Input = new(Load);

    public static WalkthroughInput Values => Input.Value;

    public static string Generate() => WalkthroughTool.Render(Values);

    private static WalkthroughInput Load()
    {
        var (input, failure) = WalkthroughSources.FromUpstreamVector(UpstreamVector.Entries, "crypto_server_test_vector_1.toml");
        Assert.True(input != null, $"the upstream vector does not replay: {failure}");
        return input!;
    }
}
