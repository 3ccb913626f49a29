using System.Text.RegularExpressions;

namespace Rosenpass.Cli.Tests.Support;

/// <summary>
/// Two peers, a and b, in one folder with their keys and configs on free loopback ports. Only a has b's endpoint;
/// b answers (responder only). Pairs where both sides initiate and race are BootRaceTests' subject (spec §9.6).
/// </summary>
public sealed partial class PairSetup : IDisposable
{
    public PairSetup(KeyPairFixture keys, string extraPeerToml = "")
    {
        keys.CopyTo(Folder, "a", "b");
        (PortA, PortB) = FreePorts.Take(2) switch { var p => (p[0], p[1]) };
        ConfigA = Folder.Write("a.toml", $"""
            public_key = "{Folder.File("a.pk")}"
            secret_key = "{Folder.File("a.sk")}"
            listen = ["127.0.0.1:{PortA}"]
            verbosity = "Verbose"

            [[peers]]
            public_key = "{Folder.File("b.pk")}"
            endpoint = "127.0.0.1:{PortB}"
            key_out = "{OutA}"
            {extraPeerToml}
            """);
        ConfigB = Folder.Write("b.toml", $"""
            public_key = "{Folder.File("b.pk")}"
            secret_key = "{Folder.File("b.sk")}"
            listen = ["127.0.0.1:{PortB}"]
            verbosity = "Verbose"

            [[peers]]
            public_key = "{Folder.File("a.pk")}"
            key_out = "{OutB}"
            {extraPeerToml}
            """);
    }

    public TempFolder Folder { get; } = new();

    public int PortA { get; }

    public int PortB { get; }

    public string ConfigA { get; }

    public string ConfigB { get; }

    /// <summary>a's outfile for its key with b.</summary>
    public string OutA => Folder.File("a-out");

    /// <summary>b's outfile for its key with a.</summary>
    public string OutB => Folder.File("b-out");

    public RosenpassProcess Start(params string[] args) => RosenpassProcess.Start(Folder.Path, args);

    /// <summary>The key both outfiles hold once they agree (and differ from <paramref name="not"/>), or null.</summary>
    public string? CommonKey(string? not = null)
    {
        string? key = null;
        Eventually.Holds(() =>
        {
            string? a = ReadKey(OutA);
            bool agree = a != null && a != not && a == ReadKey(OutB);
            if (agree) key = a;
            return agree;
        });
        return key;
    }

    public static string? ReadKey(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Upstream's stdout line for <paramref name="keyFile"/>, with any peer id.</summary>
    public static bool IsOutputLine(string line, string keyFile, string reason) =>
        OutputLine().Match(line) is { Success: true } m && m.Groups[1].Value == keyFile && m.Groups[2].Value == reason;

    [GeneratedRegex("^output-key peer [A-Za-z0-9+/]{43}= key-file \"(.*)\" (exchanged|stale)$")]
    private static partial Regex OutputLine();

    public void Dispose() => Folder.Dispose();
}
