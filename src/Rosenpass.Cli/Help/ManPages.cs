using System.CommandLine;
using System.Text;

namespace Rosenpass.Cli.Help;

/// <summary>
/// <c>rosenpass --generate-manpage DIR</c>: roff man pages rendered from the command tree itself, so they say what
/// <c>--help</c> says. Like upstream (clap_mangen), one page per command: <c>rosenpass.1</c> for the program and
/// <c>rosenpass-NAME.1</c> for each visible subcommand (nested: <c>rosenpass-vectors-check.1</c>). Hidden commands
/// and options (such as the deprecated <c>keygen</c>) get no page and no line.
/// </summary>
public static class ManPages
{
    /// <summary>Writes the pages into <paramref name="directory"/> (created if missing) and returns their paths.</summary>
    public static IReadOnlyList<string> Write(RootCommand root, string directory, string version)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var (name, command) in Pages("rosenpass", root))
        {
            string path = Path.Combine(directory, name + ".1");
            File.WriteAllText(path, Render(name, command, version, command == root));
            written.Add(path);
        }
        return written;
    }

    /// <summary>Each visible command with its page name, the program first.</summary>
    private static IEnumerable<(string Name, Command Command)> Pages(string name, Command command)
    {
        yield return (name, command);
        foreach (var sub in Visible(command.Subcommands))
            foreach (var page in Pages($"{name}-{sub.Name}", sub)) yield return page;
    }

    /// <summary>The roff text of one page.</summary>
    public static string Render(string name, Command command, string version, bool isProgram)
    {
        var roff = new StringBuilder();
        roff.Append(".TH ").Append(name.ToUpperInvariant()).Append(" 1 \"\" \"rosenpass ").Append(Escape(version)).Append("\"\n");
        roff.Append(".SH NAME\n").Append(Escape(name)).Append(" \\- ").Append(Escape(FirstSentence(command.Description))).Append('\n');
        roff.Append(".SH SYNOPSIS\n").Append(Synopsis(name, command)).Append('\n');
        if (command.Description is { Length: > 0 } description)
            roff.Append(".SH DESCRIPTION\n").Append(Escape(description)).Append('\n');
        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        if (arguments.Count > 0)
        {
            roff.Append(".SH ARGUMENTS\n");
            foreach (var argument in arguments)
                roff.Append(".TP\n\\fI").Append(Escape(argument.Name)).Append("\\fR\n").Append(Escape(argument.Description ?? "")).Append('\n');
        }
        var options = Visible(command.Options).ToList();
        if (options.Count > 0)
        {
            roff.Append(".SH OPTIONS\n");
            foreach (var option in options)
                roff.Append(".TP\n").Append(OptionLine(option)).Append('\n').Append(Escape(option.Description ?? "")).Append('\n');
        }
        var subcommands = Visible(command.Subcommands).ToList();
        if (subcommands.Count > 0)
        {
            roff.Append(".SH SUBCOMMANDS\n");
            foreach (var sub in subcommands)
                roff.Append(".TP\n\\fB").Append(Escape($"{name}-{sub.Name}")).Append("\\fR(1)\n").Append(Escape(sub.Description ?? "")).Append('\n');
        }
        if (isProgram)
        {
            roff.Append(".SH EXIT STATUS\n")
                .Append("0 on success; 1 when the command failed (one error line on stderr); 2 for a usage error.\n")
                .Append(".SH SEE ALSO\n\\fBwg\\fR(8), \\fBwg\\-quick\\fR(8), https://rosenpass.eu/\n");
        }
        return roff.ToString();
    }

    private static string Synopsis(string name, Command command)
    {
        var line = new StringBuilder("\\fB").Append(Escape(name.Replace('-', ' '))).Append("\\fR");
        if (Visible(command.Options).Any()) line.Append(" [\\fIOPTIONS\\fR]");
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            string text = "\\fI" + Escape(argument.Name) + "\\fR" + (argument.Arity.MaximumNumberOfValues > 1 ? "..." : "");
            line.Append(' ').Append(argument.Arity.MinimumNumberOfValues == 0 ? $"[{text}]" : text);
        }
        if (command.Subcommands.Any(s => !s.Hidden)) line.Append(" [\\fICOMMAND\\fR]");
        return line.ToString();
    }

    private static string OptionLine(Option option)
    {
        var names = new[] { option.Name }.Concat(option.Aliases).OrderBy(n => n.Length).Select(n => "\\fB" + Escape(n) + "\\fR");
        string line = string.Join(", ", names);
        bool takesValue = option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool);
        return takesValue ? $"{line} \\fI{Escape(option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant())}\\fR" : line;
    }

    private static IEnumerable<T> Visible<T>(IEnumerable<T> symbols) where T : Symbol => symbols.Where(s => !s.Hidden);

    private static string FirstSentence(string? text) => (text ?? "").Split('\n')[0];

    /// <summary>roff escaping: backslashes, hyphens (so they stay ASCII hyphens), and a leading dot or quote.</summary>
    internal static string Escape(string text)
    {
        string escaped = text.Replace("\\", "\\e").Replace("-", "\\-");
        return escaped.Length > 0 && (escaped[0] == '.' || escaped[0] == '\'') ? "\\&" + escaped : escaped;
    }
}
