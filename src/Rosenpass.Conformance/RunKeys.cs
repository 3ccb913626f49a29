using Rosenpass.Conformance.Iut;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance;

/// <summary>
/// The keys of one run and the IUT launcher that knows them. Managed mode generates both McEliece key pairs
/// (about 0.6 s each; a third half the time, so that the IUT leads the tie-break, <see cref="TieBreakRoles"/>)
/// and a random psk once per run; running mode loads ours, the IUT's public key and the psk
/// (none means 32 zero bytes, as upstream) from the user's files.
/// </summary>
internal sealed class RunKeys : IDisposable
{
    private RunKeys(KeyPair ours, Secret psk, IIutLauncher launcher)
    {
        Ours = ours;
        Psk = psk;
        Launcher = launcher;
    }

    public KeyPair Ours { get; }

    public Secret Psk { get; }

    public IIutLauncher Launcher { get; }

    /// <summary>A second key pair of ours, generated when first needed (the two-peer scenario).</summary>
    public Lazy<KeyPair> Second { get; } = new(() => KeyPair.Generate(SystemRandom.Instance));

    public static RunKeys Create(ConformanceOptions options, string runFolder)
    {
        if (options.Running is { } running)
        {
            var ours = KeyPairFiles.Load(running.OurPublicKeyPath, running.OurSecretKeyPath);
            Secret? psk = null;
            try
            {
                psk = running.PskPath is { } path ? SecretFile.ReadPsk(path) : new Secret(SecretFile.PskBytes);
                return new RunKeys(ours, psk, new RunningIutLauncher(running));
            }
            catch
            {
                ours.Dispose();
                psk?.Dispose();
                throw;
            }
        }
        ManagedIutLauncher.CheckCommand(options.IutCommand!);
        // The IUT leads the tie-break (spec §9.6), so that simultaneous-initiation tests its rule, not ours.
        var (generated, iutKeys) = TieBreakRoles.Generate(SystemRandom.Instance);
        using var iutPair = iutKeys;
        var agreedPsk = Secret.Random(SecretFile.PskBytes, SystemRandom.Instance);
        try
        {
            var launcher = new ManagedIutLauncher(options.IutCommand!, iutKeys, generated.PublicKey, agreedPsk, runFolder);
            return new RunKeys(generated, agreedPsk, launcher);
        }
        catch
        {
            generated.Dispose();
            agreedPsk.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Ours.Dispose();
        if (Second.IsValueCreated) Second.Value.Dispose();
        Psk.Dispose();
    }
}
