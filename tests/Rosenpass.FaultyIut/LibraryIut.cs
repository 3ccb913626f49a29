using Rosenpass.Conformance;
using Rosenpass.Conformance.Counterpart;

namespace Rosenpass.FaultyIut;

/// <summary>
/// The no-tie-break fault. No relay can take the tie-break (spec §9.6) out of our rosenpass (the rule is made to
/// survive any delay, loss or reordering of datagrams), so this fault is not our daemon: it is the library's server,
/// driven by the runner's own counterpart loop (src/Rosenpass.Conformance/Counterpart) with the tie-break switched
/// off, as an implementation without the rule (upstream) is. It reads the runner's configuration (one peer), listens
/// where it says, writes each key to the outfile and prints a key-event line as our daemon does, until stopped.
/// </summary>
internal static class LibraryIut
{
    public static async Task<int> RunAsync(RunnerConfig config, CancellationToken stop)
    {
        using var ours = KeyPairFiles.Load(config.PublicKey, config.SecretKey);
        using var psk = SecretFile.ReadPsk(config.Psk);
        byte[] peer = KeyPairFiles.ReadPublicKey(config.PeerPublicKey);
        string outfile = config.KeyOut ?? throw new InvalidDataException("the runner's configuration has no key_out");
        await using var server = new Counterpart(ours, peer, psk, config.Version, weInitiate: config.PeerEndpoint != null,
            config.PeerEndpoint, bind: config.Listen, tieBreak: false) { SendRepeatedInitConf = true };
        server.Start();
        int reported = 0;
        while (!stop.IsCancellationRequested)
        {
            if (server.LoopError is { } error)
            {
                Console.Error.WriteLine($"library IUT: {error.GetType().Name}: {error.Message}");
                return 1;
            }
            // The count first, then the key: a key event between the two is written now and announced next time.
            int events = server.KeyEvents;
            if (events > reported && server.Key is { } key)
            {
                await File.WriteAllTextAsync(outfile, key, CancellationToken.None);
                for (; reported < events; reported++) Console.Out.WriteLine($"output-key peer - key-file \"{outfile}\" exchanged");
            }
            try
            {
                await Task.Delay(10, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return 0;
    }
}
