using System.CommandLine;
using System.Reflection;
using Rosenpass.Cli.Commands;
using Rosenpass.Cli.Help;
using Rosenpass.Cli.Logging;

namespace Rosenpass.Cli;

/// <summary>
/// The <c>rosenpass</c> command line (upstream-facts §3.1): global <c>--log-level</c>, <c>-v</c>, <c>-q</c> (at most
/// one of them, as upstream's clap group), <c>--help</c>, <c>--version</c>/<c>-V</c>, <c>--generate-manpage DIR</c>,
/// <c>--print-completions SHELL</c>, and the subcommands of <see cref="CommandRegistry"/>.
/// </summary>
public static class RosenpassCli
{
    /// <summary>Upstream's exit code for usage errors and for help shown because arguments were missing (clap).</summary>
    public const int UsageError = 2;

    private static readonly Option<string?> LogLevelOption = new("--log-level")
    {
        Description = "Log level: off, error, warn, info, debug or trace (default: RUST_LOG, else error)",
        Recursive = true,
    };

    private static readonly Option<bool> VerboseOption = new("--verbose", "-v") { Description = "Log at info level", Recursive = true };

    private static readonly Option<bool> QuietOption = new("--quiet", "-q") { Description = "Log warnings and errors only", Recursive = true };

    private static readonly Option<bool> VersionOption = new("--version", "-V") { Description = "Print the version" };

    private static readonly Option<string?> ManPageOption = new("--generate-manpage")
    {
        Description = "Write man pages (rosenpass.1 and one per subcommand) into this folder and exit",
        HelpName = "out_dir",
    };

    private static readonly Option<string?> CompletionsOption = new("--print-completions")
    {
        Description = "Print a completion script for this shell (bash, zsh or fish) and exit",
        HelpName = "shell",
    };

    /// <summary>Upstream puts these three in one clap group: naming two of them is a usage error.</summary>
    private static readonly Option[] LogLevelGroup = [LogLevelOption, VerboseOption, QuietOption];

    public static int Run(string[] args)
    {
        var root = Build();
        var parse = root.Parse(args);
        Log.Level = ChosenLevel(parse);
        var errors = parse.Action is System.CommandLine.Invocation.ParseErrorAction ? parse.Errors.Select(e => e.Message).ToList() : [];
        if (LogLevelConflict(parse) is { } conflict) errors.Add(conflict);
        if (errors.Count > 0)
        {
            // Like clap: the problems, a hint, and exit code 2 (upstream-facts §3.10).
            foreach (var error in errors) Console.Error.WriteLine($"error: {error}");
            Console.Error.WriteLine("For more information, try '--help'.");
            return UsageError;
        }
        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("Rosenpass: post-quantum secure key exchange for WireGuard (C# reference implementation)");
        foreach (var option in root.Options.Where(o => o is System.CommandLine.VersionOption).ToList()) root.Options.Remove(option);
        LogLevelOption.AcceptOnlyFromAmong(LogLevelParser.Names);
        CompletionsOption.AcceptOnlyFromAmong([.. CompletionScripts.Shells]);
        root.Add(LogLevelOption);
        root.Add(VerboseOption);
        root.Add(QuietOption);
        root.Add(VersionOption);
        root.Add(ManPageOption);
        root.Add(CompletionsOption);
        foreach (var command in CommandRegistry.All) root.Add(command.Build());
        root.Add(Rosenpass.Conformance.ConformanceCommand.Build());
        root.SetAction(parse =>
        {
            if (parse.GetValue(VersionOption))
            {
                Console.Out.WriteLine($"rosenpass {Version}");
                return 0;
            }
            if (parse.GetValue(CompletionsOption) is { } shell)
            {
                Console.Out.Write(CompletionScripts.For(shell));
                return 0;
            }
            if (parse.GetValue(ManPageOption) is { } folder)
            {
                return CommandRunner.Run(() =>
                {
                    ManPages.Write(root, folder, Version);
                    return 0;
                });
            }
            new System.CommandLine.Help.HelpAction().Invoke(parse);
            return UsageError;
        });
        return root;
    }

    /// <summary>The clap-style message when more than one of --log-level, -v and -q is given, else null.</summary>
    private static string? LogLevelConflict(ParseResult parse)
    {
        var given = LogLevelGroup.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => $"'{o.Name}'").ToList();
        return given.Count > 1 ? $"the argument {given[0]} cannot be used with {given[1]}" : null;
    }

    /// <summary>The command line's level wins over RUST_LOG; with neither, errors only (upstream-facts §3.10).</summary>
    private static LogLevel ChosenLevel(ParseResult parse)
    {
        if (LogLevelParser.Parse(parse.GetValue(LogLevelOption)) is { } level) return level;
        if (parse.GetValue(VerboseOption)) return LogLevel.Info;
        if (parse.GetValue(QuietOption)) return LogLevel.Warn;
        return LogLevelParser.FromRustLog(Environment.GetEnvironmentVariable("RUST_LOG")) ?? LogLevel.Error;
    }

    private static string Version =>
        typeof(RosenpassCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
