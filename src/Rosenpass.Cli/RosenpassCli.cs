using System.CommandLine;
using System.Reflection;
using Rosenpass.Cli.Commands;
using Rosenpass.Cli.Logging;

namespace Rosenpass.Cli;

/// <summary>
/// The <c>rosenpass</c> command line (upstream-facts §3.1): global <c>--log-level</c>, <c>-v</c>, <c>-q</c>,
/// <c>--help</c>, <c>--version</c>/<c>-V</c>, and the subcommands of <see cref="CommandRegistry"/>.
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

    public static int Run(string[] args)
    {
        var root = Build();
        var parse = root.Parse(args);
        Log.Level = ChosenLevel(parse);
        if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            // Like clap: the problems, a hint, and exit code 2 (upstream-facts §3.10).
            foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
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
        root.Add(LogLevelOption);
        root.Add(VerboseOption);
        root.Add(QuietOption);
        root.Add(VersionOption);
        foreach (var command in CommandRegistry.All) root.Add(command.Build());
        root.Add(Rosenpass.Conformance.ConformanceCommand.Build());
        root.SetAction(parse =>
        {
            if (parse.GetValue(VersionOption))
            {
                Console.Out.WriteLine($"rosenpass {Version}");
                return 0;
            }
            new System.CommandLine.Help.HelpAction().Invoke(parse);
            return UsageError;
        });
        return root;
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
