using System.Globalization;
using System.Text;

namespace Rosenpass.Cli.Output;

/// <summary>
/// A string as Rust's <c>{:?}</c> prints a path: in double quotes, with <c>\"</c>, <c>\\</c>, <c>\n</c>,
/// <c>\r</c>, <c>\t</c>, <c>\0</c> and <c>\u{..}</c> for other control characters. Upstream prints outfile
/// paths this way in its stdout line (upstream-facts §3.5), and scripts parse it.
/// </summary>
public static class RustDebugString
{
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            text.Append(rune.Value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when Rune.IsControl(rune) => $"\\u{{{rune.Value.ToString("x", CultureInfo.InvariantCulture)}}}",
                _ => rune.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
