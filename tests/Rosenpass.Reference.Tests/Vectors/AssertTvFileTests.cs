using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Tests.Vectors;

public class AssertTvFileTests
{
    [Fact]
    public void Reads_every_entry_of_upstreams_vector_with_offloaded_values()
    {
        var entries = UpstreamVector.Entries;
        Assert.Equal(50, entries.Count);
        // Sizes fixed by the wire format and the KEMs (spec §2.4, §5): an independent check of the reader.
        Assert.Equal(13608, entries[UpstreamVector.PeerASecretKey].Value.Length);
        Assert.Equal(524160, entries[UpstreamVector.PeerAPublicKey].Value.Length);
        Assert.Equal(1060, entries[UpstreamVector.InitHello].Value.Length);
        Assert.Equal(1100, entries[UpstreamVector.RespHello].Value.Length);
        Assert.Equal(176, entries[UpstreamVector.InitConf].Value.Length);
        Assert.Equal(64, entries[UpstreamVector.EmptyData].Value.Length);
        Assert.Equal(0x81, entries[UpstreamVector.InitHello].Value[0]);
        Assert.True(entries[UpstreamVector.InitHello].Offloaded);
        Assert.Equal("psk", entries[UpstreamVector.Psk].Name);
        Assert.True(entries[UpstreamVector.Psk].IsConst);
        Assert.True(entries[UpstreamVector.ExchangedKey].IsOutput);
        Assert.Null(entries[UpstreamVector.Ihi5SharedKey].Name);
        Assert.Equal("#18", entries[UpstreamVector.Ihi5SharedKey].Label);
    }

    [Theory]
    [InlineData("not toml = = =")]
    [InlineData("x = 1")]
    [InlineData("[[entries]]\nentry_type = \"Weird\"\nvalue = \"AA==\"")]
    [InlineData("[[entries]]\nentry_type = \"Const\"")]
    [InlineData("[[entries]]\nentry_type = \"Const\"\nvalue = \"***\"")]
    [InlineData("[[entries]]\nentry_type = \"Const\"\nvalue = 5")]
    [InlineData("[[entries]]\nentry_type = \"Const\"\noffload = \"yes\"")]
    [InlineData("[[entries]]\nentry_type = \"Const\"\noffload = true")]
    public void Malformed_input_is_a_typed_error(string toml)
    {
        var error = Assert.Throws<InputFormatException>(() => AssertTvFile.Parse(toml, "t.toml", _ => [1, 2, 3]));
        Assert.StartsWith("t.toml", error.Message);
    }

    [Fact]
    public void A_missing_offloaded_file_is_a_typed_error_naming_it()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            string path = Path.Combine(dir, "v.toml");
            File.WriteAllText(path, "[[entries]]\nentry_type = \"Output\"\noffload = true\n");
            var error = Assert.Throws<InputFormatException>(() => AssertTvFile.Load(path));
            Assert.Contains("_offloaded_value_0.zstd", error.Message);
        }
        finally { Directory.Delete(dir, true); }
    }
}
