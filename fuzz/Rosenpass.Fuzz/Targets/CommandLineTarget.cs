using System.CommandLine;
using System.Text;
using Rosenpass.Cli;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Logging;
using Rosenpass.Reference;

namespace Rosenpass.Fuzz.Targets;

/// <summary>
/// The command line (src/Rosenpass.Cli): the input's NUL-separated pieces are the arguments. Everything before a
/// command runs (<see cref="RosenpassCli.Prepare"/>: global options such as <c>--log-level</c>, subcommands, their
/// options) must either pass, or be a usage error with exit code 2 and at least one "error:" line; it must never
/// throw. The arguments of <c>exchange</c> then go through its own grammar (<see cref="ExchangeArguments"/>), whose only
/// expected failure is our typed error. No command is run: they would touch files, sockets and the clock.
/// </summary>
public static class CommandLineTarget
{
    public static FuzzTarget Target { get; } = new("cli", "RosenpassCli.Prepare and ExchangeArguments.Parse: NUL-separated arguments",
        Run, Seeds.CommandLines);

    /// <summary>Built once: the command tree is the same for every input.</summary>
    private static readonly Lazy<RootCommand> Root = new(RosenpassCli.Build);

    /// <summary>
    /// <c>listen</c> values as literal addresses only: the daemon resolves a name through DNS, which would make an
    /// input's time depend on the network (a CI run once reported three such inputs as hangs). The grammar is the same.
    /// </summary>
    private static IReadOnlyList<System.Net.IPEndPoint> LiteralAddressesOnly(string text, string input) =>
        SocketAddressParser.TryParse(text) is { } literal
            ? [literal]
            : throw new InputFormatException(input, $"\"{text}\" is not an address literal (the fuzz target resolves no names)");

    private static void Run(byte[] input)
    {
        string[] args = input.Length == 0 ? [] : Encoding.UTF8.GetString(input).Split('\0');
        var errors = new StringWriter();
        var level = Log.Level;
        try
        {
            var (parse, exitCode) = RosenpassCli.Prepare(Root.Value, args, errors);
            if (exitCode is { } code && (code != RosenpassCli.UsageError || !errors.ToString().StartsWith("error: ", StringComparison.Ordinal)))
                throw new PropertyViolatedException($"a refused command line gave exit code {code} and \"{errors}\"");
            if (exitCode is null && parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
                throw new PropertyViolatedException("a command line with parse errors was let through");
        }
        finally
        {
            Log.Level = level;
        }
        int exchange = Array.IndexOf(args, "exchange");
        if (exchange < 0) return;
        try
        {
            var config = ExchangeArguments.Parse(args[(exchange + 1)..], LiteralAddressesOnly);
            if (config.PublicKey is null || config.SecretKey is null) throw new PropertyViolatedException("exchange accepted without our key pair");
        }
        catch (InputFormatException)
        {
            // The one expected failure: a typed, one-line error.
        }
    }
}
