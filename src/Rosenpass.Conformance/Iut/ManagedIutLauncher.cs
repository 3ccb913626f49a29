using Rosenpass.Reference;

namespace Rosenpass.Conformance.Iut;

/// <summary>
/// Managed mode: for each scenario, a fresh IUT process on a fresh port, configured by us. The IUT's key pair,
/// our public key and the agreed psk are written once per run into <paramref name="runFolder"/>.
/// </summary>
internal sealed class ManagedIutLauncher : IIutLauncher
{
    public const string ConfigPlaceholder = "{config}";

    /// <summary>Another process may take the port we picked between our check and the IUT's bind: try again.</summary>
    private const int StartAttempts = 3;

    private readonly string _command;
    private readonly IutConfigFile.Paths _paths;

    public ManagedIutLauncher(string command, KeyPair iutKeys, byte[] ourPublicKey, Reference.Crypto.Secret psk, string runFolder)
    {
        CheckCommand(command);
        _command = command;
        IutPublicKey = iutKeys.PublicKey;
        _paths = new IutConfigFile.Paths(
            Path.Combine(runFolder, "iut.pk"), Path.Combine(runFolder, "iut.sk"), Path.Combine(runFolder, "ours.pk"),
            Path.Combine(runFolder, "psk"), Outfile: "");
        iutKeys.Save(_paths.PublicKey, _paths.SecretKey);
        File.WriteAllBytes(_paths.OurPublicKey, ourPublicKey);
        SecretFile.WritePsk(_paths.Psk, psk);
    }

    /// <summary>Refuses a command with no place for the config path (before any key is generated).</summary>
    public static void CheckCommand(string command)
    {
        if (!command.Contains(ConfigPlaceholder, StringComparison.Ordinal))
            throw new InputFormatException("--iut-cmd", $"the command must contain {ConfigPlaceholder} where the config path goes");
    }

    public bool CanMakeIutInitiate => true;

    public byte[] IutPublicKey { get; }

    public async Task<IutInstance> StartAsync(IutSetup setup, string folder, CancellationToken cancel)
    {
        var paths = _paths with { Outfile = Path.Combine(folder, "iut-key-out") };
        if (setup.SecondPeer is { } second)
        {
            paths = paths with { SecondPeerPublicKey = Path.Combine(folder, "ours2.pk"), SecondOutfile = Path.Combine(folder, "iut-key-out-2") };
            await File.WriteAllBytesAsync(paths.SecondPeerPublicKey, second, cancel).ConfigureAwait(false);
        }
        string? lastProblem = null;
        for (int attempt = 0; attempt < StartAttempts; attempt++)
        {
            int port = FreeUdpPort.Take(setup.Ipv6);
            string config = Path.Combine(folder, "iut.toml");
            await File.WriteAllTextAsync(config, IutConfigFile.Toml(paths, port, setup), cancel).ConfigureAwait(false);
            var address = new System.Net.IPEndPoint(setup.Ipv6 ? System.Net.IPAddress.IPv6Loopback : System.Net.IPAddress.Loopback, port);
            var iut = IutProcess.Start(_command.Replace(ConfigPlaceholder, ShellQuote(config), StringComparison.Ordinal), folder, address,
                paths.Outfile, paths.SecondOutfile);
            if (await iut.WaitUntilListeningAsync(cancel).ConfigureAwait(false)) return iut;
            lastProblem = iut.ExitProblem ?? $"it did not bind {address}";
            await iut.DisposeAsync().ConfigureAwait(false);
        }
        throw new IutStartException($"the IUT did not start: {lastProblem}");
    }

    /// <summary>Single quotes for /bin/sh: nothing inside is special except the quote itself.</summary>
    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
