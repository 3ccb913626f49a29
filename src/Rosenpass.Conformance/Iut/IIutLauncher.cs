namespace Rosenpass.Conformance.Iut;

/// <summary>Gives each scenario an IUT to talk to: a fresh process (managed mode) or the running one.</summary>
internal interface IIutLauncher
{
    /// <summary>Whether scenarios can make the IUT initiate (only when we write its configuration).</summary>
    bool CanMakeIutInitiate { get; }

    /// <summary>The IUT's static public key.</summary>
    byte[] IutPublicKey { get; }

    /// <summary>Starts (or attaches to) the IUT for one scenario; <paramref name="folder"/> is the scenario's own.</summary>
    Task<IutInstance> StartAsync(IutSetup setup, string folder, CancellationToken cancel);
}
