using System.Security.Cryptography;
using Rosenpass.Cli.Output;
using Rosenpass.Cli.Tests.Support;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Cli.Tests.Output;

public class OutputTests
{
    /// <summary>Expected values follow Rust's documented <c>str::escape_debug</c> rules for these characters.</summary>
    [Theory]
    [InlineData("/tmp/out", "\"/tmp/out\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("line\nbreak\ttab\rret", "\"line\\nbreak\\ttab\\rret\"")]
    [InlineData("nul\0", "\"nul\\0\"")]
    [InlineData("bell\u0007", "\"bell\\u{7}\"")]
    [InlineData("it's ünïcode", "\"it's ünïcode\"")]
    public void Paths_are_quoted_as_rust_debug(string path, string expected)
    {
        Assert.Equal(expected, RustDebugString.Quote(path));
    }

    [Fact]
    public void The_stdout_line_is_upstreams()
    {
        const string pid = "w8Xb+pzDQ1Y5L6+K6S+8rOvT5+RulYEnT/7DIeBp6i8="; // upstream-facts §3.5 example peer id
        Assert.Equal($"output-key peer {pid} key-file \"/run/rp out\" exchanged",
            KeyOutputLine.Format(pid, "/run/rp out", KeyOutputReason.Exchanged));
        Assert.Equal($"output-key peer {pid} key-file \"k\" stale", KeyOutputLine.Format(pid, "k", KeyOutputReason.Stale));
    }

    [Fact]
    public void Outfile_is_44_base64_characters_mode_0600_replacing_the_old_one()
    {
        using var folder = new TempFolder();
        string path = folder.Write("out", "an older, longer content that must disappear entirely");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        byte[] key = RandomNumberGenerator.GetBytes(32);
        using (var secret = Secret.CopyOf(key)) OutfileWriter.Write(path, secret);
        Assert.Equal(Convert.ToBase64String(key), File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(["out"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }
}
