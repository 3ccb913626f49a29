using System.CommandLine;
using Rosenpass.Cli.Keys;
using Rosenpass.Cli.Logging;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Commands;

/// <summary>
/// <c>rosenpass keygen public-key PATH private-key PATH</c>: upstream's deprecated, hidden spelling of
/// <c>gen-keys</c>, kept so that old scripts still work. Its arguments are key-word pairs, in any order;
/// <c>secret-key</c> is accepted for <c>private-key</c>. Unlike upstream, which overwrites, existing key files stay:
/// there is no <c>--force</c> here, so the new command must be used to replace keys.
/// </summary>
public sealed class KeygenCommand : ICliCommand
{
    public Command Build()
    {
        var words = new Argument<string[]>("ARGS") { Description = "public-key <PATH> private-key <PATH>", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("keygen", "Deprecated: use gen-keys") { words };
        command.Hidden = true;
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            Log.Warn("The 'keygen' command is deprecated. Please use the 'gen-keys' command instead.");
            var (publicKey, secretKey) = Paths(parse.GetValue(words) ?? []);
            KeyFiles.GenerateKeyPair(publicKey, secretKey, force: false);
            return 0;
        }));
        return command;
    }

    /// <summary>The two paths named by the key-word pairs; an unknown word or a missing path is an input error.</summary>
    internal static (string PublicKey, string SecretKey) Paths(IReadOnlyList<string> words)
    {
        string? publicKey = null, secretKey = null;
        for (int i = 0; i < words.Count; i += 2)
        {
            string? value = i + 1 < words.Count ? words[i + 1] : null;
            switch (words[i])
            {
                case "public-key" when value is not null: publicKey = value; break;
                case "private-key" or "secret-key" when value is not null: secretKey = value; break;
                default: throw new InputFormatException("keygen", $"unknown option `{words[i]}`");
            }
        }
        // Upstream's order of complaints: the secret key first.
        if (secretKey is null) throw new InputFormatException("keygen", "private-key is required");
        if (publicKey is null) throw new InputFormatException("keygen", "public-key is required");
        return (publicKey, secretKey);
    }
}
