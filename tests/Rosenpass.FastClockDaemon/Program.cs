using System.Globalization;
using Rosenpass.Cli.Commands;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Logging;

namespace Rosenpass.FastClockDaemon;

/// <summary>
/// <c>dotnet Rosenpass.FastClockDaemon.dll RATE [--log-level LEVEL] exchange-config CONFIG</c>: runs our daemon
/// (the same <see cref="Daemon"/> as <c>rosenpass exchange-config</c>) on a <see cref="ScaledClock"/> RATE times as
/// fast (1 to 60). Used by tests/Rosenpass.Cli.Tests (boot race through a rekey, a rekey under a flood).
/// </summary>
public static class Program
{
    private const string Usage = "usage: Rosenpass.FastClockDaemon RATE [--log-level LEVEL] exchange-config CONFIG";

    public static int Main(string[] args)
    {
        if (!TryParse(args, out double rate, out LogLevel level, out string config))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        Log.Level = level;
        return CommandRunner.Run(() => Daemon.Run(ConfigLoader.Load(config), clock: new ScaledClock(rate)));
    }

    private static bool TryParse(string[] args, out double rate, out LogLevel level, out string config)
    {
        level = LogLevel.Error;
        config = "";
        if (args.Length < 3 || !double.TryParse(args[0], NumberStyles.Float, CultureInfo.InvariantCulture, out rate) || rate is < 1 or > 60)
        {
            rate = 0;
            return false;
        }
        var rest = args[1..];
        if (rest is ["--log-level", var name, .. var tail])
        {
            if (LogLevelParser.Parse(name) is not { } parsed) return false;
            level = parsed;
            rest = tail;
        }
        if (rest is not ["exchange-config", var path]) return false;
        config = path;
        return true;
    }
}
