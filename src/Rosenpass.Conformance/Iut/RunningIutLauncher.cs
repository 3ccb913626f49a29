namespace Rosenpass.Conformance.Iut;

/// <summary>
/// Running mode: every scenario talks to the same IUT, which the user started with us as its peer. The IUT keeps
/// its state between scenarios; each scenario runs its own fresh handshakes, so that does not matter.
/// </summary>
internal sealed class RunningIutLauncher(RunningIut running) : IIutLauncher
{
    public bool CanMakeIutInitiate => false;

    public byte[] IutPublicKey { get; } = KeyPairFiles.ReadPublicKey(running.PublicKeyPath);

    public Task<IutInstance> StartAsync(IutSetup setup, string folder, CancellationToken cancel) =>
        Task.FromResult<IutInstance>(new RunningIutInstance(running));
}
