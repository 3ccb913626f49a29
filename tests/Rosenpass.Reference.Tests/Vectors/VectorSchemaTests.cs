using System.Text.Json;
using Json.Schema;

namespace Rosenpass.Reference.Tests.Vectors;

/// <summary>vectors/schema.json describes the files the generator writes: every committed vector file and keys.json conform.</summary>
public sealed class VectorSchemaTests
{
    /// <summary>Built once: the library registers schemas globally by their $id and refuses a second registration.</summary>
    private static readonly Lazy<JsonSchema> Schema =
        new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(GeneratedVectorsFixture.Committed, "schema.json"))));

    [Fact]
    public void Every_committed_vector_file_conforms_to_the_schema()
    {
        string dir = GeneratedVectorsFixture.Committed;
        var schema = Schema.Value;
        var files = Directory.GetFiles(dir, "*.json").Where(f => Path.GetFileName(f) != "schema.json").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            var errors = (result.Details ?? []).Where(d => d.Errors != null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).Take(5);
            Assert.True(result.IsValid, $"{Path.GetFileName(file)}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void The_schema_rejects_a_case_without_an_id()
    {
        var schema = Schema.Value;
        using var document = JsonDocument.Parse("""
            {"format":"rosenpass-reference-vectors/2","algorithm":"x","generator":"x","generatorVersion":"x","schema":"schema.json",
             "family":"x","description":"x","keysFile":"keys.json","notes":{},
             "numberOfCases":1,"cases":[{"comment":"","version":"V02","result":"valid","flags":[],
             "seed":"0000000000000000000000000000000000000000000000000000000000000000","servers":[],"steps":[]}]}
            """);
        Assert.False(schema.Evaluate(document.RootElement).IsValid);
    }
}
