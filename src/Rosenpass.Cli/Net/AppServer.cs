using System.Net;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Keys;
using Rosenpass.Cli.Logging;
using Rosenpass.Cli.Output;
using Rosenpass.Cli.WireGuard;
using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Cli.Net;

/// <summary>
/// The daemon: the protocol core (pure logic) plus sockets, files, timers and WireGuard. One thread runs the
/// event loop (spec §8.5.5): before every datagram it checks the stop signal and runs <see cref="Server.Poll"/> if
/// the core's deadline has come (rekeying, retransmissions, stale keys; its datagrams go to the peers' endpoints);
/// then it hands one received datagram to <see cref="Server.HandleMessage"/> and sends the response back to the
/// sender. Key events go to <see cref="KeyEventOutput"/>. Between events the loop sleeps until the next datagram or
/// the next deadline. The core asks <see cref="DaemonLoadPolicy"/> whether it is under load (spec §8.5).
/// </summary>
public sealed class AppServer : IDisposable
{
    /// <summary>Longest sleep between polls; the core's deadlines are far shorter in practice.</summary>
    private const double MaxSleepSeconds = 3600;

    private readonly Server _server;
    private readonly IClock _clock;
    private readonly UdpSockets _sockets;
    private readonly List<PeerRoute> _routes = [];
    private readonly KeyEventOutput _output;
    private readonly Verbosity _verbosity;
    private readonly DaemonLoadPolicy _load;
    private readonly LoadReport _report;

    private AppServer(Server server, IClock clock, DaemonLoadPolicy load, UdpSockets sockets, KeyEventOutput output,
        Verbosity verbosity)
    {
        _server = server;
        _clock = clock;
        _load = load;
        _report = new LoadReport(load.Defence.ToString().ToLowerInvariant());
        _sockets = sockets;
        _output = output;
        _verbosity = verbosity;
    }

    /// <summary>The bound addresses (ports chosen by the system included).</summary>
    public IReadOnlyList<IPEndPoint> LocalEndpoints => _sockets.LocalEndpoints;

