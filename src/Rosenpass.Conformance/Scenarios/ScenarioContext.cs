using Rosenpass.Conformance.Iut;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>What every scenario of a run shares: our keys, the agreed psk, the IUT launcher, the patience, the IUT's declared abilities.</summary>
/// <param name="Second">a second key pair of ours, made when a scenario first needs one (two peers)</param>
/// <param name="UnderLoad">how the IUT is put under load (docs/conformance.md, "Cookie as responder")</param>
internal sealed record ScenarioContext(KeyPair Ours, Secret Psk, IIutLauncher Launcher, TimeSpan KeyTimeout, string RunFolder,
    Lazy<KeyPair> Second, UnderLoadMode UnderLoad = UnderLoadMode.Flood);

/// <summary>How the cookie-as-responder scenario puts the IUT under load (spec §8.5.6).</summary>
public enum UnderLoadMode
{
    /// <summary>16 InitHellos with a valid mac within a second (our daemon's "auto" rule, spec §8.5.3).</summary>
    Flood,
    /// <summary>The IUT's configuration says <c>dos_defence = "always"</c> (our daemon's key).</summary>
    Config,
    /// <summary>The IUT has no under-load mode: the scenario is not applicable.</summary>
    None,
}
