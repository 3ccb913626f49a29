using System.Text;

namespace Rosenpass.Fuzz;

/// <summary>
/// Seed corpora, all cut from upstream's recorded vector (never committed as binaries): fuzz/run.sh writes
/// them with `Rosenpass.Fuzz seeds DIR` before each run.
/// </summary>
public static class Seeds
{
    /// <summary>The four recorded messages, plus a CookieReply-sized and an empty-ish frame of each type.</summary>
    public static IEnumerable<(string, byte[])> ValidMessages(UpstreamVector v)
    {
        yield return ("init-hello", v.Value(UpstreamVector.InitHello));
        yield return ("resp-hello", v.Value(UpstreamVector.RespHello));
        yield return ("init-conf", v.Value(UpstreamVector.InitConf));
        yield return ("empty-data", v.Value(UpstreamVector.EmptyData));
        // A CookieReply frame: type 0x86, InitHello's size; the rest taken from the recorded InitHello.
        var cookieReply = v.Value(UpstreamVector.InitHello);
        cookieReply[0] = 0x86;
        yield return ("cookie-reply-frame", cookieReply);
        // Arbitrary bytes: short frames AFL grows on its own.
        yield return ("short", [0x81, 0, 0, 0]);
        yield return ("one-byte", [0x84]);
    }

    /// <summary>
    /// Vector files: each [[entries]] block of upstream's file alone, and an offloaded entry followed by a
    /// zero byte and a real offloaded value (the AssertTv target's input layout).
    /// </summary>
    public static IEnumerable<(string, byte[])> AssertTvFiles(UpstreamVector v)
    {
        string text = File.ReadAllText(v.Path);
        var blocks = text.Split("[[entries]]", StringSplitOptions.RemoveEmptyEntries).Where(b => b.Contains("entry_type")).ToList();
        int[] picks = [0, 4, 17, 26, 49];
        foreach (int i in picks.Where(i => i < blocks.Count))
        {
            yield return ($"entry-{i}", Encoding.UTF8.GetBytes("[[entries]]" + blocks[i]));
        }
        byte[] zstd = File.ReadAllBytes($"{v.Path}_offloaded_value_{UpstreamVector.EmptyData}.zstd");
        string offloadedBlock = "[[entries]]" + blocks[UpstreamVector.EmptyData];
        yield return ("offloaded-48", [.. Encoding.UTF8.GetBytes(offloadedBlock), 0, .. zstd]);
    }

    /// <summary>Upstream's example configurations (tests/data/upstream-config-examples; the vector is in vectors/upstream).</summary>
    public static IEnumerable<(string, byte[])> ConfigFiles(UpstreamVector v)
    {
        string examples = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(v.Path)!, "..", "..", "tests", "data", "upstream-config-examples"));
        foreach (string file in Directory.GetFiles(examples, "*.toml").Order())
        {
            yield return (Path.GetFileNameWithoutExtension(file), File.ReadAllBytes(file));
        }
    }

    /// <summary>psk files holding the vector's psk (entry 4): as `wg genpsk` writes it, bare, with CRLF; and two short files.</summary>
    public static IEnumerable<(string, byte[])> KeyFiles(UpstreamVector v)
    {
        string psk = Convert.ToBase64String(v.Value(UpstreamVector.Psk));
        yield return ("psk-newline", Encoding.ASCII.GetBytes(psk + "\n"));
        yield return ("psk-bare", Encoding.ASCII.GetBytes(psk));
        yield return ("psk-crlf", Encoding.ASCII.GetBytes(psk + "\r\n"));
        yield return ("empty", []);
        yield return ("short", Encoding.ASCII.GetBytes("AAAA"));
    }

    /// <summary>Command lines as a user types them (NUL-separated), good and bad, incl. those issue #17 found crashing.</summary>
    public static IEnumerable<(string, byte[])> CommandLines(UpstreamVector v)
    {
        string[][] lines =
        [
            ["--log-level", "INFO", "validate", "x.toml"],
            ["--log-level", "loud", "validate", "x.toml"],
            ["validate", "x.toml", "--log-level"],
            ["-v", "-q", "--version"],
            ["gen-keys", "-p", "k", "-s", "k", "--force"],
            ["exchange", "-c", "saved.toml", "-f", "public-key", "a.pk", "secret-key", "a.sk", "listen", "127.0.0.1:9999", "verbose",
                "peer", "public-key", "b.pk", "endpoint", "127.0.0.1:9998", "preshared-key", "psk", "outfile", "out",
                "wireguard", "wg0", "PEER", "persistent-keepalive", "25"],
            ["exchange-config", "--help"],
            ["vectors", "check"],
            ["trace", "--version", "V02"],
        ];
        foreach (var (line, i) in lines.Select((l, i) => (l, i))) yield return ($"line-{i}", Encoding.UTF8.GetBytes(string.Join('\0', line)));
    }
}
