using System.Net;
using System.Net.Sockets;
using Rosenpass.Conformance.Iut;

namespace Rosenpass.FaultyIut;

/// <summary>
/// A faulty Rosenpass for the conformance runner's self-tests (tests/Rosenpass.Conformance.Tests/SelfTests.cs).
/// It runs our real rosenpass on a loopback port of its own and relays datagrams to it from the address the runner
/// configured; whenever an InitConf it has already relayed arrives again, it announces one more key, as an
/// implementation would that derived a key from a replayed InitConf (spec §7.3, §9.4). From outside it is one IUT
/// started as <c>dotnet Rosenpass.FaultyIut.dll ROSENPASS_DLL exchange-config CONFIG</c>.
/// </summary>
public static class Program
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(20);

    public static async Task<int> Main(string[] args)
    {
        if (args is not [var rosenpassDll, "exchange-config", var configPath])
        {
            Console.Error.WriteLine("usage: Rosenpass.FaultyIut ROSENPASS_DLL exchange-config CONFIG");
            return 2;
        }
        var config = RunnerConfig.Read(configPath);
        using var inside = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var iut = new IPEndPoint(IPAddress.Loopback, FreeUdpPort.Take());
        string innerConfig = config.WriteInner(configPath + ".inner.toml", iut, (IPEndPoint)inside.Client.LocalEndPoint!);

        using var rosenpass = RealRosenpass.Start(rosenpassDll, innerConfig);
        if (!await rosenpass.WaitUntilBoundAsync(iut.Port, StartPatience)) return await rosenpass.ExitCodeAsync();

        using var outside = new UdpClient(config.Listen);
        var relay = new Relay(outside, inside, iut, config.PeerEndpoint);
        relay.ReplayedInitConf += rosenpass.RepeatLastKeyEvent;
        using var stop = new CancellationTokenSource();
        var relaying = relay.RunAsync(stop.Token);
        int code = await rosenpass.ExitCodeAsync();
        await stop.CancelAsync();
        await relaying;
        return code;
    }
}
