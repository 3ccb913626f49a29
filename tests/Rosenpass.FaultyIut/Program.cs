using System.Net;
using System.Net.Sockets;
using Rosenpass.Conformance.Iut;

namespace Rosenpass.FaultyIut;

/// <summary>
/// A faulty Rosenpass for the conformance runner's self-tests (tests/Rosenpass.Conformance.Tests). It runs our real
/// rosenpass on a loopback port of its own and relays datagrams to it from the address the runner configured, with
/// one planted <see cref="Fault"/> (default: a replayed InitConf announces one more key, spec §7.3, §9.4). From
/// outside it is one IUT, started as <c>dotnet Rosenpass.FaultyIut.dll [--fault NAME] ROSENPASS_DLL exchange-config CONFIG</c>.
/// </summary>
public static class Program
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(30);

    public static async Task<int> Main(string[] args)
    {
        var fault = Fault.ReplayedInitConfKey; // the default, for the self-test that predates --fault
        if (args is ["--fault", var name, .. var rest])
        {
            if (!FaultNames.TryParse(name, out fault))
            {
                Console.Error.WriteLine($"unknown fault '{name}'; known: {string.Join(", ", Enum.GetValues<Fault>().Select(f => f.Name()))}");
                return 2;
            }
            args = rest;
        }
        if (args is not [var rosenpassDll, "exchange-config", var configPath])
        {
            Console.Error.WriteLine("usage: Rosenpass.FaultyIut [--fault NAME] ROSENPASS_DLL exchange-config CONFIG");
            return 2;
        }
        var config = RunnerConfig.Read(configPath);
        if (fault == Fault.NoTieBreak)
        {
            var stopped = new CancellationTokenSource(); // not disposed: ProcessExit may still cancel it after Main
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.Cancel(); };
            AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.Cancel();
            return await LibraryIut.RunAsync(config, stopped.Token);
        }
        var relay = new Relay(config.PeerEndpoint, fault);
        var iut = new IPEndPoint(IPAddress.Loopback, FreeUdpPort.Take());
        bool copiesOutfile = fault is Fault.WrongKey or Fault.KeepFirstKey && config.KeyOut != null;
        string? privateKeyOut = copiesOutfile ? configPath + ".real-key-out" : null;
        string innerConfig = config.WriteInner(configPath + ".inner.toml", iut, relay.PeerSide, fault, privateKeyOut);

        using var rosenpass = RealRosenpass.Start(rosenpassDll, innerConfig, onlyFirstKeyEvent: fault == Fault.KeepFirstKey);
        if (!await rosenpass.WaitUntilBoundAsync(iut.Port, StartPatience)) return await rosenpass.ExitCodeAsync();

        var listen = fault == Fault.Ipv4Only ? new IPEndPoint(IPAddress.Loopback, config.Listen.Port) : config.Listen;
        using var outside = new UdpClient(listen);
        if (fault == Fault.ReplayedInitConfKey) relay.ReplayedInitConf += rosenpass.RepeatLastKeyEvent;
        if (fault == Fault.KeyPerInitHello) relay.InitHelloRelayed += rosenpass.RepeatLastKeyEvent;
        using var stop = new CancellationTokenSource();
        var relaying = relay.RunAsync(outside, iut, stop.Token);
        var copying = privateKeyOut != null
            ? OutfileCopy.RunAsync(privateKeyOut, config.KeyOut!, fault == Fault.WrongKey ? OutfileCopy.Flipped : OutfileCopy.FirstOnly, stop.Token)
            : Task.CompletedTask;
        int code = await rosenpass.ExitCodeAsync();
        await stop.CancelAsync();
        await Task.WhenAll(relaying, copying);
        relay.Dispose();
        return code;
    }
}
