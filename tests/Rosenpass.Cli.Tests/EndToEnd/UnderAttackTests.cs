using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Rosenpass.Cli.Tests.Support;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Xunit.Abstractions;

namespace Rosenpass.Cli.Tests.EndToEnd;

/// <summary>
/// The daemon under a flood of InitHellos with a valid mac (spec §8.5): real processes on loopback, the flood from 50
/// source addresses in 127.0.0.0/8. The flood mixes InitHellos from a key pair the responder does not know with
/// replays of one genuine InitHello of its peer a; it never answers a CookieReply. Each run measures what a user of
/// the daemon b sees: whether the genuine peer a completes a handshake, whether b's retransmission timer (towards a
/// silent peer c) keeps its schedule, how fast SIGTERM ends b, b's memory, and b's own load report.
/// </summary>
[Collection(EndToEndCollection.Name)]
public partial class UnderAttackTests(KeyPairFixture keys, ITestOutputHelper log)
{
    internal const int Sources = 50;
    private const long MaxResidentBytes = 300L << 20;

    /// <summary>The flood lasts longer than the run, which ends with SIGTERM in the middle of it.</summary>
    private static readonly TimeSpan FloodTime = TimeSpan.FromSeconds(30);

    /// <summary>How long after the flood started b is stopped: long enough for a handshake and four retransmissions.</summary>
    private static readonly TimeSpan StopAfter = TimeSpan.FromSeconds(12);

    [Theory]
    [InlineData(200)]
    [InlineData(2000)]
    public void With_the_default_defence_a_valid_mac_flood_leaves_the_daemon_available(int perSecond)
    {
        var run = Attack("auto", perSecond, extraDatagrams: []);

        if (!run.Overloaded) Assert.True(run.HandshakeSeconds <= 10, $"the genuine peer needed {run.HandshakeSeconds:F1} s (bound 10 s)");
        Assert.True(run.HandshakeSeconds <= 30, $"the genuine peer needed {run.HandshakeSeconds:F1} s");
        AssertTimersKeptTime(run);
        AssertPromptExit(run);
        Assert.True(run.MaxResidentBytes < MaxResidentBytes, $"RSS reached {run.MaxResidentBytes >> 20} MB (bound 300 MB)");
        Assert.Equal("yes", run.Totals["under_load"]);
        // Only InitHellos before the defence started (16 by count, or a backlog of 16) and the genuine peer's reach
        // the decapsulation: the flood never answers a CookieReply, so it never has a valid cookie.
        Assert.InRange(long.Parse(run.Totals["decapsulated"], CultureInfo.InvariantCulture), 1, 48);
        Assert.True(long.Parse(run.Totals["cookie_replies"], CultureInfo.InvariantCulture) > perSecond * 2L,
            $"only {run.Totals["cookie_replies"]} CookieReplies for a flood of {run.FloodSent}");
    }

    [Fact]
    public void Without_the_defence_the_same_flood_is_decapsulated_and_shuts_the_genuine_peer_out()
    {
        var run = Attack("never", 2000, extraDatagrams: []);

        // What dos_defence = "never" loses: the flood decides how much McEliece work b does (every InitHello it gets to
        // is decapsulated, more than the defence lets through), and the genuine peer queues behind the flood. Memory
        // and SIGTERM stay bounded by the loop (SIGTERM after the decapsulation in progress); timers run late by up to
        // one decapsulation, which is within 100 ms only on an idle machine (logged, not asserted).
        long validMac = long.Parse(run.Totals["valid_mac"], CultureInfo.InvariantCulture);
        long decapsulated = long.Parse(run.Totals["decapsulated"], CultureInfo.InvariantCulture);
        Assert.Equal("yes", run.Totals["under_load"]); // measured, and only reported
        Assert.Equal("0", run.Totals["cookie_replies"]);
        Assert.Equal(validMac, decapsulated);
        Assert.True(run.Overloaded || decapsulated > Rosenpass.Cli.Net.LoadDetector.InitHelloCount,
            $"only {decapsulated} flood InitHellos decapsulated (auto stops at {Rosenpass.Cli.Net.LoadDetector.InitHelloCount} or a backlog)");
        AssertExitAfterCurrentDatagram(run);
        Assert.True(run.MaxResidentBytes < MaxResidentBytes, $"RSS reached {run.MaxResidentBytes >> 20} MB (bound 300 MB)");

        // The handshake bound fails whenever a full InitHello queue is more than 10 s of b's work: the genuine
        // InitHello, if it finds room at all, waits behind all of it. With BouncyCastle's McEliece (30 ms and more
        // per InitHello) that is always so; a decapsulation fast enough to work off a full queue within 10 s would
        // let the genuine peer through at this rate, and then only the assertions above are what "never" fails.
        double perSecond = decapsulated / StopAfter.TotalSeconds;
        int queueHolds = ReceiveQueuesBytes / Rosenpass.Reference.Protocol.Messages.InitHello.Length;
        log.WriteLine($"b worked off {perSecond:F0} InitHellos/s: a full queue of {queueHolds} is {queueHolds / perSecond:F1} s of work");
        // Twice the bound as margin: the rate is b's average over the run, and a loaded machine changes it within the
        // run (a run at 9.9 s against a queue estimated at just over 10 s of work made a bound of 1x flaky).
        if (queueHolds / perSecond > 2 * 10)
            Assert.True(run.HandshakeSeconds > 10, $"the genuine peer completed in {run.HandshakeSeconds:F1} s despite the flood");
    }

