using System.CommandLine;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Output;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Commands;

/// <summary>
/// <c>rosenpass validate FILE...</c>: upstream's messages on stderr for each file (upstream-facts §3.1), and like
/// upstream it always exits 0. Every logical problem gets its own line, not only the first.
/// </summary>
public sealed class ValidateCommand : ICliCommand
{
    public Command Build()
    {
        var files = new Argument<string[]>("CONFIG_FILES") { Description = "Configuration files to check", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check configuration files") { files };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            foreach (var file in parse.GetRequiredValue(files)) Validate(file, Console.Error);
            return 0;
        }));
        return command;
    }

    public static void Validate(string file, TextWriter report)
    {
        string name = RustDebugString.Quote(file);
        RosenpassConfig config;
        try
        {
            config = ConfigLoader.Load(file);
        }
        catch (InputFormatException e)
        {
            report.WriteLine($"{name} is not valid: {e.Message}");
            return;
        }
        report.WriteLine($"{name} is valid TOML and conforms to the expected schema");
        var problems = ConfigValidator.Problems(config);
        if (problems.Count == 0) report.WriteLine($"{name} has passed all logical checks");
        foreach (var problem in problems) report.WriteLine($"{name} contains logical errors: '{problem.Message}'");
    }
}
