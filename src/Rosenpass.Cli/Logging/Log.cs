namespace Rosenpass.Cli.Logging;

/// <summary>
/// A tiny stderr logger in env_logger's spirit (upstream-facts §3.10): errors only unless RUST_LOG or
/// <c>--log-level</c>/<c>-v</c>/<c>-q</c> say otherwise. Never pass it a secret.
/// </summary>
public static class Log
{
    private static readonly object Gate = new();

    /// <summary>The most verbose level that is printed.</summary>
    public static LogLevel Level { get; set; } = LogLevel.Error;

    /// <summary>Where lines go; stderr unless a test redirects it.</summary>
    public static TextWriter Writer { get; set; } = Console.Error;

    public static bool IsEnabled(LogLevel level) => level != LogLevel.Off && level <= Level;

    public static void Error(string message) => Write(LogLevel.Error, message);

    public static void Warn(string message) => Write(LogLevel.Warn, message);

    public static void Info(string message) => Write(LogLevel.Info, message);

    public static void Debug(string message) => Write(LogLevel.Debug, message);

    private static void Write(LogLevel level, string message)
    {
        if (!IsEnabled(level)) return;
        string stamp = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        lock (Gate)
        {
            Writer.WriteLine($"[{stamp} {level.ToString().ToUpperInvariant()} rosenpass] {message}");
            Writer.Flush();
        }
    }
}
