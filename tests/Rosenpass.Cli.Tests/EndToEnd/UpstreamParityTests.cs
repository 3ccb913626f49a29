using System.Diagnostics;
using Rosenpass.Cli.Commands;
using Rosenpass.Cli.Tests.Support;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Tests.EndToEnd;

/// <summary>
/// The parts of upstream's command line that scripts meet (upstream rosenpass/src/cli.rs, main.rs): the hidden
/// deprecated <c>keygen</c>, the log-level group (<c>-v</c>, <c>-q</c>, <c>--log-level</c>: one at most), the
/// version string of upstream's crate, <c>--generate-manpage DIR</c> and <c>--print-completions SHELL</c>.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class UpstreamParityTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Version_is_upstreams_crate_version()
    {
        var (code, stdout, _) = RosenpassProcess.Run(_folder.Path, "--version");
        Assert.Equal(0, code);
        Assert.Equal(["rosenpass 0.3.0-dev"], stdout);
    }

    [Theory]
    [InlineData("'--verbose' cannot be used with '--quiet'", "-v", "-q", "validate", "x.toml")]
    [InlineData("'--log-level' cannot be used with '--quiet'", "--log-level", "info", "validate", "x.toml", "--quiet")]
    public void Two_of_the_log_level_options_are_a_usage_error(string expected, params string[] args)
    {
        var (code, _, stderr) = RosenpassProcess.Run(_folder.Path, args);
        Assert.Equal(2, code);
        Assert.Contains(stderr, l => l.Contains(expected));
    }

    [Fact]
    public void Keygen_writes_a_key_pair_like_gen_keys_and_keeps_existing_files()
    {
        var (code, _, stderr) = RosenpassProcess.Run(_folder.Path, "keygen", "public-key", "a.pk", "private-key", "a.sk");
        Assert.True(code == 0, string.Join('\n', stderr));
        Assert.Equal(524160, new FileInfo(_folder.File("a.pk")).Length);
        Assert.Equal(13608, new FileInfo(_folder.File("a.sk")).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_folder.File("a.sk")));
        byte[] before = File.ReadAllBytes(_folder.File("a.sk"));

        var (again, _, _) = RosenpassProcess.Run(_folder.Path, "keygen", "secret-key", "a.sk", "public-key", "a.pk");

        Assert.Equal(1, again);
        Assert.Equal(before, File.ReadAllBytes(_folder.File("a.sk")));
    }

    [Theory]
    [InlineData("private-key is required", "public-key", "p")]
    [InlineData("public-key is required", "private-key", "s")]
    [InlineData("unknown option `secret`", "secret", "s", "public-key", "p")]
    [InlineData("unknown option `public-key`", "private-key", "s", "public-key")]
    public void Keygen_arguments_are_upstreams_key_word_pairs(string expected, params string[] words)
    {
        var error = Assert.Throws<InputFormatException>(() => KeygenCommand.Paths(words));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Keygen_is_hidden_from_help()
    {
        var (_, stdout, _) = RosenpassProcess.Run(_folder.Path, "--help");
        Assert.Contains(stdout, l => l.TrimStart().StartsWith("gen-keys", StringComparison.Ordinal));
        Assert.DoesNotContain(stdout, l => l.TrimStart().StartsWith("keygen", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_manpage_writes_a_page_per_visible_command()
    {
        string man = _folder.File("man");
        var (code, _, stderr) = RosenpassProcess.Run(_folder.Path, "--generate-manpage", man);
        Assert.True(code == 0, string.Join('\n', stderr));

        var pages = Directory.GetFiles(man).Select(Path.GetFileName).ToList();
        Assert.Contains("rosenpass.1", pages);
        Assert.Contains("rosenpass-gen-keys.1", pages);
        Assert.Contains("rosenpass-vectors-check.1", pages);
        Assert.DoesNotContain("rosenpass-keygen.1", pages);
        string main = File.ReadAllText(Path.Combine(man, "rosenpass.1"));
        Assert.StartsWith(".TH ROSENPASS 1 ", main);
        Assert.Contains("\\fBrosenpass\\-exchange\\-config\\fR(1)", main);
        Assert.Contains("\\fB\\-\\-generate\\-manpage\\fR \\fIout_dir\\fR", main);
        Assert.Contains(".SH EXIT STATUS", main);
        string genKeys = File.ReadAllText(Path.Combine(man, "rosenpass-gen-keys.1"));
        Assert.Contains("\\fB\\-f\\fR, \\fB\\-\\-force\\fR", genKeys);
    }

    [Fact]
    public void Print_completions_rejects_an_unknown_shell()
    {
        var (code, _, stderr) = RosenpassProcess.Run(_folder.Path, "--print-completions", "powershell");
        Assert.Equal(2, code);
        Assert.Contains(stderr, l => l.Contains("powershell"));
    }

    /// <summary>The bash script, sourced in a real bash with `rosenpass` on PATH, completes subcommands and options.</summary>
    [Theory]
    [InlineData("rosenpass gen", "gen-config gen-keys")]
    [InlineData("rosenpass gen-keys --f", "--force")]
    [InlineData("rosenpass --print-completions ", "bash fish zsh")]
    public void Bash_completion_offers_what_the_command_line_accepts(string line, string expected)
    {
        var (code, stdout, _) = RosenpassProcess.Run(_folder.Path, "--print-completions", "bash");
        Assert.Equal(0, code);
        string script = _folder.Write("rosenpass.bash", string.Join('\n', stdout) + "\n");
        string bin = Directory.CreateDirectory(_folder.File("bin")).FullName;
        string wrapper = Path.Combine(bin, "rosenpass");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{RosenpassProcess.Dll}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var bash = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        bash.ArgumentList.Add("-c");
        bash.ArgumentList.Add("""
            source "$1"
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<<"$COMP_LINE"
            if [ "${COMP_LINE: -1}" = " " ]; then COMP_WORDS+=(""); fi
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _rosenpass_complete
            printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
            """);
        bash.ArgumentList.Add("bash");
        bash.ArgumentList.Add(script);
        bash.ArgumentList.Add(line);
        bash.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(bash)!;
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(RosenpassProcess.Patience), "bash did not finish");
        Assert.Equal(expected, output.Trim());
    }
}
