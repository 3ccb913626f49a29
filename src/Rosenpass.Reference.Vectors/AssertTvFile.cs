using System.Text.Json;
using Tomlyn;
using Tomlyn.Model;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// Reads upstream's assert_tv vector files: a TOML list of <c>[[entries]]</c> whose <c>value</c> is
/// standard base64, or, with <c>offload = true</c>, stored beside the TOML file as
/// <c>&lt;file&gt;_offloaded_value_&lt;index&gt;.zstd</c>: zstd-compressed text holding a JSON string of base64.
/// Every malformed input ends in <see cref="InputFormatException"/>.
/// </summary>
public static class AssertTvFile
{
    /// <summary>Reads the file at <paramref name="path"/> and every offloaded value it refers to.</summary>
    public static IReadOnlyList<AssertTvEntry> Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        { throw new InputFormatException(path, $"cannot read: {e.Message}", e); }
        return Parse(text, path, index => ReadOffloaded(path, index));
    }

    /// <summary>
    /// Parses TOML text; <paramref name="offloaded"/> supplies the raw (compressed) file of an
    /// offloaded entry by index. <paramref name="source"/> names the input in errors.
    /// </summary>
    public static IReadOnlyList<AssertTvEntry> Parse(string text, string source, Func<int, byte[]> offloaded)
    {
        TomlTable root;
        try { root = TomlSerializer.Deserialize(text, TomlModelContext.Default.TomlTable) ?? new TomlTable(); }
        catch (Exception e) when (e is not InputFormatException)
        { throw new InputFormatException(source, $"not valid TOML: {FirstLine(e.Message)}", e); }

        if (!root.TryGetValue("entries", out var entriesValue) || entriesValue is not TomlTableArray entries)
            throw new InputFormatException(source, "no [[entries]] list");

        var result = new List<AssertTvEntry>(entries.Count);
        for (int index = 0; index < entries.Count; index++)
        {
            result.Add(ParseEntry(entries[index], index, source, offloaded));
        }
        return result;
    }

    private static AssertTvEntry ParseEntry(TomlTable entry, int index, string source, Func<int, byte[]> offloaded)
    {
        string where = $"{source} entry {index}";
        string kind = RequiredString(entry, "entry_type", where);
        if (kind != "Const" && kind != "Output")
            throw new InputFormatException(where, $"entry_type must be Const or Output, not '{kind}'");
        bool offload = entry.TryGetValue("offload", out var o) && (o as bool? ?? throw new InputFormatException(where, "offload must be a boolean"));

        string base64 = offload ? DecompressToBase64(offloaded(index), where) : RequiredString(entry, "value", where);
        byte[] value;
        try { value = Convert.FromBase64String(base64); }
        catch (FormatException e) { throw new InputFormatException(where, "value is not valid base64", e); }

        return new AssertTvEntry(index, kind, OptionalString(entry, "name", where), OptionalString(entry, "description", where),
            OptionalString(entry, "code_location", where), value, offload);
    }

    private static string DecompressToBase64(byte[] compressed, string where)
    {
        string json;
        try
        {
            using var decompressor = new ZstdSharp.Decompressor();
            json = System.Text.Encoding.UTF8.GetString(decompressor.Unwrap(compressed));
        }
        catch (Exception e) when (e is ZstdSharp.ZstdException or ArgumentException or InvalidOperationException)
        { throw new InputFormatException(where, "offloaded value is not valid zstd", e); }
        try
        {
            return JsonSerializer.Deserialize(json, VectorJsonContext.Default.String) ?? throw new InputFormatException(where, "offloaded value is JSON null");
        }
        catch (JsonException e) { throw new InputFormatException(where, "offloaded value is not a JSON string", e); }
    }

    private static byte[] ReadOffloaded(string tomlPath, int index)
    {
        string path = $"{tomlPath}_offloaded_value_{index}.zstd";
        try { return File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new InputFormatException(path, $"cannot read offloaded value: {e.Message}", e); }
    }

    private static string RequiredString(TomlTable table, string key, string where) =>
        OptionalString(table, key, where) ?? throw new InputFormatException(where, $"missing '{key}'");

    private static string? OptionalString(TomlTable table, string key, string where)
    {
        if (!table.TryGetValue(key, out var value)) return null;
        return value as string ?? throw new InputFormatException(where, $"'{key}' must be a string");
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
