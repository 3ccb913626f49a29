using Tomlyn.Model;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Config;

/// <summary>
/// Typed reads from one TOML table, each error naming the file and the field (<c>peers[1].endpoint</c>).
/// Keys that nobody asked for are refused at the end, as upstream's <c>deny_unknown_fields</c> does.
/// </summary>
internal sealed class TomlFields(string file, string prefix, TomlTable table)
{
    private readonly HashSet<string> _read = [];

    public string FieldName(string key) => prefix + key;

    public InputFormatException Error(string key, string problem) => new(file, $"{FieldName(key)}: {problem}");

    public bool Has(string key) => table.ContainsKey(key);

    public string? OptionalString(string key) => Optional(key) switch
    {
        null => null,
        string s => s,
        var other => throw WrongType(key, "a string", other),
    };

    public string RequiredString(string key) => OptionalString(key) ?? throw Error(key, "missing field");

    public List<string>? OptionalStringArray(string key)
    {
        switch (Optional(key))
        {
            case null: return null;
            case TomlArray array:
                var result = new List<string>();
                for (int i = 0; i < array.Count; i++)
                    result.Add(array[i] as string ?? throw WrongType($"{key}[{i}]", "a string", array[i]));
                return result;
            case var other: throw WrongType(key, "an array of strings", other);
        }
    }

    public List<string> RequiredStringArray(string key) => OptionalStringArray(key) ?? throw Error(key, "missing field");

    /// <summary>An array of tables; <c>key = []</c> counts as an empty one.</summary>
    public List<TomlTable> RequiredTableArray(string key) => Optional(key) switch
    {
        null => throw Error(key, "missing field"),
        TomlTableArray tables => [.. tables],
        TomlArray { Count: 0 } => [],
        TomlArray array when array.All(item => item is TomlTable) => array.Cast<TomlTable>().ToList(),
        var other => throw WrongType(key, "an array of tables ([[" + key + "]])", other),
    };

    /// <summary>Throws if the table holds a key that was never read.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in table.Keys)
        {
            if (!_read.Contains(key)) throw Error(key, "unknown field");
        }
    }

    private object? Optional(string key)
    {
        _read.Add(key);
        return table.TryGetValue(key, out var value) ? value : null;
    }

    private InputFormatException WrongType(string key, string expected, object? actual) =>
        Error(key, $"expected {expected}, found {TypeName(actual)}");

    private static string TypeName(object? value) => value switch
    {
        string => "a string",
        long or int => "an integer",
        double => "a float",
        bool => "a boolean",
        TomlTable => "a table",
        TomlArray or TomlTableArray => "an array",
        _ => value?.GetType().Name ?? "nothing",
    };
}
