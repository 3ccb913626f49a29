using Rosenpass.Conformance.Iut;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>What every scenario of a run shares: our keys, the agreed psk, the IUT launcher, the patience.</summary>
internal sealed record ScenarioContext(KeyPair Ours, Secret Psk, IIutLauncher Launcher, TimeSpan KeyTimeout, string RunFolder);
