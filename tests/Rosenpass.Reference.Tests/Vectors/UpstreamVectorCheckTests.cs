using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Tests.Vectors;

/// <summary>`rosenpass vectors check` on upstream's assert_tv vector: the original passes, a changed output fails and is named.</summary>
public sealed class UpstreamVectorCheckTests
{
    [Fact]
    public void Upstreams_vector_passes()
    {
        var output = new StringWriter();
        int exit = VectorsTool.Check([TestPaths.UpstreamVector], output);
        Assert.True(exit == VectorsTool.Success, output.ToString());
    }

    [Fact]
    public void A_copy_with_one_changed_chaining_key_fails_and_names_the_entry()
    {
        string dir = GeneratedVectorsFixture.TempFolder();
        string source = Path.GetDirectoryName(TestPaths.UpstreamVector)!;
        foreach (string file in Directory.GetFiles(source, "crypto_server_test_vector_1.toml*"))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        string toml = Path.Combine(dir, "crypto_server_test_vector_1.toml");
        string text = File.ReadAllText(toml);
        // The responder's ck after IHR4 (entry 27); the initiator's IHI4 ck (entry 17) has the same value and stays.
        const string original = "name = \"chaining_key_ihr IHR 4\"\nvalue = \"z2JAxQ4DPIikqHMSpFDAlmhjSBumhLZatJMrFAP+D1U=\"";
        Assert.Contains(original, text);
        File.WriteAllText(toml, text.Replace(original, original.Replace("z2JA", "y2JA")));

        var output = new StringWriter();
        int exit = VectorsTool.Check([dir], output);

        Assert.Equal(VectorsTool.Mismatch, exit);
        var mismatch = Assert.Single(output.ToString().Split('\n'), l => l.Contains("mismatch with"));
        Assert.Contains("'chaining_key_ihr IHR 4'", mismatch);
    }

    [Fact]
    public void A_missing_path_is_one_error_line_and_exit_code_2()
    {
        var output = new StringWriter();
        Assert.Equal(VectorsTool.BadInput, VectorsTool.Check(["/nonexistent/vectors"], output));
        Assert.Contains("error: /nonexistent/vectors: no such file or folder", output.ToString());
    }
}
