using System.Diagnostics;
using Rosenpass.Conformance.Iut;

namespace Rosenpass.FaultyIut;

/// <summary>
/// Our real rosenpass as a child process. Its stdout and stderr pass through unchanged; the last
/// <c>output-key</c> line (a key event, upstream-facts §3.5) is kept so the fault can announce it once more.
/// </summary>
internal sealed class RealRosenpass : IDisposable
{
    private readonly Process _process;
    private readonly Lock _output = new();
    private readonly bool _onlyFirstKeyEvent;
    private string? _lastKeyEvent;

    private RealRosenpass(Process process, bool onlyFirstKeyEvent)
    {
        _process = process;
        _onlyFirstKeyEvent = onlyFirstKeyEvent;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line) return;
            lock (_output)
            {
                if (line.StartsWith("output-key ", StringComparison.Ordinal))
                {
                    // keep-first-key: every key event after the first is kept back, as its key is from the outfile
                    if (_onlyFirstKeyEvent && _lastKeyEvent != null) return;
                    _lastKeyEvent = line;
                }
                Console.Out.WriteLine(line);
            }
        };
        _process.ErrorDataReceived += (_, e) => { if (e.Data != null) Console.Error.WriteLine(e.Data); };
    }

    /// <param name="onlyFirstKeyEvent">the keep-first-key fault: only the first key event reaches stdout</param>
    public static RealRosenpass Start(string dll, string config, bool onlyFirstKeyEvent = false)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "exchange-config", config }) start.ArgumentList.Add(arg);
        var rosenpass = new RealRosenpass(new Process { StartInfo = start }, onlyFirstKeyEvent);
        rosenpass._process.Start();
        rosenpass._process.BeginOutputReadLine();
        rosenpass._process.BeginErrorReadLine();
        return rosenpass;
    }

    /// <summary>Waits until the child has bound its port; false if it exited first or took too long.</summary>
    public async Task<bool> WaitUntilBoundAsync(int port, TimeSpan patience)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < patience && !_process.HasExited)
        {
            if (FreeUdpPort.IsBound(port) != false) return true;
            await Task.Delay(20);
        }
        return false;
    }

    public async Task<int> ExitCodeAsync()
    {
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>The fault: the last key event once more, as if the replayed InitConf had given a new key.</summary>
    public void RepeatLastKeyEvent()
    {
        lock (_output)
        {
            if (_lastKeyEvent != null) Console.Out.WriteLine(_lastKeyEvent);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
