using Rosenpass.Reference.Protocol.Messages;
using Rosenpass.Reference.Teaching;

namespace Rosenpass.Reference.Tests.Spec;

/// <summary>The field tables of spec §5.2-§5.5 list exactly the fields, offsets and lengths the message classes read.</summary>
public class SpecMessageLayoutTests
{
    [Theory]
    [InlineData(MessageType.InitHello, "5.2")]
    [InlineData(MessageType.RespHello, "5.3")]
    [InlineData(MessageType.InitConf, "5.4")]
    [InlineData(MessageType.EmptyData, "5.5")]
    public void The_spec_table_matches_the_code(MessageType type, string section)
    {
        var message = new byte[MessageParser.LengthOf(type)];
        message[0] = (byte)type;
        var inCode = MessageFields.Of(message)!.Select(f => $"`{f.Name}` | {f.Offset} | {f.Value.Length}").ToList();
        Assert.Equal(inCode, TableRows(section));
    }

    /// <summary>"`name` | offset | length" for every field row of the table in section <paramref name="section"/>.</summary>
    private static List<string> TableRows(string section)
    {
        var rows = new List<string>();
        string current = "";
        foreach (string line in File.ReadLines(SpecText.FileOfChapter("5")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) current = line.Split(' ')[1];
            if (line.StartsWith("### ", StringComparison.Ordinal)) current = "";
            if (current != section || !line.StartsWith("| `", StringComparison.Ordinal)) continue;
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            rows.Add($"{cells[1]} | {cells[2]} | {cells[3]}");
        }
        return rows;
    }
}
