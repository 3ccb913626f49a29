using System.Diagnostics;
using System.Globalization;
using Rosenpass.Conformance.Iut;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// The two sides of one scenario: the IUT and our counterpart. When the IUT initiates, we listen first and give
/// it our endpoint; when it responds, it is started first and we initiate once it listens.
/// </summary>
internal sealed class ScenarioRig : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly ScenarioContext _context;
    private readonly Scenario _scenario;
    private int _iutEventsAtLastAgreement;

    private ScenarioRig(ScenarioContext context, Scenario scenario, IutInstance iut, Counterpart.Counterpart us)
    {
        _context = context;
        _scenario = scenario;
        Iut = iut;
        Us = us;
    }

    public IutInstance Iut { get; }

    /// <summary>Our current counterpart (see <see cref="ReplaceCounterpartAsync"/>).</summary>
    public Counterpart.Counterpart Us { get; private set; }

    public static async Task<ScenarioRig> StartAsync(ScenarioContext context, Scenario scenario,
        Action<Counterpart.Counterpart>? prepare, CancellationToken cancel, RigOptions? options = null)
    {
        options ??= new RigOptions();
        string folder = Path.Combine(context.RunFolder, scenario.Name.Replace('/', '_'));
        Directory.CreateDirectory(folder);
        byte[]? second = options.SecondPeer ? context.Second.Value.PublicKey : null;
        if (scenario.Role == IutRole.Initiator || options.BothInitiate)
        {
            // We listen before the IUT starts: it sends its InitHello at once. When both initiate, our loop starts
            // only once the IUT listens, so that both InitHellos leave at about the same moment.
            var us = NewCounterpart(context, scenario, context.Psk, weInitiate: options.BothInitiate, iut: null, options);
            try
            {
                prepare?.Invoke(us);
                if (!options.BothInitiate) us.Start();
                var setup = new IutSetup(scenario.Version, us.LocalEndPoint, options.Ipv6, second, options.DosDefence);
                var iut = await context.Launcher.StartAsync(setup, folder, cancel).ConfigureAwait(false);
                if (options.BothInitiate)
                {
                    us.SetIut(iut.Address);
                    us.Start();
                }
                return new ScenarioRig(context, scenario, iut, us);
            }
            catch
            {
                await us.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        var responder = await context.Launcher.StartAsync(new IutSetup(scenario.Version, OurEndpoint: null, options.Ipv6, second, options.DosDefence),
            folder, cancel).ConfigureAwait(false);
        var initiator = NewCounterpart(context, scenario, context.Psk, weInitiate: true, responder.Address, options);
        prepare?.Invoke(initiator);
        var rig = new ScenarioRig(context, scenario, responder, initiator) { _options = options };
        if (options.SecondPeer)
        {
            rig.Second = new Counterpart.Counterpart(context.Second.Value, context.Launcher.IutPublicKey, context.Psk, scenario.Version,
                weInitiate: true, responder.Address);
            rig.Second.Start();
        }
        initiator.Start();
        return rig;
    }

    private RigOptions _options = new();

    /// <summary>Our second counterpart (another key pair, the IUT's second peer), when the rig has one.</summary>
    public Counterpart.Counterpart? Second { get; private set; }

    /// <summary>
    /// A new counterpart of ours (fresh server state and socket, psk <paramref name="psk"/>, protocol version
    /// <paramref name="version"/> or the rig's) initiates to the responding IUT; the old one is stopped first.
    /// </summary>
    public async Task ReplaceCounterpartAsync(Secret psk, Action<Counterpart.Counterpart>? prepare = null, ProtocolVersion? version = null)
    {
        await Us.DisposeAsync().ConfigureAwait(false);
        Us = NewCounterpart(_context, _scenario, psk, weInitiate: true, Iut.Address, version is { } other ? _options with { OurVersion = other } : _options);
        prepare?.Invoke(Us);
        Us.Start();
    }

    private static Counterpart.Counterpart NewCounterpart(ScenarioContext context, Scenario scenario, Secret psk, bool weInitiate,
        System.Net.IPEndPoint? iut, RigOptions options) =>
        new(context.Ours, context.Launcher.IutPublicKey, psk, options.OurVersion ?? scenario.Version, weInitiate, iut, options.UsUnderLoad, options.Ipv6);

    /// <summary>
    /// Waits until our key and the IUT's outfile hold the same key (other than <paramref name="notKey"/>) and the
    /// IUT has reported the key event (its stdout line comes after the outfile); null on success, else what was
    /// seen when the patience ran out or the IUT died.
    /// </summary>
    public async Task<string?> AgreementProblemAsync(string? notKey = null, TimeSpan? patience = null)
    {
        var timeout = patience ?? _context.KeyTimeout;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (Broken() is { } broken) return broken;
            string? ours = Us.Key;
            string? theirs = Iut.ReadOutfile();
            if (ours != null && ours != notKey && theirs == ours && Iut.KeyEvents > _iutEventsAtLastAgreement)
            {
                _iutEventsAtLastAgreement = Iut.KeyEvents;
                return null;
            }
            if (watch.Elapsed > timeout)
            {
                return $"no common key after {Seconds(watch.Elapsed)} s: we have {Describe(ours, notKey)}, " +
                    $"the IUT's outfile has {Describe(theirs, notKey)}" + (ours != null && theirs != null && ours != theirs ? " (they differ)" : "") + $"; {Iut.KeyEvents} key event(s) at the IUT";
            }
            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }

    /// <summary>Stops our counterpart (no more handshakes from us); <see cref="Broken"/> then looks at the IUT only.</summary>
    public async Task StopCounterpartAsync()
    {
        await Us.DisposeAsync().ConfigureAwait(false);
        _stopped = true;
    }

    private bool _stopped;

    /// <summary>Lets datagrams in flight arrive and be handled, then says whether the IUT still lives.</summary>
    public async Task<string?> SettleAsync(TimeSpan time)
    {
        await Task.Delay(time).ConfigureAwait(false);
        return Broken();
    }

    /// <summary>The IUT's exit or our loop's error, if either happened.</summary>
    public string? Broken() =>
        Iut.ExitProblem ?? (!_stopped && Us.LoopError is { } error ? $"runner error in our counterpart: {error.GetType().Name}: {error.Message}" : null);

    /// <summary>
    /// How long a scenario watches for something that must not happen (a key, an answer) after the IUT has just
    /// completed a handshake that took <paramref name="handshake"/>: twice that, so that a loaded machine cannot make
    /// a slow IUT look silent; at least <paramref name="minimum"/> (the scenario's retransmissions), at most the key
    /// timeout (the patience for a key that should come).
    /// </summary>
    public static TimeSpan QuietWindow(TimeSpan minimum, TimeSpan handshake, TimeSpan keyTimeout) =>
        TimeSpan.FromTicks(Math.Max(minimum.Ticks, Math.Min(2 * handshake.Ticks, keyTimeout.Ticks)));

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Describe(string? key, string? notKey) =>
        key == null ? "none" : key == notKey ? "only the earlier key" : "a key";

    public async ValueTask DisposeAsync()
    {
        if (!_stopped) await Us.DisposeAsync().ConfigureAwait(false);
        if (Second != null) await Second.DisposeAsync().ConfigureAwait(false);
        await Iut.DisposeAsync().ConfigureAwait(false);
    }
}
