using System.Net;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Keys;
using Rosenpass.Cli.Logging;
using Rosenpass.Cli.Output;
using Rosenpass.Cli.WireGuard;
using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Cli.Net;

/// <summary>
/// The daemon: the protocol core (pure logic) plus sockets, files, timers and WireGuard. One thread runs the
/// event loop: a received datagram goes to <see cref="Server.HandleMessage"/> and its response back to the
/// sender; <see cref="Server.Poll"/> runs whenever the core asked to be polled (rekeying, retransmissions,
/// stale keys) and its datagrams go to the peers' endpoints; key events go to <see cref="KeyEventOutput"/>.
/// Between events the loop sleeps until the next datagram or the core's next deadline, whichever is first.
/// </summary>
public sealed class AppServer : IDisposable
{
    /// <summary>Longest sleep between polls; the core's deadlines are far shorter in practice.</summary>
    private const double MaxSleepSeconds = 3600;

    private readonly Server _server;
    private readonly MonotonicClock _clock;
    private readonly UdpSockets _sockets;
    private readonly List<PeerRoute> _routes = [];
    private readonly KeyEventOutput _output;
    private readonly Verbosity _verbosity;

    private AppServer(Server server, MonotonicClock clock, UdpSockets sockets, KeyEventOutput output, Verbosity verbosity)
    {
        _server = server;
        _clock = clock;
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
    public static AppServer Create(RosenpassConfig config, TextWriter stdout, WgBroker? broker = null)
    {
        string source = config.SourcePath ?? "arguments";
        if (config.PublicKey is null || config.SecretKey is null)
            throw new InputFormatException(source, "Server keypair missing (public_key and secret_key).");
        byte[] publicKey = KeyFiles.ReadPublicKey(config.PublicKey);
        var clock = new MonotonicClock();
        var server = new Server(publicKey, KeyFiles.ReadSecretKey(config.SecretKey), new ServerOptions { Clock = clock });
        try
        {
            var routes = config.Peers.Select((peer, i) => AddPeer(server, peer, $"{source}: peers[{i}]")).ToList();
            var sockets = new UdpSockets(config.Listen);
            var app = new AppServer(server, clock, sockets, new KeyEventOutput(stdout, broker ?? new WgBroker(), config.Verbosity),
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

    /// <summary>Runs until <paramref name="stop"/> is cancelled (SIGINT/SIGTERM in the CLI).</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var receivers = _sockets.StartReceiving(stop);
        Log.Info($"listening on {string.Join(", ", LocalEndpoints)} with {_routes.Count} peer(s)");
        double nextPoll = 0;
        while (!stop.IsCancellationRequested)
        {
            if (_clock.Now >= nextPoll)
            {
                nextPoll = PollOnce();
                continue;
            }
            if (await WaitForDatagram(nextPoll, stop).ConfigureAwait(false))
            {
                while (_sockets.Received.TryRead(out var datagram))
                {
                    // An accepted message can start or end a handshake: ask the core for its timers again.
                    if (HandleDatagram(datagram)) nextPoll = 0;
                }
            }
        }
        _sockets.Dispose();
        await Task.WhenAll(receivers).ConfigureAwait(false);
        _output.WaitForWireGuard(TimeSpan.FromSeconds(5));
    }

    private async Task<bool> WaitForDatagram(double until, CancellationToken stop)
    {
        double seconds = Math.Clamp(until - _clock.Now, 0, MaxSleepSeconds);
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
        wake.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _sockets.Received.WaitToReadAsync(wake.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private double PollOnce()
    {
        var result = _server.Poll();
        foreach (var e in result.Events) HandleEvent(e, source: null);
        return result.NextPollAt;
    }

    /// <summary>Hands one datagram to the core; returns whether it was accepted.</summary>
    private bool HandleDatagram(Datagram datagram)
    {
        var outcome = _server.HandleMessage(datagram.Bytes, HostId.For(datagram.SocketIndex, datagram.Source));
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
