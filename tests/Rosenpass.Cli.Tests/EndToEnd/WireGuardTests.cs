using Rosenpass.Cli.Tests.Support;

namespace Rosenpass.Cli.Tests.EndToEnd;

/// <summary>
/// The key reaches WireGuard as upstream hands it over: <c>wg set DEV peer PEER preshared-key /dev/stdin EXTRA…</c>
/// with the base64 key on stdin. A fake <c>wg</c> first on PATH records what it got, then fails; the daemon logs
/// that and keeps running. A missing <c>wg</c> is logged the same way.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class WireGuardTests(KeyPairFixture keys)
{
    private const string WgPeer = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";

    private const string FakeWg = """
        #!/bin/sh
        # Records its arguments and stdin next to itself, then fails like a wg without the interface.
        here="$(dirname "$0")"
        cat > "$here/stdin.$$"
        printf '%s\n' "$@" > "$here/args.$$.tmp" && mv "$here/args.$$.tmp" "$here/args.$$"
        echo "Unable to modify interface: No such device" >&2
        exit 1
        """;

    [Fact]
    public void Key_reaches_wg_in_upstreams_form_and_a_failing_wg_is_only_logged()
    {
        using var pair = new PairSetup(keys);
        string bin = Directory.CreateDirectory(pair.Folder.File("bin")).FullName;
        string wg = Path.Combine(bin, "wg");
        File.WriteAllText(wg, FakeWg.Replace("\r", ""));
        File.SetUnixFileMode(wg, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string emptyBin = Directory.CreateDirectory(pair.Folder.File("empty-bin")).FullName;
        var f = pair.Folder;

        using var b = RosenpassProcess.Start(f.Path, ["exchange", "public-key", f.File("b.pk"), "secret-key", f.File("b.sk"),
            "listen", $"127.0.0.1:{pair.PortB}", "peer", "public-key", f.File("a.pk"), "outfile", pair.OutB,
            "wireguard", "wg1", WgPeer], new Dictionary<string, string> { ["PATH"] = emptyBin });
        using var a = RosenpassProcess.Start(f.Path, ["exchange", "public-key", f.File("a.pk"), "secret-key", f.File("a.sk"),
            "listen", $"127.0.0.1:{pair.PortA}", "peer", "public-key", f.File("b.pk"), "endpoint", $"127.0.0.1:{pair.PortB}",
            "outfile", pair.OutA, "wireguard", "wg0", WgPeer, "persistent-keepalive", "25"],
            new Dictionary<string, string> { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}" });

        string? key = pair.CommonKey();
        Assert.NotNull(key);
        Assert.True(Eventually.Holds(() => Directory.GetFiles(bin, "args.*").Any(p => !p.EndsWith(".tmp"))), "the fake wg never ran");
        string argsFile = Directory.GetFiles(bin, "args.*").First(p => !p.EndsWith(".tmp"));
        string pid = argsFile[(argsFile.LastIndexOf('.') + 1)..];

        Assert.Equal(["set", "wg0", "peer", WgPeer, "preshared-key", "/dev/stdin", "persistent-keepalive", "25"],
            File.ReadAllLines(argsFile));
        Assert.Equal(key, File.ReadAllText(Path.Combine(bin, "stdin." + pid))); // base64, no newline

        Assert.True(Eventually.Holds(() => a.Stderr.Any(l => l.Contains("ERROR") && l.Contains("exit code 1") && l.Contains("No such device"))),
            $"a failing wg was not logged: {string.Join(" | ", a.Stderr)}");
        Assert.True(Eventually.Holds(() => b.Stderr.Any(l => l.Contains("ERROR") && l.Contains("could not run `wg`"))),
            $"a missing wg was not logged: {string.Join(" | ", b.Stderr)}");
        Assert.False(a.HasExited);
        Assert.False(b.HasExited);
        Assert.DoesNotContain(a.Stderr.Concat(b.Stderr), l => l.Contains(key)); // the key is never logged
    }
}
