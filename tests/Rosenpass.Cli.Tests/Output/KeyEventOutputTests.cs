using System.Security.Cryptography;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Output;
using Rosenpass.Cli.Tests.Support;
using Rosenpass.Cli.WireGuard;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Cli.Tests.Output;

/// <summary>A stale key (session dead after 180 s, upstream-facts §3.5) is delivered like an exchanged one, marked "stale".</summary>
public class KeyEventOutputTests
{
    [Fact]
    public void Stale_key_replaces_the_outfile_and_prints_a_stale_line()
    {
        using var folder = new TempFolder();
        var stdout = new StringWriter();
        var output = new KeyEventOutput(stdout, new WgBroker(), Verbosity.Quiet);
        var peer = new PeerConfig { PublicKey = "unused", KeyOut = folder.File("out") };
        const string pid = "w8Xb+pzDQ1Y5L6+K6S+8rOvT5+RulYEnT/7DIeBp6i8=";
        byte[] first = RandomNumberGenerator.GetBytes(32), second = RandomNumberGenerator.GetBytes(32);

        using (var key = Secret.CopyOf(first)) output.Deliver(peer, pid, key, KeyOutputReason.Exchanged);
        using (var key = Secret.CopyOf(second)) output.Deliver(peer, pid, key, KeyOutputReason.Stale);

        Assert.Equal(Convert.ToBase64String(second), File.ReadAllText(folder.File("out")));
        Assert.Equal(
            [$"output-key peer {pid} key-file \"{folder.File("out")}\" exchanged", $"output-key peer {pid} key-file \"{folder.File("out")}\" stale"],
            stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void An_unwritable_outfile_prints_no_line_and_does_not_throw()
    {
        using var folder = new TempFolder();
        var stdout = new StringWriter();
        var output = new KeyEventOutput(stdout, new WgBroker(), Verbosity.Quiet);
        var peer = new PeerConfig { PublicKey = "unused", KeyOut = folder.File("no/such/folder/out") };
        using var key = Secret.CopyOf(new byte[32]);
        output.Deliver(peer, "pid", key, KeyOutputReason.Exchanged);
        Assert.Equal("", stdout.ToString());
    }
}
