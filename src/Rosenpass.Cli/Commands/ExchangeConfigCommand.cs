using System.CommandLine;
using Rosenpass.Cli.Config;

namespace Rosenpass.Cli.Commands;

/// <summary><c>rosenpass exchange-config CONFIG_FILE</c>: run the daemon from a TOML configuration.</summary>
public sealed class ExchangeConfigCommand : ICliCommand
{
    public Command Build()
    {
        var file = new Argument<string>("CONFIG_FILE") { Description = "The TOML configuration (see gen-config)" };
        var command = new Command("exchange-config", "Start Rosenpass key exchanges from a configuration file") { file };
        command.SetAction(parse => CommandRunner.Run(() => Daemon.Run(ConfigLoader.Load(parse.GetRequiredValue(file)))));
        return command;
    }
}
