namespace Rosenpass.Cli.Logging;

/// <summary>Upstream's log levels (log::LevelFilter), most quiet first (upstream-facts §3.10).</summary>
public enum LogLevel
{
    Off,
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}