    [Fact]
    public void Oversized_datagrams_during_a_stall_do_not_grow_memory()
    {
        // The stall: dos_defence = never and a flood of valid-mac InitHellos keep the loop decapsulating; beside them,
        // 65,000-byte datagrams (dropped before they are queued) and 2,500-byte ones (the largest that are queued).
        var run = Attack("never", 2000, extraDatagrams: [new byte[65_000], new byte[65_000], new byte[ReceiveQueuesMax]]);

        Assert.True(run.MaxResidentBytes < MaxResidentBytes, $"RSS reached {run.MaxResidentBytes >> 20} MB (bound 300 MB)");
        Assert.True(long.Parse(run.Totals["oversized"], CultureInfo.InvariantCulture) > 100, $"oversized={run.Totals["oversized"]}");
        AssertExitAfterCurrentDatagram(run);
    }

    /// <summary>SIGTERM ends b within 1 s, plus what the scheduler withheld (<see cref="SchedulingProbe"/>).</summary>
    private static void AssertPromptExit(AttackRun run) =>
        Assert.True(run.ExitSeconds <= (run.Overloaded ? 10 : 1 + run.Slack),
            $"SIGTERM took {run.ExitSeconds:F2} s (bound 1 s + {run.Slack:F2} s scheduling delay; load {run.LoadPerCore:F1} per core)");

    /// <summary>
    /// Without the defence the loop is mostly inside one decapsulation when SIGTERM comes, and finishes it first: the
    /// bound is 1 s plus the longest that b's timers waited for such a step (by b's clock), plus scheduling delay. On
    /// an idle machine one decapsulation is 30 ms; on a loaded one it can be ten times that.
    /// </summary>
    private static void AssertExitAfterCurrentDatagram(AttackRun run)
    {
        double step = double.Parse(run.Totals["max_timer_late_ms"], CultureInfo.InvariantCulture) / 1000;
        Assert.True(run.ExitSeconds <= (run.Overloaded ? 10 : 1 + step + run.Slack),
            $"SIGTERM took {run.ExitSeconds:F2} s (bound 1 s + {step:F2} s for the step in progress + {run.Slack:F2} s scheduling delay)");
    }

    private const int ReceiveQueuesMax = Rosenpass.Cli.Net.ReceiveQueues.MaxDatagramBytes;
    private const int ReceiveQueuesBytes = Rosenpass.Cli.Net.ReceiveQueues.MaxBytes;

    /// <summary>
    /// Every retransmission of b's InitHello to c came no later than its schedule allows (spec §9.2: the n-th delay is
    /// in [0.25·2^n, 0.5·2^n) s, then [5, 10) s) plus 100 ms, measured where c receives it, and by b's own clock no
    /// timer ran more than 100 ms after it was due. Both bounds allow what the scheduler withheld from every thread
    /// meanwhile (<see cref="SchedulingProbe"/>): a few milliseconds on an idle machine. (Only the upper bound: c's
    /// thread can be woken late for one datagram, which shortens the gap before it; the core never fires early.)
    /// </summary>
    private void AssertTimersKeptTime(AttackRun run)
    {
        Assert.True(run.TimerGaps.Count >= 4, $"only {run.TimerGaps.Count} retransmissions seen");
        if (run.Overloaded)
        {
            log.WriteLine($"machine overloaded (load average {run.LoadPerCore:F1} per core): timer bounds measured, not asserted");
            return;
        }
        double tolerance = 0.1 + run.Slack;
        for (int n = 0; n < run.TimerGaps.Count; n++)
        {
            double exponent = Math.Min(Math.Log2(20), n);
            double lower = 0.25 * Math.Pow(2, exponent), upper = 0.5 * Math.Pow(2, exponent);
            Assert.True(run.TimerGaps[n] <= upper + tolerance,
                $"retransmission {n + 1} came {run.TimerGaps[n]:F3} s after the previous one, due in [{lower}, {upper}) + {tolerance:F3} s");
        }
        double late = double.Parse(run.Totals["max_timer_late_ms"], CultureInfo.InvariantCulture) / 1000;
        Assert.True(late <= tolerance, $"a timer ran {late:F3} s late by b's clock (bound 0.1 s + {run.Slack:F3} s scheduling delay)");
    }

