using System.CommandLine;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Tests;

/// <summary><c>rosenpass conformance</c>'s options, parsed under a root that has its own <c>--version</c> like the CLI's.</summary>
[Collection(IutProcesses.Name)]
public sealed class CommandLineTests
{
    private static ParseResult Parse(params string[] args)
    {
        var root = new RootCommand { new Option<bool>("--version", "-V") };
        root.Add(ConformanceCommand.Build());
        return root.Parse(["conformance", .. args]);
    }

    [Fact]
    public void Managed_mode_options_parse()
    {
        var parse = Parse("--iut-cmd", "rosenpass exchange-config {config}", "--version", "V02", "--report", "r.xml", "--scenario", "replay", "--scenario", "wrong-psk");
        Assert.Empty(parse.Errors);
    }

    [Fact]
    public void An_unknown_version_is_a_usage_error()
    {
        Assert.NotEmpty(Parse("--iut-cmd", "x {config}", "--version", "V04").Errors);
    }

    [Fact]
    public void A_running_IUT_needs_all_five_paths_and_an_address()
    {
        Assert.Null(ConformanceCommand.RunningFrom(null, null, null, null, null, null, out var none));
        Assert.Null(none);
        Assert.Null(ConformanceCommand.RunningFrom("127.0.0.1:9999", "iut.pk", null, "o.pk", "o.sk", null, out var missing));
        Assert.Contains("--iut-outfile", missing, StringComparison.Ordinal);
        Assert.Null(ConformanceCommand.RunningFrom("localhost", "iut.pk", "out", "o.pk", "o.sk", null, out var address));
        Assert.Contains("IP:PORT", address, StringComparison.Ordinal);
        var running = ConformanceCommand.RunningFrom("[::1]:9999", "iut.pk", "out", "o.pk", "o.sk", "psk", out var problem);
        Assert.Null(problem);
        Assert.Equal(9999, running!.Address.Port);
        Assert.Equal("psk", running.PskPath);
    }

    [Fact]
    public async Task A_command_without_the_config_placeholder_is_refused_before_any_work()
    {
        var output = new StringWriter();
        int code = await ConformanceTool.RunAsync(new ConformanceOptions { IutCommand = "rosenpass exchange-config" }, output);
        Assert.Equal(ConformanceTool.SetupError, code);
        Assert.Contains("{config}", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_IUT_that_cannot_start_fails_the_scenario_with_its_exit_code()
    {
        var output = new StringWriter();
        var options = new ConformanceOptions { IutCommand = "echo no such implementation >&2; exit 3; {config}", Version = ProtocolVersion.V03, Only = ["key-agreement/iut-responder/"] };
        int code = await ConformanceTool.RunAsync(options, output);
        Assert.Equal(ConformanceTool.Failed, code);
        Assert.Contains("exited with code 3; stderr: no such implementation", output.ToString(), StringComparison.Ordinal);
    }
}
