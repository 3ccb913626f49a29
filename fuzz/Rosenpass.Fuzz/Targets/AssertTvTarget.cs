using System.Text;
using Rosenpass.Reference;
using Rosenpass.Reference.Vectors;

namespace Rosenpass.Fuzz.Targets;

/// <summary>
/// AssertTvFile.Parse, upstream's vector format. The input is the TOML text, then a zero byte, then the bytes
/// handed back for any offloaded value (a zstd file of a JSON base64 string), so both the TOML and the
/// offloaded path are fuzzed. Only InputFormatException is an expected failure.
/// </summary>
public static class AssertTvTarget
{
    public static FuzzTarget Target { get; } = new("assert-tv", "AssertTvFile.Parse: TOML text + offloaded zstd value",
        Run, Seeds.AssertTvFiles);

    private static void Run(byte[] input)
    {
        int split = Array.IndexOf(input, (byte)0);
        string text = Encoding.UTF8.GetString(input, 0, split < 0 ? input.Length : split);
        byte[] offloaded = split < 0 ? [] : input[(split + 1)..];
        try
        {
            var entries = AssertTvFile.Parse(text, "fuzz input", _ => offloaded);
            foreach (var entry in entries)
            {
                if (!entry.IsConst && !entry.IsOutput) throw new PropertyViolatedException($"entry kind '{entry.Kind}' accepted");
            }
        }
        catch (InputFormatException)
        {
            // The one expected failure: a typed, one-line error.
        }
    }
}
