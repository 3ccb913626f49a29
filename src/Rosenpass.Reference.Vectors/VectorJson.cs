using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// Reading and writing our vector files. Writing is deterministic (same model, same bytes: fixed property order,
/// two-space indentation, '\n' line ends, shortest round-trip numbers). Reading is strict: unknown or missing
/// fields, nulls where the format has none, and bad hex all end in <see cref="InputFormatException"/>.
/// </summary>
public static class VectorJson
{
    /// <summary>The <c>format</c> of a vector file.</summary>
    public const string FileFormat = "rosenpass-reference-vectors/2";

    /// <summary>The <c>format</c> of the keys file.</summary>
    public const string KeysFormat = "rosenpass-reference-vector-keys/2";

    /// <summary>The <c>format</c> of the primitives file.</summary>
    public const string PrimitivesFormat = "rosenpass-reference-primitives/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // Readable comments: apostrophes and arrows stay as they are (the files are never embedded in HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Compile-time serialization code (no reflection, so the NativeAOT build behaves as the JIT build).
        TypeInfoResolver = VectorJsonContext.Default,
    };

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>The text of <paramref name="value"/>, ending with a newline.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>()) + "\n";

    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names the input in errors.</summary>
    public static T Deserialize<T>(string text, string source)
    {
        try
        {
            return JsonSerializer.Deserialize(text, TypeInfo<T>()) ?? throw new InputFormatException(source, "is JSON null");
        }
        catch (JsonException e)
        {
            string where = e.Path is { Length: > 0 } path ? $" at {path}" : "";
            throw new InputFormatException(source, $"not a valid vector document{where}: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    public static T Load<T>(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        { throw new InputFormatException(path, $"cannot read: {e.Message}", e); }
        return Deserialize<T>(text, path);
    }

    /// <summary>Lower-case hex, as every byte string in the files is written.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>The bytes of a hex field; <paramref name="where"/> names the field in errors.</summary>
    public static byte[] Bytes(string hex, string where)
    {
        if (hex.Length % 2 != 0 || hex.Any(c => !char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)))
            throw new InputFormatException(where, "must be lower-case hex with an even number of digits");
        return Convert.FromHexString(hex);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
