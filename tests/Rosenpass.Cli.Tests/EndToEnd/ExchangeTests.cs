using Rosenpass.Cli.Tests.Support;

namespace Rosenpass.Cli.Tests.EndToEnd;

/// <summary>Two real <c>rosenpass</c> processes on loopback agree on a key.</summary>
[Collection(EndToEndCollection.Name)]
public class ExchangeTests(KeyPairFixture keys)
{
    private static void AssertOutfile(string path, string key)
    {
        Assert.Equal(44, key.Length);
        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    private static void AssertExchangedLine(RosenpassProcess process, string keyFile) =>
        Assert.True(process.WaitForStdout(line => PairSetup.IsOutputLine(line, keyFile, "exchanged")),
            $"no output-key line for {keyFile}; stdout: {string.Join(" | ", process.Stdout)}; stderr: {string.Join(" | ", process.Stderr)}");

    [Fact]
    public void Exchange_config_processes_agree_on_a_key()
    {
        using var pair = new PairSetup(keys);
        using var b = pair.Start("exchange-config", pair.ConfigB);
        using var a = pair.Start("exchange-config", pair.ConfigA);
        string? key = pair.CommonKey();
        Assert.True(key != null, $"no common key; a: {string.Join(" | ", a.Stderr)}; b: {string.Join(" | ", b.Stderr)}");
        AssertOutfile(pair.OutA, key);
        AssertOutfile(pair.OutB, key);
        AssertExchangedLine(a, pair.OutA);
        AssertExchangedLine(b, pair.OutB);
        // Each prints the other's peer id: the two lines differ in exactly that.
        Assert.NotEqual(a.Stdout[0].Split(' ')[2], b.Stdout[0].Split(' ')[2]);
    }

    [Fact]
    public void Inline_exchange_processes_agree_and_save_their_config()
    {
        using var pair = new PairSetup(keys);
        var f = pair.Folder;
        using var b = pair.Start("exchange", "public-key", f.File("b.pk"), "secret-key", f.File("b.sk"), "listen", $"127.0.0.1:{pair.PortB}",
            "peer", "public-key", f.File("a.pk"), "outfile", pair.OutB);
        using var a = pair.Start("exchange", "-c", f.File("saved.toml"), "public-key", f.File("a.pk"), "secret-key", f.File("a.sk"),
            "listen", $"127.0.0.1:{pair.PortA}", "verbose",
            "peer", "public-key", f.File("b.pk"), "endpoint", $"127.0.0.1:{pair.PortB}", "outfile", pair.OutA);
        string? key = pair.CommonKey();
        Assert.NotNull(key);
        AssertOutfile(pair.OutA, key);
        AssertExchangedLine(a, pair.OutA);
        AssertExchangedLine(b, pair.OutB);

        var saved = Cli.Config.ConfigLoader.Load(f.File("saved.toml"));
        Assert.Equal(f.File("a.pk"), saved.PublicKey);
        Assert.Equal(Cli.Config.Verbosity.Verbose, saved.Verbosity);
        Assert.Equal($"127.0.0.1:{pair.PortB}", Assert.Single(saved.Peers).Endpoint);
    }

    [Fact]
    public void V03_peers_with_a_psk_and_custom_output_key_agree()
    {
        const string psk = "Yq3nTUjxd+z4KlO9B1n8JbUbu0tUlS2yC4D/7JrC3dY=";
        using var pair = new PairSetup(keys, $"""
            protocol_version = "V03"
            pre_shared_key = "psk"
            osk_organization = "example.org"
            osk_label = ["test", "v03"]
            """);
        pair.Folder.Write("psk", psk + "\n"); // as `wg genpsk > psk` writes it
        using var b = pair.Start("exchange-config", pair.ConfigB);
        using var a = pair.Start("exchange-config", pair.ConfigA);
        string? key = pair.CommonKey();
        Assert.NotNull(key);
        AssertExchangedLine(a, pair.OutA);
        AssertExchangedLine(b, pair.OutB);
    }

    /// <summary>
    /// Upstream's example pair (dual-stack <c>[::]</c> listen, <c>localhost</c> endpoints on both sides) with only key
    /// paths, outfile paths and ports changed. Both sides initiate, so they race (upstream-facts §1.11, where upstream
    /// can end with different keys); the tie-break (spec §9.6) makes them agree.
    /// </summary>
    [Fact]
    public void Upstream_example_configs_run_with_only_paths_and_ports_changed()
    {
        using var folder = new TempFolder();
        keys.CopyTo(folder, "a", "b");
        var ports = FreePorts.Take(2);
        string Adapt(string file) => File.ReadAllText(Path.Combine(Reference.Tests.TestPaths.UpstreamConfigExamples, file))
            .Replace("peer-a-public-key", folder.File("a.pk")).Replace("peer-a-secret-key", folder.File("a.sk"))
            .Replace("peer-b-public-key", folder.File("b.pk")).Replace("peer-b-secret-key", folder.File("b.sk"))
            .Replace("peer-a-rp-out-key", folder.File("a-out")).Replace("peer-b-rp-out-key", folder.File("b-out"))
            .Replace("10001", ports[0].ToString()).Replace("10002", ports[1].ToString());
        string configA = folder.Write("a.toml", Adapt("config-examples-peer-a-config.toml"));
        string configB = folder.Write("b.toml", Adapt("config-examples-peer-b-config.toml"));

        using var a = RosenpassProcess.Start(folder.Path, ["exchange-config", configA]);
        using var b = RosenpassProcess.Start(folder.Path, ["exchange-config", configB]);
        AssertExchangedLine(a, folder.File("a-out"));
        AssertExchangedLine(b, folder.File("b-out"));
        string? key = Agreement.StableCommonKey(folder.File("a-out"), folder.File("b-out"), RosenpassProcess.Patience);
        Assert.True(key != null, $"different keys: a-out {PairSetup.ReadKey(folder.File("a-out"))}, b-out {PairSetup.ReadKey(folder.File("b-out"))}");
        AssertOutfile(folder.File("a-out"), key);
        AssertOutfile(folder.File("b-out"), key);
        Assert.False(a.HasExited);
        Assert.False(b.HasExited);
    }

    [Fact]
    public void Mismatched_versions_never_agree_and_both_keep_running()
    {
        using var pair = new PairSetup(keys);
        File.WriteAllText(pair.ConfigB, File.ReadAllText(pair.ConfigB) + "protocol_version = \"V03\"\n");
        using var b = pair.Start("exchange-config", pair.ConfigB);
        using var a = pair.Start("exchange-config", pair.ConfigA);
        // a retransmits its InitHello for several seconds; b rejects every one (spec: no version negotiation).
        Assert.False(Eventually.Holds(() => File.Exists(pair.OutA) || File.Exists(pair.OutB), TimeSpan.FromSeconds(4)));
        Assert.False(a.HasExited);
        Assert.False(b.HasExited);
    }

    [Fact]
    public void Sigterm_ends_the_daemon_with_exit_code_0()
    {
        using var pair = new PairSetup(keys);
        using var b = pair.Start("exchange-config", pair.ConfigB);
        using var a = pair.Start("exchange-config", pair.ConfigA);
        Assert.NotNull(pair.CommonKey());
        a.Terminate();
        b.Terminate();
        Assert.Equal(0, a.WaitForExit(RosenpassProcess.Patience));
        Assert.Equal(0, b.WaitForExit(RosenpassProcess.Patience));
        Assert.DoesNotContain(a.Stderr, l => l.Contains("ERROR"));
    }
}
