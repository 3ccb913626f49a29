using System.Net;
using Rosenpass.Reference.Teaching;

namespace Rosenpass.Reference.Tests.Docs;

/// <summary>
/// docs/diagrams/*.dot are generated from the code and must be current; the SVGs beside them are rendered from the
/// .dot files (bash docs/diagrams/render.sh, needs Graphviz) and must show every step and label the sources name.
/// </summary>
public class DiagramTests
{
    [Fact]
    public void Handshake_dot_is_current() => GeneratedFile.AssertCurrent(Path.Combine("docs", "diagrams", "handshake.dot"), Diagrams.Handshake());

    [Fact]
    public void Key_derivation_dot_is_current() =>
        GeneratedFile.AssertCurrent(Path.Combine("docs", "diagrams", "key-derivation.dot"), Diagrams.KeyDerivation());

    [Fact]
    public void The_label_tree_read_from_Labels_cs_has_every_label_of_spec_3_2()
    {
        var labels = Diagrams.LabelTree().Select(l => l.Label).ToList();
        string[] spec = ["mac", "cookie", "cookie-value", "cookie-key", "peer id", "biscuit additional data", "chaining key init",
            "chaining key extract", "mix", "handshake encryption", "initiator handshake encryption", "responder handshake encryption",
            "user", "rosenpass.eu", "wireguard psk"];
        Assert.Equal(spec.Order(), labels.Where(l => l != "PROTOCOL").Order());
        string tree = File.ReadAllText(Path.Combine(Spec.SpecText.Folder, "03-hash-domains.md"));
        foreach (string label in spec) Assert.Contains($"\"{label}\"", tree);
    }

    [Fact]
    public void The_handshake_svg_shows_every_step_and_message()
    {
        string svg = Svg("handshake.svg");
        foreach (var step in StepCatalog.Steps) Assert.Contains(step.Name, svg);
        foreach (string message in new[] { "InitHello", "RespHello", "InitConf", "EmptyData" }) Assert.Contains(message, svg);
    }

    [Fact]
    public void The_key_derivation_svg_shows_every_label()
    {
        string svg = Svg("key-derivation.svg");
        foreach (var (property, _, label, _) in Diagrams.LabelTree())
        {
            Assert.Contains(property, svg);
            if (property != "Protocol") Assert.Contains($"\"{label}\"", svg);
        }
    }

    private static string Svg(string name)
    {
        string path = Path.Combine(TestPaths.RepoRoot, "docs", "diagrams", name);
        Assert.True(File.Exists(path), $"docs/diagrams/{name} is missing: run bash docs/diagrams/render.sh (needs graphviz)");
        return WebUtility.HtmlDecode(File.ReadAllText(path));
    }
}
