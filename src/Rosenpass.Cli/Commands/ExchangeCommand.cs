using System.CommandLine;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Keys;

namespace Rosenpass.Cli.Commands;

/// <summary>
/// <c>rosenpass exchange [-c FILE] public-key P secret-key S [listen A]... [verbose] [peer ...]...</c>: run the
/// daemon from arguments (grammar in <see cref="ExchangeArguments"/>); <c>-c</c> first saves them as a config file.
/// </summary>
public sealed class ExchangeCommand : ICliCommand
{
    public Command Build()
    {
        var save = new Option<string?>("--config-file", "-c") { Description = "Save the configuration given here to this TOML file first" };
        var tokens = new Argument<string[]>("ARGS")
        {
            Description = "public-key <P> secret-key <S> [listen <ADDR:PORT>]... [verbose] " +
                          "[peer public-key <P> [endpoint <HOST:PORT>] [preshared-key <F>] [outfile <F>] [wireguard <DEV> <PEER> [EXTRA...]]]...",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("exchange", "Start Rosenpass key exchanges configured by arguments") { save, tokens };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var config = ExchangeArguments.Parse(parse.GetRequiredValue(tokens));
            if (parse.GetValue(save) is { } path)
                SafeFile.Write(path, System.Text.Encoding.UTF8.GetBytes(ConfigWriter.ToToml(config)), UnixFileMode.UserRead |
                    UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            return Daemon.Run(config);
        }));
        return command;
    }
}
