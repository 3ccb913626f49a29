using Rosenpass.Fuzz;
using Rosenpass.Fuzz.Targets;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Tests.Fuzz;

/// <summary>
/// The fuzz harnesses' bodies (fuzz/Rosenpass.Fuzz), run once on fixed inputs: every crash AFL++ found, kept as
/// hex in Fuzz/regressions/&lt;target&gt;/*.hex, and every seed. A body throws on any crash, so each input must
/// pass. The fuzzing itself runs in fuzz/run.sh, never here.
/// </summary>
public class FuzzRegressionTests
{
    static FuzzRegressionTests() => Harness.UseVector(TestPaths.UpstreamVector);

    private static string RegressionFolder => Path.Combine(TestPaths.RepoRoot, "tests", "Rosenpass.Reference.Tests", "Fuzz", "regressions");

    public static TheoryData<string, string> Regressions()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in Harness.Targets)
        {
            string dir = Path.Combine(RegressionFolder, target.Name);
            if (!Directory.Exists(dir)) continue;
            foreach (string file in Directory.GetFiles(dir, "*.hex").Order()) data.Add(target.Name, Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void A_crash_input_that_was_found_no_longer_crashes(string target, string file)
    {
        string hex = string.Concat(File.ReadAllText(Path.Combine(RegressionFolder, target, file)).Where(Uri.IsHexDigit));
        Harness.Find(target)!.Run(Convert.FromHexString(hex));
    }

    [Fact]
    public void Every_target_passes_on_its_seeds()
    {
        foreach (var target in Harness.Targets)
        {
            foreach (var (name, bytes) in target.Seeds(Harness.Vector))
            {
                var e = Record.Exception(() => target.Run(bytes));
                Assert.True(e is null, $"{target.Name} crashed on seed {name}: {e}");
            }
        }
    }

    [Fact]
    public void Each_handler_server_accepts_the_recorded_message_meant_for_it()
    {
        // The "mutations of valid messages" seeds are only valid if the fixed-key servers accept them unmutated.
        var servers = new HandshakeServers(Harness.Vector);
        (int Server, int Entry)[] expected =
        [
            (0, UpstreamVector.InitHello), (1, UpstreamVector.InitConf), (2, UpstreamVector.RespHello), (3, UpstreamVector.EmptyData),
        ];
        foreach (var (server, entry) in expected)
        {
            servers.Reset(server);
            var outcome = servers.Get(server).HandleMessage(Harness.Vector.Value(entry));
            HandlerTarget.DisposeKeys(outcome.Events);
            Assert.True(outcome.Accepted, $"{HandshakeServers.Names[server]} rejected entry {entry}: {outcome.Rejection}");
        }
    }

    [Fact]
    public void A_rejected_datagram_is_reported_by_the_handler_target_only_if_it_changes_nothing_visible()
    {
        // One flipped mac bit: every server rejects it, with no response and no events, so the body returns.
        var datagram = Harness.Vector.Value(UpstreamVector.InitHello);
        datagram[^20] ^= 1;
        var servers = new HandshakeServers(Harness.Vector);
        var outcome = servers.Get(0).HandleMessage(datagram);
        Assert.Equal(RejectionKind.BadMac, outcome.Rejection?.Kind);
        HandlerTarget.Raw.Run(datagram);
    }
}
