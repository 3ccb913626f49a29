using System.CommandLine;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Keys;
using Rosenpass.Cli.Output;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Commands;

/// <summary><c>rosenpass gen-config FILE [-f]</c>: write an example configuration.</summary>
public sealed class GenConfigCommand : ICliCommand
{
    public Command Build()
    {
        var file = new Argument<string>("CONFIG_FILE") { Description = "Where to write the example configuration" };
        var force = new Option<bool>("--force", "-f") { Description = "Overwrite the file if it exists" };
        var command = new Command("gen-config", "Generate an example configuration file") { file, force };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            string path = parse.GetRequiredValue(file);
            if (!parse.GetValue(force) && (File.Exists(path) || Directory.Exists(path)))
                throw new InputFormatException(path, $"config file {RustDebugString.Quote(path)} already exists (use --force to overwrite)");
            SafeFile.Write(path, System.Text.Encoding.UTF8.GetBytes(ExampleConfig.Text),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, replace: parse.GetValue(force));
            return 0;
        }));
        return command;
    }
}
