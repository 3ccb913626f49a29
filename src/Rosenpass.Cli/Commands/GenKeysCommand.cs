using System.CommandLine;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Keys;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Commands;

/// <summary>
/// <c>rosenpass gen-keys [CONFIG_FILE] [-p PUBLIC] [-s SECRET] [-f]</c>: a new McEliece key pair, written to the
/// paths the config names (public_key, secret_key) or the flags name. Existing files stay unless <c>-f</c>.
/// </summary>
public sealed class GenKeysCommand : ICliCommand
{
    public Command Build()
    {
        var file = new Argument<string?>("CONFIG_FILE") { Description = "Take the key paths from this config", Arity = ArgumentArity.ZeroOrOne };
        var publicKey = new Option<string?>("--public-key", "-p") { Description = "Where to write the public key" };
        var secretKey = new Option<string?>("--secret-key", "-s") { Description = "Where to write the secret key (mode 0600)" };
        var force = new Option<bool>("--force", "-f") { Description = "Overwrite existing key files" };
        var command = new Command("gen-keys", "Generate a Rosenpass key pair") { file, publicKey, secretKey, force };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var config = parse.GetValue(file) is { } path ? ConfigLoader.Load(path) : null;
            string pk = parse.GetValue(publicKey) ?? config?.PublicKey
                ?? throw new InputFormatException("gen-keys", "no public key path: give a config file with public_key, or --public-key");
            string sk = parse.GetValue(secretKey) ?? config?.SecretKey
                ?? throw new InputFormatException("gen-keys", "no secret key path: give a config file with secret_key, or --secret-key");
            KeyFiles.GenerateKeyPair(pk, sk, parse.GetValue(force));
            return 0;
        }));
        return command;
    }
}
