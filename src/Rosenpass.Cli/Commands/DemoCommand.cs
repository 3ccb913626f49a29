using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Keys;
using Rosenpass.Cli.Net;

namespace Rosenpass.Cli.Commands;

/// <summary>
/// <c>rosenpass demo</c>: the whole job on one machine. Two key pairs in a temporary folder, two peers on
/// loopback (peer B only answers, peer A initiates), until both have written the same key; then it reports
/// and removes the folder. Exit code 0 when the keys match, 1 otherwise.
/// </summary>
public sealed class DemoCommand : ICliCommand
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public Command Build()
    {
        var command = new Command("demo", "Run two peers on loopback until they agree on a key, then clean up");
        command.SetAction(_ => CommandRunner.Run(() => Run(Console.Out)));
        return command;
    }

    public static int Run(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("rosenpass-demo-");
        try
        {
            return RunIn(folder.FullName, output);
        }
        finally
        {
            folder.Delete(recursive: true);
            output.WriteLine($"Removed {folder.FullName}.");
        }
    }

    private static int RunIn(string folder, TextWriter output)
    {
        string File(string name) => Path.Combine(folder, name);
        output.WriteLine($"Generating two Classic McEliece key pairs in {folder} ...");
        KeyFiles.GenerateKeyPair(File("a.pk"), File("a.sk"), force: false);
        KeyFiles.GenerateKeyPair(File("b.pk"), File("b.sk"), force: false);

        var loopback = new IPEndPoint(IPAddress.Loopback, 0);
        var configB = Config(File("b.pk"), File("b.sk"), loopback, new PeerConfig { PublicKey = File("a.pk"), KeyOut = File("b-key-out") });
        using var b = AppServer.Create(configB, output);
        var addressB = b.LocalEndpoints[0];
        var configA = Config(File("a.pk"), File("a.sk"), loopback,
            new PeerConfig { PublicKey = File("b.pk"), Endpoint = SocketAddressParser.Format(addressB), KeyOut = File("a-key-out") });
        using var a = AppServer.Create(configA, output);
        output.WriteLine($"Peer A on {a.LocalEndpoints[0]} starts a handshake with peer B on {addressB} ...");

        using var stop = new CancellationTokenSource();
        var running = new[] { a.RunAsync(stop.Token), b.RunAsync(stop.Token) };
        bool agreed = WaitForSameKey(File("a-key-out"), File("b-key-out"), running);
        stop.Cancel();
        Task.WaitAll(running, TimeSpan.FromSeconds(10));
        Report(output, agreed, File("a-key-out"), File("b-key-out"));
        return agreed ? 0 : CommandRunner.Failure;
    }

    private static RosenpassConfig Config(string publicKey, string secretKey, IPEndPoint listen, PeerConfig peer)
    {
        var config = new RosenpassConfig { PublicKey = publicKey, SecretKey = secretKey, SourcePath = "demo" };
        config.Listen.Add(listen);
        config.Peers.Add(peer);
        return config;
    }

    private static bool WaitForSameKey(string outA, string outB, Task[] running)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Limit && !running.Any(t => t.IsCompleted))
        {
            if (SameKey(outA, outB)) return true;
            Thread.Sleep(50);
        }
        return SameKey(outA, outB);
    }

    private static bool SameKey(string outA, string outB)
    {
        try
        {
            byte[] keyA = System.IO.File.ReadAllBytes(outA);
            byte[] keyB = System.IO.File.ReadAllBytes(outB);
            bool same = keyA.Length == 44 && CryptographicOperations.FixedTimeEquals(keyA, keyB);
            CryptographicOperations.ZeroMemory(keyA);
            CryptographicOperations.ZeroMemory(keyB);
            return same;
        }
        catch (IOException)
        {
            return false; // not written yet
        }
    }

    private static void Report(TextWriter output, bool agreed, string outA, string outB)
    {
        output.WriteLine(agreed
            ? $"Success: both peers derived the same post-quantum key and wrote it (base64, 44 characters, mode 0600) to\n  {outA}\n  {outB}\n" +
              "In real use, this key becomes WireGuard's pre-shared key and is replaced every two minutes."
            : $"Failure: within {Limit.TotalSeconds} s the peers did not write the same key to {outA} and {outB}.");
    }
}
