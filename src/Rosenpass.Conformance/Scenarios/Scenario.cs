using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// One conformance check. <see cref="Name"/> is <c>topic/variant/version</c>; the IUT's role decides who initiates.
/// </summary>
internal abstract class Scenario(string topic, IutRole role, ProtocolVersion version)
{
    /// <summary>The scenario's id, the same in every version: <c>topic/iut-role</c> (docs/conformance.md lists them).</summary>
    public string Id => $"{topic}/iut-{role.ToString().ToLowerInvariant()}";

    /// <summary>The name in reports: the id and the version.</summary>
    public string Name => $"{Id}/{version}";

    /// <summary>The sections of spec/ whose behaviour the scenario checks, e.g. "§9.2, §9.4".</summary>
    public abstract string Spec { get; }

    /// <summary>What a pass proves about the IUT, in one sentence.</summary>
    public abstract string Proves { get; }

    /// <summary>Whether the behaviour goes beyond what upstream does (upstream may legitimately fail it).</summary>
    public virtual bool BeyondUpstream => false;

    /// <summary>Whether the scenario runs only with <c>--long</c> (real protocol timers, minutes).</summary>
    public virtual bool Long => false;

    public IutRole Role => role;

    public ProtocolVersion Version => version;

    public Task<Outcome> RunAsync(ScenarioContext context, CancellationToken cancel)
    {
        if (role == IutRole.Initiator && !context.Launcher.CanMakeIutInitiate)
            return Task.FromResult(Outcome.Skip("a running IUT initiates only to the endpoint it was configured with; use --iut-cmd"));
        return RunCheckedAsync(context, cancel);
    }

    protected abstract Task<Outcome> RunCheckedAsync(ScenarioContext context, CancellationToken cancel);

    /// <summary>A rig for this scenario: the IUT in <see cref="Role"/> and our counterpart, with the agreed psk.</summary>
    protected Task<ScenarioRig> StartRigAsync(ScenarioContext context, CancellationToken cancel,
        Action<Counterpart.Counterpart>? prepare = null, RigOptions? options = null) =>
        ScenarioRig.StartAsync(context, this, prepare, cancel, options);
}
