using System.Text;
using System.Text.RegularExpressions;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;
using Rosenpass.Reference.Teaching;

namespace Rosenpass.Reference.Tests.Docs;

/// <summary>
/// The Graphviz sources of docs/diagrams/, generated from the code: the message sequence from the step catalog and
/// the message sizes, the key-derivation tree from the label tree in Labels.cs. docs/diagrams/render.sh turns them
/// into the checked-in SVGs.
/// </summary>
public static partial class Diagrams
{
    /// <summary>handshake.dot: who sends what, and the steps each side runs (spec §6).</summary>
    public static string Handshake()
    {
        var dot = Header("handshake", "Rosenpass handshake (spec §6): message sequence and steps");
        dot.Append("  node [shape=box, style=rounded];\n");
        dot.Append("  initiator [shape=plaintext, fontsize=14, label=\"Initiator\"];\n");
        dot.Append("  responder [shape=plaintext, fontsize=14, label=\"Responder\"];\n");
        var phases = StepCatalog.Steps.GroupBy(s => s.Section).ToList();
        string[] messages = ["InitHello", "RespHello", "InitConf", "EmptyData"];
        for (int i = 0; i < phases.Count; i++)
        {
            var label = new StringBuilder($"§{phases[i].Key}\\l");
            foreach (var step in phases[i]) label.Append($"{step.Name}  {Escape(step.Operation)}\\l");
            dot.Append($"  p{i} [label=\"{label}\"];\n");
        }
        dot.Append("  p4 [label=\"§6.5\\lcheck EmptyData: mac, ctr, auth under tkr\\ldrop the handshake\\l\"];\n");
        dot.Append("  { rank=same; initiator; responder; }\n");
        dot.Append("  initiator -> p0 -> p2 -> p4 [style=invis, weight=10];\n  responder -> p1 -> p3 [style=invis, weight=10];\n");
        for (int i = 0; i < messages.Length; i++)
        {
            var type = Enum.Parse<MessageType>(messages[i]);
            dot.Append($"  p{i} -> p{i + 1} [label=\"{messages[i]}\\n{MessageParser.LengthOf(type)} bytes, §{StepCatalog.MessageSection(messages[i])}\", constraint=true];\n");
        }
        dot.Append("  p2 -> key_i [style=dashed, arrowhead=none];\n  key_i [shape=note, label=\"key event: osk (ICI7)\"];\n");
        dot.Append("  p3 -> key_r [style=dashed, arrowhead=none];\n  key_r [shape=note, label=\"key event: osk (ICR7)\"];\n");
        return dot.Append("}\n").ToString();
    }

    /// <summary>key-derivation.dot: the label tree of Labels.cs (spec §3.2), and what the chaining key derives (spec §4).</summary>
    public static string KeyDerivation()
    {
        var dot = Header("key_derivation", "Rosenpass key derivation (spec §3.2, §4): the label tree and the keys drawn from ck");
        dot.Append("  rankdir=LR;\n  node [shape=box];\n");
        dot.Append("  zero [label=\"zero\\n32 zero bytes\"];\n");
        foreach (var (property, parent, label, section) in LabelTree())
        {
            string value = Convert.ToHexStringLower(((HashDomain)typeof(Labels).GetProperty(property)!.GetValue(Labels.V03)!).Value[..8]);
            string shown = property == "Protocol" ? "PROTOCOL string" : $"\\\"{label}\\\"";
            dot.Append($"  {property} [label=\"{shown}\\n{property}{(section == null ? "" : $" (§{section})")}\\nV03: {value}…\"];\n");
            dot.Append($"  {(parent ?? "zero")} -> {property};\n");
        }
        dot.Append("  ck [shape=ellipse, label=\"ck\\nchaining key (§4)\"];\n");
        dot.Append("  CkInit -> ck [style=dashed, label=\"init(spkr) §4.1\"];\n");
        foreach (var (from, key, what) in CkUses)
        {
            dot.Append($"  {key} [shape=ellipse, label=\"{what}\"];\n  ck -> {key} [style=dashed];\n  {from} -> {key} [style=dotted, arrowhead=none];\n");
        }
        return dot.Append("}\n").ToString();
    }

    /// <summary>The keys computed from ck with a label value as key material (spec §4.2-§4.6).</summary>
    private static readonly (string Label, string Key, string What)[] CkUses =
    [
        ("CkMix", "mix_key", "mix: ck = KH(KH(ck, mix), d) §4.2"),
        ("HsEnc", "hs_key", "k = KH(ck, hs_enc) §4.3"),
        ("IniEnc", "tki", "tki = KH(ck, ini_enc) §4.5"),
        ("ResEnc", "tkr", "tkr = KH(ck, res_enc) §4.5"),
        ("WireGuardPskOsk", "osk", "osk = KH(ck, wireguard psk) §4.6"),
    ];

    /// <summary>
    /// The label tree as Labels.cs builds it: (property, parent property or null for the root, label, spec section),
    /// read from lines such as <c>Mac = Protocol.Mix("mac");</c> and the "(spec §N.M)" of each property's summary.
    /// </summary>
    public static IReadOnlyList<(string Property, string? Parent, string Label, string? Section)> LabelTree()
    {
        string source = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "Rosenpass.Reference", "Crypto", "Labels.cs"));
        var sections = PropertySection().Matches(source).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        var tree = new List<(string, string?, string, string?)> { ("Protocol", null, "PROTOCOL", "3.2") };
        foreach (Match m in Assignment().Matches(source))
            tree.Add((m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, sections.GetValueOrDefault(m.Groups[1].Value)));
        return tree;
    }

    private static StringBuilder Header(string name, string title) =>
        new StringBuilder($"// Generated by tests/Rosenpass.Reference.Tests/Docs/Diagrams.cs; do not edit. Regenerate: {WalkthroughTool.RegenerateCommand},\n")
            .Append("// then render the SVG: bash docs/diagrams/render.sh\n")
            .Append($"digraph {name} {{\n  label=\"{title}\";\n  labelloc=t;\n  fontname=\"Helvetica\";\n")
            .Append("  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    [GeneratedRegex(@"^\s+(\w+) = (\w+)\.Mix\(""([^""]+)""\);", RegexOptions.Multiline)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\(spec §(\d+\.\d+)\)[^\n]*\n\s+public HashDomain (\w+)")]
    private static partial Regex PropertySection();
}
