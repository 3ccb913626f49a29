using Rosenpass.Reference.Teaching;

namespace Rosenpass.Reference.Tests.Docs;

/// <summary>docs/steps.md: step name → spec section, code line, values. Generated; must stay current.</summary>
public class StepIndexTests
{
    [Fact]
    public void Docs_steps_md_is_current()
    {
        GeneratedFile.AssertCurrent(Path.Combine("docs", "steps.md"), StepIndex.Generate());
    }

    [Fact]
    public void Every_step_has_a_code_line_that_names_it()
    {
        foreach (var step in StepCatalog.Steps)
        {
            var (file, line) = StepIndex.CodeLocation(step.Name);
            string text = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, file))[line - 1];
            Assert.Contains($"{step.Name}:", text);
            Assert.Contains("//", text);
        }
    }

    [Fact]
    public void Anchors_follow_githubs_rule()
    {
        Assert.Equal("62-responder-handles-inithello-sends-resphello-ihr1-ihr8-rhr1-rhr7",
            StepIndex.Anchor("6.2 Responder handles InitHello, sends RespHello (IHR1-IHR8, RHR1-RHR7)"));
        Assert.Equal("../spec/06-handshake.md#61-initiator-sends-inithello-ihi1-ihi8", StepIndex.SpecLink("6.1").Split('(', ')')[1]);
    }
}
