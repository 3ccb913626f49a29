using CsCheck;
using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Tests.Vectors;

/// <summary>
/// `vectors check` on damaged input: every problem is a line and an exit code (1 mismatch, 2 unreadable), never an
/// exception; and upstream's vector with one changed message byte (an offloaded, zstd-compressed value) is named.
/// </summary>
public sealed class VectorCheckInputTests
{
    /// <summary>One small case (a truncated InitHello, then the genuine one) in a file of its own, beside keys.json.</summary>
    private static string SmallVectorFile(string dir)
    {
        var file = VectorJson.Load<VectorFile>(Path.Combine(GeneratedVectorsFixture.Committed, "inithello-rejections.json"));
        var small = file.WithCases([file.Cases.Single(c => c.Id == "v02-inithello-truncated")]);
        File.Copy(Path.Combine(GeneratedVectorsFixture.Committed, VectorGenerator.KeysFileName), Path.Combine(dir, VectorGenerator.KeysFileName));
        string path = Path.Combine(dir, "small.json");
        File.WriteAllText(path, VectorJson.Serialize(small));
        return path;
    }

    [Fact]
    public void Damaged_vector_files_give_a_line_and_an_exit_code_never_an_exception()
    {
        string dir = GeneratedVectorsFixture.TempFolder();
        string path = SmallVectorFile(dir);
        string original = File.ReadAllText(path);
        Assert.Equal(VectorsTool.Success, VectorsTool.Check([path], new StringWriter()));

        string damaged = Path.Combine(dir, "damaged.json");
        Gen.Select(Gen.Int[0, original.Length - 1], Gen.Int[0, 9].Select(i => "0f\"{],x-1 "[i]), Gen.Bool)
            .Sample((position, c, delete) =>
            {
                string text = delete ? original.Remove(position, 1) : original[..position] + c + original[(position + 1)..];
                File.WriteAllText(damaged, text);
                var output = new StringWriter();
                int exit = VectorsTool.Check([damaged], output);
                // Damage in an informative field (a comment, a label) may still pass; what never happens is an exception.
                Assert.True(exit is VectorsTool.Success or VectorsTool.Mismatch or VectorsTool.BadInput, output.ToString());
                Assert.Contains("checked ", output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
                if (exit == VectorsTool.BadInput) Assert.Contains("error: ", output.ToString());
                Assert.DoesNotContain("   at ", output.ToString()); // no stack trace
            }, iter: 30, seed: "0N0XIzNsQ0O5");
    }

    [Fact]
    public void Input_errors_name_the_input()
    {
        string dir = GeneratedVectorsFixture.TempFolder();
        string path = Path.Combine(dir, "bad.json");
        File.WriteAllText(path, "{\"format\": \"rosenpass-reference-vectors/1\"}");
        var output = new StringWriter();
        Assert.Equal(VectorsTool.BadInput, VectorsTool.Check([path], output));
        var line = Assert.Single(output.ToString().Split('\n'), l => l.StartsWith("error: "));
        Assert.Contains(path, line);
    }

    [Fact]
    public void Upstreams_vector_with_one_changed_message_byte_fails_and_names_the_entry()
    {
        string dir = GeneratedVectorsFixture.TempFolder();
        string source = Path.GetDirectoryName(TestPaths.UpstreamVector)!;
        foreach (string file in Directory.GetFiles(source, "crypto_server_test_vector_1.toml*"))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        // Entry 47 is the InitConf, offloaded: zstd of a JSON string of base64.
        string offloaded = Path.Combine(dir, "crypto_server_test_vector_1.toml_offloaded_value_47.zstd");
        using (var decompressor = new ZstdSharp.Decompressor())
        {
            string json = System.Text.Encoding.UTF8.GetString(decompressor.Unwrap(File.ReadAllBytes(offloaded)));
            byte[] message = Convert.FromBase64String(System.Text.Json.JsonSerializer.Deserialize<string>(json)!);
            message[100] ^= 0x01;
            string changed = System.Text.Json.JsonSerializer.Serialize(Convert.ToBase64String(message));
            using var compressor = new ZstdSharp.Compressor();
            File.WriteAllBytes(offloaded, compressor.Wrap(System.Text.Encoding.UTF8.GetBytes(changed)).ToArray());
        }

        var output = new StringWriter();
        Assert.Equal(VectorsTool.Mismatch, VectorsTool.Check([Path.Combine(dir, "crypto_server_test_vector_1.toml")], output));
        var mismatch = Assert.Single(output.ToString().Split('\n'), l => l.Contains("mismatch with"));
        Assert.Contains("entry 47 'message'", mismatch);
    }
}
