using BenchmarkDotNet.Attributes;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Net;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Benchmarks;

/// <summary>
/// What one InitHello with a valid mac costs the responder, on each path of spec §8.5.2, with the daemon's own
/// policy (<see cref="DaemonLoadPolicy"/>, its token buckets included). The time per operation is the CPU time of one
/// InitHello on the event loop's single thread, so 1 / time is the datagrams per second one core can answer:
/// <list type="bullet">
/// <item><c>NotUnderLoad</c>: a replayed genuine InitHello, decapsulated and answered with a RespHello (the stateless
/// responder answers every replay afresh), as every flood InitHello is with <c>dos_defence = "never"</c>;</item>
/// <item><c>CookieReply</c>: under load, no valid cookie: answered with a CookieReply, not decapsulated;</item>
/// <item><c>RateLimited</c>: under load, a valid cookie, the source's bucket empty: dropped before decapsulation.</item>
/// </list>
/// The clock stands still, so an emptied bucket stays empty.
/// </summary>
[ShortJob]
public class UnderLoadBenchmarks
{
    public enum Path { NotUnderLoad, CookieReply, RateLimited }

    private static readonly byte[] Host = [.. Enumerable.Range(0, 30).Select(i => (byte)i)];

    private Server _initiator = null!;
    private Server _responder = null!;
    private byte[] _initHello = [];

    [Params(Path.NotUnderLoad, Path.CookieReply, Path.RateLimited)]
    public Path Case { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var clock = new ManualClock(1000);
        var policy = new DaemonLoadPolicy(Case == Path.NotUnderLoad ? DosDefence.Never : DosDefence.Always);
        _initiator = new Server(FixedKeys.PeerAPublicKey, Secret.CopyOf(FixedKeys.PeerASecretKey), new ServerOptions { Clock = clock });
        _responder = new Server(FixedKeys.PeerBPublicKey, Secret.CopyOf(FixedKeys.PeerBSecretKey),
            new ServerOptions { Clock = clock, LoadPolicy = policy });
        var peerB = _initiator.AddPeer(FixedKeys.PeerBPublicKey);
        _responder.AddPeer(FixedKeys.PeerAPublicKey, initiates: false);
        _initHello = _initiator.Initiate(peerB);
        if (Case == Path.RateLimited)
        {
            // Earn the cookie, then spend the source's burst.
            _initHello = _initiator.HandleMessage(_responder.HandleMessage(_initHello, Host).Response!).Response!;
            for (int i = 0; i < TokenBuckets.Burst; i++) _responder.HandleMessage(_initHello, Host);
        }
        var outcome = _responder.HandleMessage(_initHello, Host);
        bool expected = Case switch
        {
            Path.NotUnderLoad => outcome.Response?.Length == RespHello.Length,
            Path.CookieReply => outcome.Response?.Length == CookieReply.Length,
            _ => outcome.Rejection?.Kind == RejectionKind.RateLimited,
        };
        if (!expected) throw new InvalidOperationException($"{Case}: the InitHello gave {outcome}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _initiator.Dispose();
        _responder.Dispose();
    }

    [Benchmark]
    public HandleOutcome HandleValidMacInitHello() => _responder.HandleMessage(_initHello, Host);
}