    private sealed record AttackRun(double HandshakeSeconds, IReadOnlyList<double> TimerGaps, double ExitSeconds,
        long MaxResidentBytes, IReadOnlyDictionary<string, string> Totals, long FloodSent, double Slack, double LoadPerCore)
    {
        /// <summary>
        /// More than <see cref="OverloadPerCore"/> runnable tasks per core (the 1-minute load average): then a busy
        /// thread waits in the run queue longer than a sleeping probe shows, and no process can promise 100 ms. The
        /// wall-clock bounds on timers and on the handshake are then measured and logged, not asserted; everything else
        /// still is. CI's own test run stays well below this; a machine shared with many builds does not.
        /// </summary>
        public bool Overloaded => LoadPerCore > OverloadPerCore;
    }

    internal const double OverloadPerCore = 8;

    internal static double LoadAverageFor1Minute() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    private AttackRun Attack(string defence, int perSecond, IReadOnlyList<byte[]> extraDatagrams)
    {
        using var folder = new TempFolder();
        keys.CopyTo(folder, "a", "b", "c");
        var ports = FreePorts.Take(3);
        int portA = ports[0], portB = ports[1], portC = ports[2];
        string configB = folder.Write("b.toml", $"""
            public_key = "{folder.File("b.pk")}"
            secret_key = "{folder.File("b.sk")}"
            listen = ["127.0.0.1:{portB}"]
            dos_defence = "{defence}"

            [[peers]]
            public_key = "{folder.File("a.pk")}"
            key_out = "{folder.File("b-out")}"

            [[peers]]
            public_key = "{folder.File("c.pk")}"
            endpoint = "127.0.0.1:{portC}"
            key_out = "{folder.File("b-out-c")}"
            """);
        string configA = folder.Write("a.toml", $"""
            public_key = "{folder.File("a.pk")}"
            secret_key = "{folder.File("a.sk")}"
            listen = ["127.0.0.1:{portA}"]

            [[peers]]
            public_key = "{folder.File("b.pk")}"
            endpoint = "127.0.0.1:{portB}"
            key_out = "{folder.File("a-out")}"
            """);
        var flood = FloodDatagrams(folder).Concat(extraDatagrams).ToList();

        // c never answers: b retransmits its InitHello to c on the schedule of spec §9.2, and c notes when.
        using var silentC = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silentC.Bind(new IPEndPoint(IPAddress.Loopback, portC));
        var arrivals = new List<double>();
        var clock = Stopwatch.StartNew();
        var listener = new Thread(() => Listen(silentC, clock, arrivals)) { IsBackground = true, Priority = ThreadPriority.Highest };
        listener.Start();

        using var probe = new SchedulingProbe();
        using var b = RosenpassProcess.Start(folder.Path, ["--log-level", "info", "exchange-config", configB]);
        Assert.True(b.WaitForStderr(l => l.Contains("listening on")), string.Join(" | ", b.Stderr));
        long maxResident = b.ResidentBytes();
        var floodClock = Stopwatch.StartNew();
        using var sender = new FloodSender(new IPEndPoint(IPAddress.Loopback, portB), flood, perSecond, Sources, FloodTime);
        void SampleUntil(TimeSpan t, Func<bool>? done = null)
        {
            while (floodClock.Elapsed < t && done?.Invoke() != true)
            {
                maxResident = Math.Max(maxResident, b.ResidentBytes());
                Thread.Sleep(50);
            }
        }

        SampleUntil(TimeSpan.FromSeconds(1.5));
        // The handshake is timed from a's "listening" line: a's own start-up is not b's doing.
        using var a = RosenpassProcess.Start(folder.Path, ["--log-level", "info", "exchange-config", configA]);
        SampleUntil(StopAfter, () => a.Stderr.Any(l => l.Contains("listening on")));
        var handshake = Stopwatch.StartNew();
        bool Agreed() => PairSetup.ReadKey(folder.File("a-out")) is { } k && k == PairSetup.ReadKey(folder.File("b-out"));
        while (handshake.Elapsed < TimeSpan.FromSeconds(10.5) && !Agreed()) SampleUntil(floodClock.Elapsed + TimeSpan.FromMilliseconds(50));
        double handshakeSeconds = Agreed() ? handshake.Elapsed.TotalSeconds : double.PositiveInfinity;
        SampleUntil(StopAfter);

        Assert.False(b.HasExited, string.Join(" | ", b.Stderr.TakeLast(5)));
        var exit = Stopwatch.StartNew();
        b.Terminate();
        b.WaitForExit(RosenpassProcess.Patience);
        double exitSeconds = exit.Elapsed.TotalSeconds;
        long sent = sender.Sent;
        a.Kill();

        List<double> gaps;
        lock (arrivals) gaps = arrivals.Zip(arrivals.Skip(1), (x, y) => y - x).ToList();
        string totals = LoadTotalsLine(b);
        var fields = Fields(totals);
        double slack = probe.WorstSeconds;
        log.WriteLine($"dos_defence={defence} flood={perSecond}/s from {Sources} sources, {sent} sent; scheduling delay up to {slack:F3} s; handshake {handshakeSeconds:F2} s; " +
            $"exit {exitSeconds:F3} s; max RSS {maxResident >> 20} MB; retransmission gaps {string.Join(", ", gaps.Select(g => g.ToString("F3", CultureInfo.InvariantCulture)))}");
        log.WriteLine(totals);
        foreach (var line in b.Stderr.Where(l => l.Contains("load (last"))) log.WriteLine(line);
        Assert.True(fields.Count > 0, "no load totals in b's log: " + string.Join(" | ", b.Stderr.TakeLast(5)));
        double loadPerCore = LoadAverageFor1Minute() / Environment.ProcessorCount;
        log.WriteLine($"load average {loadPerCore:F1} per core");
        return new AttackRun(handshakeSeconds, gaps, exitSeconds, maxResident, fields, sent, slack, loadPerCore);
    }

