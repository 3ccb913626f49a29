using System.Text;
using Rosenpass.Cli.Config;
using Rosenpass.Reference;

namespace Rosenpass.Fuzz.Targets;

/// <summary>
/// ConfigLoader.Parse, upstream's TOML configuration (src/Rosenpass.Cli). Only InputFormatException is an expected
/// failure; a configuration it accepts must name at least one listen address or peer field it read.
/// </summary>
public static class ConfigTarget
{
    public static FuzzTarget Target { get; } = new("config", "ConfigLoader.Parse: TOML configuration text",
        Run, Seeds.ConfigFiles);

    private static void Run(byte[] input)
    {
        try
        {
            var config = ConfigLoader.Parse(Encoding.UTF8.GetString(input), "fuzz input");
            if (config.Peers.Any(p => p.PublicKey is null))
                throw new PropertyViolatedException("an accepted peer has no public_key");
        }
        catch (InputFormatException)
        {
            // The one expected failure: a typed, one-line error.
        }
    }
}