    /// <summary>
    /// Loads the keys, adds the peers, binds the sockets. Every problem is an <see cref="InputFormatException"/>
    /// naming the file or field. Run <see cref="ConfigValidator"/> first for upstream's checks.
    /// </summary>
    /// <param name="clock">The protocol clock; null: real time (<see cref="MonotonicClock"/>). Only a test host passes one.</param>
    public static AppServer Create(RosenpassConfig config, TextWriter stdout, WgBroker? broker = null, IClock? clock = null)
    {
        string source = config.SourcePath ?? "arguments";
        if (config.PublicKey is null || config.SecretKey is null)
            throw new InputFormatException(source, "Server keypair missing (public_key and secret_key).");
        byte[] publicKey = KeyFiles.ReadPublicKey(config.PublicKey);
        clock ??= new MonotonicClock();
        var load = new DaemonLoadPolicy(config.DosDefence);
        var secretKey = KeyFiles.ReadSecretKey(config.SecretKey);
        WarmUpDecapsulation(secretKey);
        var server = new Server(publicKey, secretKey, new ServerOptions { Clock = clock, LoadPolicy = load });
        try
        {
            var routes = config.Peers.Select((peer, i) => AddPeer(server, peer, $"{source}: peers[{i}]")).ToList();
            var sockets = new UdpSockets(config.Listen);
            var app = new AppServer(server, clock, load, sockets, new KeyEventOutput(stdout, broker ?? new WgBroker(), config.Verbosity),
                config.Verbosity);
            app._routes.AddRange(routes);
            return app;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One McEliece decapsulation of an all-zero ciphertext (implicit rejection; the key is thrown away), before the
    /// event loop starts: the first one in a process compiles the code and builds its FFT tables, tens of milliseconds
    /// that would otherwise fall inside the first handshake and make a due timer wait (spec §8.5.5).
    /// </summary>
    private static void WarmUpDecapsulation(Secret secretKey)
    {
        Span<byte> sharedKey = stackalloc byte[McEliece460896.SharedKeyLength];
        new McEliece460896(SystemRandom.Instance).Decapsulate(sharedKey, new byte[McEliece460896.CiphertextLength], secretKey.Expose());
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(sharedKey);
    }

    private static PeerRoute AddPeer(Server server, PeerConfig config, string field)
    {
        byte[] publicKey = KeyFiles.ReadPublicKey(config.PublicKey);
        Secret? psk = config.PreSharedKey is { } pskPath ? KeyFiles.ReadPsk(pskPath) : null;
        var osk = config.OskOrganization is { } organization && config.OskLabel is { } labels
            ? OskDomainSeparator.Custom(organization, labels)
            : null;
        var endpoints = config.Endpoint is { } endpoint ? EndpointResolver.Resolve(endpoint, $"{field}.endpoint") : [];
        try
        {
            var peer = server.AddPeer(publicKey, psk, config.ProtocolVersion, osk, initiates: endpoints.Count > 0);
            return new PeerRoute(config, peer, endpoints);
        }
        catch (ArgumentException e)
        {
            psk?.Dispose();
            throw new InputFormatException($"{field}.public_key", e.Message);
        }
    }

    /// <summary>
    /// Runs until <paramref name="stop"/> is cancelled (SIGINT/SIGTERM in the CLI). One datagram per turn, with the
    /// stop signal and the timers checked before each (spec §8.5.5), so neither waits behind a backlog.
    /// </summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var receivers = _sockets.StartReceiving(stop);
        Log.Info($"listening on {string.Join(", ", LocalEndpoints)} with {_routes.Count} peer(s), dos_defence = {_load.Defence.ToString().ToLowerInvariant()}");
        double timersDue = PollOnce(lateness: 0);
        bool pollNow = false;
        while (!stop.IsCancellationRequested)
        {
            double now = _clock.Now;
            if (pollNow || now >= timersDue)
            {
                timersDue = PollOnce(lateness: pollNow ? 0 : (now - timersDue) / _clock.Rate);
                pollNow = false;
                continue;
            }
            _report.Tick(now, _sockets.Received.Dropped, _sockets.Oversized);
            _load.Detector.Waiting(_sockets.Received.InitHellosWaiting, now);
            if (_sockets.Received.TryTake(out var datagram))
            {
                // An accepted message can start or end a handshake: ask the core for its timers again.
                if (HandleDatagram(datagram)) pollNow = true;
                continue;
            }
            double sleep = Math.Clamp(Math.Min(timersDue, _report.NextReportAt) - now, 0, MaxSleepSeconds);
            // Clock seconds to real ones (they differ only for a test host's faster clock).
            await _sockets.Received.WaitAsync(TimeSpan.FromSeconds(sleep / _clock.Rate), stop).ConfigureAwait(false);
        }
        _sockets.Dispose();
        await Task.WhenAll(receivers).ConfigureAwait(false);
        _report.Tick(_clock.Now, _sockets.Received.Dropped, _sockets.Oversized);
        _report.LogTotals();
        _output.WaitForWireGuard(TimeSpan.FromSeconds(5));
    }

    /// <summary>Runs the core's timers; <paramref name="lateness"/> is how many real seconds after their due time (for the report).</summary>
    private double PollOnce(double lateness)
    {
        _report.Timer(lateness);
        var result = _server.Poll();
        foreach (var e in result.Events) HandleEvent(e, source: null);
        return result.NextPollAt;
    }

    /// <summary>Hands one datagram to the core; returns whether it was accepted.</summary>
    private bool HandleDatagram(Datagram datagram)
    {
        double now = _clock.Now;
        if (_load.Detector.IsUnderLoad(now)) _report.UnderLoad();
        var outcome = _server.HandleMessage(datagram.Bytes, HostId.For(datagram.SocketIndex, datagram.Source));
        if (outcome.Type == MessageType.InitHello) CountInitHello(outcome, now);
        if (!outcome.Accepted)
        {
            string message = $"dropped a datagram of {datagram.Bytes.Length} bytes from {datagram.Source}: {outcome.Rejection}";
            if (_verbosity == Verbosity.Verbose) Log.Info(message);
            else Log.Debug(message);
            return false;
        }
        Log.Debug($"accepted {outcome.Type} from {datagram.Source}{(outcome.Response is null ? "" : ", answering")}");
        if (outcome.Response is { } response) _sockets.Send(response, datagram.Source, datagram.SocketIndex);
        foreach (var e in outcome.Events) HandleEvent(e, datagram);
        return true;
    }

    /// <summary>Feeds the under-load rule (spec §8.5.3) and the report with one handled InitHello.</summary>
    private void CountInitHello(HandleOutcome outcome, double now)
    {
        bool validMac = outcome.Rejection?.Kind != RejectionKind.BadMac;
        bool cookieReply = outcome.Accepted && outcome.Peer is null;
        _report.InitHello(validMac, cookieReply, outcome.Rejection?.Kind == RejectionKind.RateLimited);
        if (validMac) _load.Detector.ValidMacInitHello(now);
    }

    private void HandleEvent(ServerEvent e, Datagram? source)
    {
        var route = _routes[e.Peer.Index];
        switch (e)
        {
            case SendToPeer send:
                Log.Debug($"sending {send.Datagram.Length} bytes to peer {e.Peer.PeerIdBase64}");
                if (route.NextDestination() is { } destination) _sockets.Send(send.Datagram, destination.Address, destination.SocketIndex);
                break;
            case KeyExchanged exchanged:
                using (exchanged.Key)
                {
                    if (source != null) route.Current = (source.Source, source.SocketIndex);
                    _output.Deliver(route.Config, e.Peer.PeerIdBase64, exchanged.Key, KeyOutputReason.Exchanged);
                }
                break;
            case KeyStale stale:
                using (stale.Key)
                {
                    route.ResetDiscovery();
                    _output.Deliver(route.Config, e.Peer.PeerIdBase64, stale.Key, KeyOutputReason.Stale);
                }
                break;
        }
    }

    public void Dispose()
    {
        _sockets.Dispose();
        _server.Dispose();
    }
}
