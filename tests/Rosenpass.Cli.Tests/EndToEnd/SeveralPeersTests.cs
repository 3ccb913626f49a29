using Rosenpass.Cli.Tests.Support;

namespace Rosenpass.Cli.Tests.EndToEnd;

/// <summary>
/// One daemon listening on an IPv4 and an IPv6 address serves two peers: b reaches it over IPv4, c over IPv6
///. Each pair agrees on its own key.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class SeveralPeersTests(KeyPairFixture keys)
{
    [Fact]
    public void One_responder_two_initiators_over_ipv4_and_ipv6()
    {
        using var f = new TempFolder();
        keys.CopyTo(f, "a", "b", "c");
        var ports = FreePorts.Take(3);
        string listen4 = $"127.0.0.1:{ports[0]}", listen6 = $"[::1]:{ports[1]}";
        string configA = f.Write("a.toml", $"""
            public_key = "{f.File("a.pk")}"
            secret_key = "{f.File("a.sk")}"
            listen = ["{listen4}", "{listen6}"]

            [[peers]]
            public_key = "{f.File("b.pk")}"
            key_out = "{f.File("a-b")}"

            [[peers]]
            public_key = "{f.File("c.pk")}"
            key_out = "{f.File("a-c")}"
            """);
        using var a = RosenpassProcess.Start(f.Path, ["exchange-config", configA]);
        using var b = RosenpassProcess.Start(f.Path, ["exchange", "public-key", f.File("b.pk"), "secret-key", f.File("b.sk"),
            "peer", "public-key", f.File("a.pk"), "endpoint", listen4, "outfile", f.File("b-a")]);
        using var c = RosenpassProcess.Start(f.Path, ["exchange", "public-key", f.File("c.pk"), "secret-key", f.File("c.sk"),
            "listen", $"[::1]:{ports[2]}", "peer", "public-key", f.File("a.pk"), "endpoint", listen6, "outfile", f.File("c-a")]);

        Assert.True(Eventually.Holds(() => Same(f.File("a-b"), f.File("b-a")) && Same(f.File("a-c"), f.File("c-a"))),
            $"a: {string.Join(" | ", a.Stderr)}; b: {string.Join(" | ", b.Stderr)}; c: {string.Join(" | ", c.Stderr)}");
        Assert.NotEqual(File.ReadAllText(f.File("a-b")), File.ReadAllText(f.File("a-c")));
        Assert.True(a.WaitForStdout(l => PairSetup.IsOutputLine(l, f.File("a-b"), "exchanged")));
        Assert.True(a.WaitForStdout(l => PairSetup.IsOutputLine(l, f.File("a-c"), "exchanged")));
    }

    private static bool Same(string x, string y) => PairSetup.ReadKey(x) is { Length: 44 } key && key == PairSetup.ReadKey(y);
}
