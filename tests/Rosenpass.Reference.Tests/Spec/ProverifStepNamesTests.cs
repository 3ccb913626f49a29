using System.Text.RegularExpressions;

namespace Rosenpass.Reference.Tests.Spec;

/// <summary>
/// The ProVerif models in proverif/*.pv and proverif/*.pvl name the handshake steps of spec §6
/// (IHI1..IHI8, IHR1..IHR8, RHR1..RHR7, RHI2..RHI7, ICI3..ICI7, ICR1..ICR7). Every step a model
/// names must exist in the protocol code, src/Rosenpass.Reference/Protocol/ (as a comment such as
/// <c>// IHI5:</c>), where the steps are executed: not in the teaching catalog or the vector tools, which
/// list every step anyway. <see cref="OperationTraceTests"/> checks their order and operations.
/// </summary>
public sealed class ProverifStepNamesTests
{
    private static readonly Regex StepName = new(@"\b(IHI|IHR|RHR|RHI|ICI|ICR)[0-9]\b", RegexOptions.CultureInvariant);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rosenpass.Reference.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName
            ?? throw new InvalidOperationException("Rosenpass.Reference.sln not found above " + AppContext.BaseDirectory);
    }

    private static SortedSet<string> StepsIn(IEnumerable<string> files)
    {
        var steps = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (Match m in StepName.Matches(File.ReadAllText(file)))
            {
                steps.Add(m.Value);
            }
        }

        return steps;
    }

    private static SortedSet<string> ModelSteps()
    {
        var dir = Path.Combine(RepoRoot(), "proverif");
        var files = Directory.GetFiles(dir, "*.pv").Concat(Directory.GetFiles(dir, "*.pvl"));
        return StepsIn(files);
    }

    [Fact]
    public void ModelsNameTheHandshakeSteps()
    {
        // Guards the test itself: if the models stopped naming steps, the check below would pass vacuously.
        var steps = ModelSteps();
        Assert.Contains("IHI1", steps);
        Assert.Contains("ICR7", steps);
        Assert.True(steps.Count >= 30, $"only {steps.Count} step names found in proverif/: {string.Join(", ", steps)}");
    }

    [Fact]
    public void EveryStepNamedInTheModelsExistsInTheProtocolCode()
    {
        var src = Path.Combine(RepoRoot(), "src", "Rosenpass.Reference", "Protocol");
        var codeFiles = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var inCode = StepsIn(codeFiles);
        var missing = ModelSteps().Where(s => !inCode.Contains(s)).ToList();
        Assert.True(missing.Count == 0,
            "handshake steps named in proverif/*.pv(l) but not found in src/Rosenpass.Reference/Protocol/**/*.cs: " + string.Join(", ", missing));
    }
}
