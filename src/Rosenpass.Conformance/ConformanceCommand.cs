using System.CommandLine;
using System.Globalization;
using System.Net;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance;

/// <summary>
/// <c>rosenpass conformance</c>: the command-line face of <see cref="ConformanceTool"/>. The CLI adds it with
/// <c>root.Add(ConformanceCommand.Build())</c>.
/// </summary>
public static class ConformanceCommand
{
    public static Command Build()
    {
        var iutCommand = new Option<string?>("--iut-cmd") { Description = "Command that starts the IUT; {config} is replaced by its TOML config's path" };
        var version = new Option<string?>("--version") { Description = "Protocol version to test: V02 or V03 (default: V03 suite plus V02 key agreement; running IUT: V02)" };
        version.AcceptOnlyFromAmong("V02", "V03");
        var report = new Option<string?>("--report") { Description = "Write a JUnit XML report to this file" };
        var jsonReport = new Option<string?>("--json-report") { Description = "Write a JSON report to this file" };
        var longMode = new Option<bool>("--long") { Description = "Also run the long scenarios with real timers: rekey at 120/130 s, stale key at 180 s (about 7 minutes)" };
        var underLoad = new Option<string>("--iut-under-load")
        {
            Description = "How the cookie-as-responder scenario puts the IUT under load: flood (16 valid-mac InitHellos in 1 s), config (dos_defence = \"always\"), none (the IUT has no under-load mode: not applicable)",
            DefaultValueFactory = _ => "flood",
        };
        underLoad.AcceptOnlyFromAmong("flood", "config", "none");
        var list = new Option<bool>("--list") { Description = "Print the scenario catalogue (id, spec sections, what it proves) as a markdown table and exit" };
        var scenario = new Option<string[]>("--scenario") { Description = "Run only scenarios whose name contains this text (repeatable)" };
        var keyTimeout = new Option<double>("--key-timeout") { Description = "Seconds to wait for a key", DefaultValueFactory = _ => 20 };
        var iutAddress = new Option<string?>("--iut-address") { Description = "Running IUT: its listen address, IP:PORT" };
        var iutPublicKey = new Option<string?>("--iut-public-key") { Description = "Running IUT: its public key file" };
        var iutOutfile = new Option<string?>("--iut-outfile") { Description = "Running IUT: the key_out file it writes for us" };
        var ourPublicKey = new Option<string?>("--our-public-key") { Description = "Running IUT: our public key file, configured in the IUT (generated if absent)" };
        var ourSecretKey = new Option<string?>("--our-secret-key") { Description = "Running IUT: our secret key file (generated if absent)" };
        var psk = new Option<string?>("--psk") { Description = "Running IUT: the pre-shared key file it uses for us (default: none)" };
        var command = new Command("conformance", "Test another Rosenpass implementation on loopback, playing its peer")
        {
            iutCommand, version, report, jsonReport, scenario, keyTimeout, longMode, underLoad, list, iutAddress, iutPublicKey, iutOutfile,
            ourPublicKey, ourSecretKey, psk,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (parse.GetValue(list))
            {
                await Console.Out.WriteAsync(Scenarios.ScenarioCatalog.MarkdownTable()).ConfigureAwait(false);
                return ConformanceTool.Passed;
            }
            var running = RunningFrom(parse.GetValue(iutAddress), parse.GetValue(iutPublicKey), parse.GetValue(iutOutfile),
                parse.GetValue(ourPublicKey), parse.GetValue(ourSecretKey), parse.GetValue(psk), out string? problem);
            if (problem != null)
            {
                await Console.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                return ConformanceTool.SetupError;
            }
            var options = new ConformanceOptions
            {
                IutCommand = parse.GetValue(iutCommand),
                Running = running,
                Version = parse.GetValue(version) is { } v ? Enum.Parse<ProtocolVersion>(v) : null,
                ReportPath = parse.GetValue(report),
                Only = parse.GetValue(scenario) ?? [],
                KeyTimeout = TimeSpan.FromSeconds(parse.GetValue(keyTimeout)),
                JsonReportPath = parse.GetValue(jsonReport),
                Long = parse.GetValue(longMode),
                UnderLoad = Enum.Parse<Scenarios.UnderLoadMode>(parse.GetValue(underLoad) ?? "flood", ignoreCase: true),
            };
            return await ConformanceTool.RunAsync(options, Console.Out, cancel, Console.Error).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The running IUT's description, null in managed mode; <paramref name="problem"/> if it is incomplete.</summary>
    internal static RunningIut? RunningFrom(string? address, string? iutPublicKey, string? outfile, string? ourPublicKey,
        string? ourSecretKey, string? psk, out string? problem)
    {
        problem = null;
        string?[] required = [address, iutPublicKey, outfile, ourPublicKey, ourSecretKey];
        if (required.All(r => r is null) && psk is null) return null;
        if (required.Any(r => r is null))
        {
            problem = "a running IUT needs --iut-address, --iut-public-key, --iut-outfile, --our-public-key and --our-secret-key";
            return null;
        }
        if (!IPEndPoint.TryParse(address!, out var endpoint) || endpoint.Port == 0)
        {
            problem = string.Format(CultureInfo.InvariantCulture, "--iut-address: expected IP:PORT, got \"{0}\"", address);
            return null;
        }
        return new RunningIut(endpoint, iutPublicKey!, outfile!, ourPublicKey!, ourSecretKey!, psk);
    }
}
