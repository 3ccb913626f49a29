using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// One conformance check. <see cref="Name"/> is <c>topic/variant/version</c>; the IUT's role decides who initiates.
/// </summary>
internal abstract class Scenario(string topic, IutRole role, ProtocolVersion version)
{
    public string Name => $"{topic}/iut-{role.ToString().ToLowerInvariant()}/{version}";

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
        Action<Counterpart.Counterpart>? prepare = null) =>
        ScenarioRig.StartAsync(context, this, prepare, cancel);
}
