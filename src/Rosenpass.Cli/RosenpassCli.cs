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

    private static readonly Option<string?> LogLevelOption = CreateLogLevelOption();

    private static readonly Option<bool> VerboseOption = new("--verbose", "-v") { Description = "Log at info level", Recursive = true };

    private static readonly Option<bool> QuietOption = new("--quiet", "-q") { Description = "Log warnings and errors only", Recursive = true };

    private static readonly Option<bool> VersionOption = new("--version", "-V") { Description = "Print the version" };

    private static readonly Option<string?> ManPageOption = new("--generate-manpage")
    {
        Description = "Write man pages (rosenpass.1 and one per subcommand) into this folder and exit",
        HelpName = "out_dir",
    };

    private static readonly Option<string?> CompletionsOption = new Option<string?>("--print-completions")
    {
        Description = "Print a completion script for this shell (bash, zsh or fish) and exit",
        HelpName = "shell",
    }.AcceptOnlyFromAmong([.. CompletionScripts.Shells]);

    /// <summary>Upstream puts these three in one clap group: naming two of them is a usage error.</summary>
    private static readonly Option[] LogLevelGroup = [LogLevelOption, VerboseOption, QuietOption];

    public static int Run(string[] args)
    {
        var (parse, exitCode) = Prepare(Build(), args, Console.Error);
        return exitCode ?? parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    }

    /// <summary>
    /// Everything before a command runs: parses <paramref name="args"/> and, for a command line with errors, writes
    /// them to <paramref name="errors"/> and returns exit code 2; otherwise sets the log level and returns no exit
    /// code, leaving the command to be invoked. Never throws (the command-line fuzz target holds it to that).
    /// </summary>
    public static (ParseResult Parse, int? ExitCode) Prepare(RootCommand root, IReadOnlyList<string> args, TextWriter errors)
    {
        // No @file response files: upstream (clap) has none, and "@x" must stay an ordinary argument (the cli fuzz
        // target found "@." crashing the parser, which tried to read the folder "." as a response file).
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var problems = parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction
            ? parse.Errors.Select(e => e.Message).ToList()
            : [];
        if (LogLevelConflict(parse) is { } conflict) problems.Add(conflict);
        if (problems.Count > 0)
        {
            // Values of a command line with errors must not be read (System.CommandLine throws): no level to choose.
            // Like clap: the problems, a hint, and exit code 2 (upstream-facts §3.10).
            foreach (var problem in problems) errors.WriteLine($"error: {problem}");
            errors.WriteLine("For more information, try '--help'.");
            return (parse, UsageError);
        }
        try
        {
            Log.Level = ChosenLevel(parse);
        }
        catch (InvalidOperationException e)
        {
            // System.CommandLine reports some arity problems of recursive options (given again after the subcommand)
            // only when the value is read (found by the cli fuzz target): still a usage error, not a crash.
            errors.WriteLine($"error: {e.Message}");
            errors.WriteLine("For more information, try '--help'.");
            return (parse, UsageError);
        }
        return (parse, null);
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("Rosenpass: post-quantum secure key exchange for WireGuard (C# reference implementation)");
        foreach (var option in root.Options.Where(o => o is System.CommandLine.VersionOption).ToList()) root.Options.Remove(option);
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

    /// <summary>
    /// <c>--log-level</c> takes a level name in any case, as upstream's <c>log::LevelFilter</c> does ("INFO" too);
    /// anything else is a usage error naming the option, never an exception.
    /// </summary>
    private static Option<string?> CreateLogLevelOption()
    {
        var option = new Option<string?>("--log-level")
        {
            Description = "Log level: off, error, warn, info, debug or trace (default: RUST_LOG, else error)",
            Recursive = true,
        };
        option.Validators.Add(result =>
        {
            string? value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (result.Tokens.Count > 1)
                result.AddError("the argument '--log-level <LOG_LEVEL>' cannot be used multiple times");
            else if (LogLevelParser.Parse(value) is null)
                result.AddError($"invalid value '{value}' for '--log-level <LOG_LEVEL>': expected one of {string.Join(", ", LogLevelParser.Names)}");
        });
        return option;
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
