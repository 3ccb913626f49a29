using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Rosenpass.Conformance.Report;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Tests;

/// <summary>
/// Running mode against our own <c>rosenpass</c>, started by the test as a user would: the first run generates
/// our key pair and prints the peer entry; the IUT is configured with it; the second run tests.
/// </summary>
[Collection(IutProcesses.Name)]
public sealed class RunningIutTests(ITestOutputHelper log)
{
    [Fact]
    public async Task A_running_rosenpass_passes_and_scenarios_that_need_managed_mode_are_skipped()
    {
        using var folder = new TempFolder();
        string File(string name) => folder.File(name);
        int port = FreePort();
        var running = new RunningIut(new IPEndPoint(IPAddress.Loopback, port), File("iut.pk"), File("iut-out"), File("ours.pk"), File("ours.sk"), File("psk"));
        using (var iutKeys = KeyPair.Generate(SystemRandom.Instance)) KeyPairFiles.Save(iutKeys, running.PublicKeyPath, File("iut.sk"));
        using (var psk = Secret.Random(32, SystemRandom.Instance)) SecretFile.WritePsk(File("psk"), psk);
        var options = new ConformanceOptions
        {
            Running = running,
            Version = ProtocolVersion.V03,
            Only = ["key-agreement/", "replay/init-conf/", "wrong-psk/"],
            ReportPath = File("report.xml"),
        };

        var first = new StringWriter();
        Assert.Equal(ConformanceTool.SetupError, await ConformanceTool.RunAsync(options, first));
        string peerEntry = first.ToString()[first.ToString().IndexOf("[[peers]]", StringComparison.Ordinal)..];
        System.IO.File.WriteAllText(File("iut.toml"), $"""
            public_key = "{File("iut.pk")}"
            secret_key = "{File("iut.sk")}"
            listen = ["127.0.0.1:{port}"]
            verbosity = "Quiet"

            {peerEntry}
            """);
        using var iut = StartRosenpass(File("iut.toml"));
        var second = new StringWriter();
        int code = await ConformanceTool.RunAsync(options, second);

        log.WriteLine(second.ToString());
        Assert.Contains("protocol_version = \"V03\"", peerEntry, StringComparison.Ordinal);
        Assert.True(code == ConformanceTool.Passed, second.ToString());
        var results = JUnit.Read(File("report.xml"));
        Assert.Equal(
            ["key-agreement/iut-initiator/V03"],
            results.Where(r => r.Verdict == Verdict.Skip).Select(r => r.Name));
        Assert.Equal(3, results.Count(r => r.Verdict == Verdict.Pass));
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static ProcessGuard StartRosenpass(string config)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(OwnRosenpass.Dll);
        start.ArgumentList.Add("exchange-config");
        start.ArgumentList.Add(config);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ProcessGuard(process);
    }

    private sealed class ProcessGuard(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
            process.Dispose();
        }
    }
}
