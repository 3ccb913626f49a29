using Rosenpass.Cli.Tests.Support;

namespace Rosenpass.Cli.Tests.EndToEnd;

/// <summary>The README's main-job command: <c>rosenpass demo</c> succeeds on its own and leaves nothing behind.</summary>
[Collection(EndToEndCollection.Name)]
public class DemoTests
{
    [Fact]
    public void Demo_exits_0_and_removes_its_folder()
    {
        using var folder = new TempFolder();
        var (code, stdout, stderr) = RosenpassProcess.Run(folder.Path, "demo");
        Assert.True(code == 0, $"demo failed: {string.Join(" | ", stdout.Concat(stderr))}");
        Assert.Contains(stdout, l => l.StartsWith("Success"));
        Assert.Equal(2, stdout.Count(l => l.StartsWith("output-key peer ") && l.EndsWith(" exchanged")));
        string removed = stdout.Last();
        Assert.StartsWith("Removed ", removed);
        Assert.False(Directory.Exists(removed["Removed ".Length..^1]));
        Assert.Empty(stderr);
    }
}
