namespace Rosenpass.Cli.Logging;

/// <summary>Reads a level name (off|error|warn|info|debug|trace) and the RUST_LOG variable.</summary>
public static class LogLevelParser
{
    public static readonly string[] Names = ["off", "error", "warn", "info", "debug", "trace"];

    /// <summary>The level named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static LogLevel? Parse(string? name) =>
        name?.Trim().ToLowerInvariant() switch
        {
            "off" => LogLevel.Off,
            "error" => LogLevel.Error,
            "warn" => LogLevel.Warn,
            "info" => LogLevel.Info,
            "debug" => LogLevel.Debug,
            "trace" => LogLevel.Trace,
            _ => null,
        };

    /// <summary>
    /// The level RUST_LOG asks for: a bare level ("info") or the directive for "rosenpass" in a list such as
    /// "warn,rosenpass=debug". Null when it names none (then the default, errors only, applies).
    /// </summary>
    public static LogLevel? FromRustLog(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        LogLevel? result = null;
        foreach (var directive in value.Split(','))
        {
            var parts = directive.Split('=', 2);
            if (parts.Length == 1) result = Parse(parts[0]) ?? result;
            else if (parts[0].Trim() == "rosenpass") return Parse(parts[1]) ?? result;
        }
        return result;
    }
}
