using System.CommandLine;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Keys;
using Rosenpass.Cli.Output;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Commands;

/// <summary>
/// <c>rosenpass exchange [-c FILE [-f]] public-key P secret-key S [listen A]... [verbose] [peer ...]...</c>: run the
/// daemon from arguments (grammar in <see cref="ExchangeArguments"/>); <c>-c</c> first saves them as a config file,
/// once they have passed every check. An existing file is replaced only with <c>--force</c>, and never a file the
/// configuration itself reads or writes (a key, a psk, an outfile).
/// </summary>
public sealed class ExchangeCommand : ICliCommand
{
    public Command Build()
    {
        var save = new Option<string?>("--config-file", "-c") { Description = "Save the configuration given here to this TOML file first" };
        var force = new Option<bool>("--force", "-f") { Description = "With -c: replace the file if it exists" };
        var tokens = new Argument<string[]>("ARGS")
        {
            Description = "public-key <P> secret-key <S> [listen <ADDR:PORT>]... [verbose] " +
                          "[peer public-key <P> [endpoint <HOST:PORT>] [preshared-key <F>] [outfile <F>] [wireguard <DEV> <PEER> [EXTRA...]]]...",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("exchange", "Start Rosenpass key exchanges configured by arguments") { save, force, tokens };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var config = ExchangeArguments.Parse(parse.GetRequiredValue(tokens));
            ConfigValidator.Ensure(config);
            if (parse.GetValue(save) is { } path) Save(config, path, parse.GetValue(force));
            return Daemon.Run(config, alreadyChecked: true);
        }));
        return command;
    }

    private static void Save(RosenpassConfig config, string path, bool force)
    {
        string target = AtomicFile.FullPath(path);
        foreach (var (name, file) in ConfigValidator.KeyFilesOf(config).Concat(config.Peers.Select((p, i) => ($"peers[{i}] outfile", p.KeyOut))))
        {
            if (file != null && (ConfigValidator.SamePath(file, target) || AtomicFile.FullPath(file) == target))
                throw new InputFormatException(path, $"--config-file names the {name.Replace('_', '-')} file; refusing to overwrite it");
        }
        if (!force && (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget != null))
            throw new InputFormatException(path, $"config file {RustDebugString.Quote(path)} already exists (use --force to overwrite)");
        SafeFile.Write(path, System.Text.Encoding.UTF8.GetBytes(ConfigWriter.ToToml(config)),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, replace: force);
    }
}
