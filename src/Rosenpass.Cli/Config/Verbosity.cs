namespace Rosenpass.Cli.Config;

/// <summary>The config's <c>verbosity</c> (upstream-facts §3.3): Verbose turns on key-event and message-error logs.</summary>
public enum Verbosity
{
    Quiet,
    Verbose,
}