    private static void Listen(Socket socket, Stopwatch clock, List<double> arrivals)
    {
        var buffer = new byte[65536];
        try
        {
            while (true)
            {
                int length = socket.Receive(buffer);
                if (length == Rosenpass.Reference.Protocol.Messages.InitHello.Length && buffer[0] == 0x81) lock (arrivals) arrivals.Add(clock.Elapsed.TotalSeconds);
            }
        }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
    }

    /// <summary>
    /// 16 InitHellos to <paramref name="target"/> (default b) from a key pair it does not know (any bytes will do for the
    /// initiator's own keys: only the target's public key goes into the mac), each followed by a replay of one genuine
    /// InitHello from its peer <paramref name="peer"/> (default a).
    /// </summary>
    internal static IEnumerable<byte[]> FloodDatagrams(TempFolder folder, string target = "b", string peer = "a")
    {
        byte[] targetPublicKey = File.ReadAllBytes(folder.File(target + ".pk"));
        var random = new Random(20261201);
        var unknownPublicKey = new byte[McEliece460896.PublicKeyLength];
        var unknownSecretKey = new byte[McEliece460896.SecretKeyLength];
        random.NextBytes(unknownPublicKey);
        random.NextBytes(unknownSecretKey);
        using var stranger = new Server(unknownPublicKey, Secret.CopyOf(unknownSecretKey));
        var strangerToTarget = stranger.AddPeer(targetPublicKey);
        using var genuine = new Server(File.ReadAllBytes(folder.File(peer + ".pk")), Secret.CopyOf(File.ReadAllBytes(folder.File(peer + ".sk"))));
        byte[] replayed = genuine.Initiate(genuine.AddPeer(targetPublicKey));
        var datagrams = new List<byte[]>();
        for (int i = 0; i < 16; i++)
        {
            datagrams.Add(stranger.Initiate(strangerToTarget));
            datagrams.Add(replayed);
        }
        return datagrams;
    }

    /// <summary>The daemon's last "load totals" line (<c>LoadReport</c>, logged at exit), or "" if it logged none.</summary>
    internal static string LoadTotalsLine(RosenpassProcess daemon) => daemon.Stderr.LastOrDefault(l => l.Contains("load totals")) ?? "";

    /// <summary>The key=value fields of a load report line.</summary>
    internal static Dictionary<string, string> Fields(string line) =>
        KeyValue().Matches(line).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex(@"(\w+)=(\S+)")]
    private static partial Regex KeyValue();
}
