using System.Diagnostics;
using System.Net;

namespace Rosenpass.Conformance.Iut;

/// <summary>
/// One IUT process, started through <c>/bin/sh -c</c> in the scenario's folder. Its stdout is read line by line
/// to count upstream's <c>output-key</c> lines (upstream-facts §3.5); the last stderr lines explain a crash.
/// </summary>
internal sealed class IutProcess : IutInstance
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(20);
    private const int KeptErrorLines = 5;

    private readonly Process _process;
    private readonly IPEndPoint _address;
    private readonly string _outfile;
    private readonly string? _secondOutfile;
    private readonly List<string> _stdout = [];
    private readonly Queue<string> _stderr = new();
    private bool _stopping;

    private IutProcess(Process process, IPEndPoint address, string outfile, string? secondOutfile)
    {
        _process = process;
        _address = address;
        _outfile = outfile;
        _secondOutfile = secondOutfile;
        _process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (_stdout) _stdout.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data == null) return;
            lock (_stderr)
            {
                _stderr.Enqueue(e.Data);
                if (_stderr.Count > KeptErrorLines) _stderr.Dequeue();
            }
        };
    }

    public static IutProcess Start(string shellCommand, string folder, IPEndPoint address, string outfile, string? secondOutfile = null)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(shellCommand);
        var iut = new IutProcess(new Process { StartInfo = start }, address, outfile, secondOutfile);
        iut._process.Start();
        iut._process.BeginOutputReadLine();
        iut._process.BeginErrorReadLine();
        return iut;
    }

    public override IPEndPoint Address => _address;

    public override int KeyEvents
    {
        get { lock (_stdout) return _stdout.Count(line => line.StartsWith("output-key ", StringComparison.Ordinal)); }
    }

    public override string? ExitProblem
    {
        get
        {
            if (!_process.HasExited || _stopping) return null;
            _process.WaitForExit(); // flushes the output readers
            string errors;
            lock (_stderr) errors = string.Join(" | ", _stderr);
            return $"the IUT exited with code {_process.ExitCode}" + (errors.Length > 0 ? $"; stderr: {errors}" : "");
        }
    }

    public override string? ReadOutfile() => ReadText(_outfile);

    public override string? ReadSecondOutfile() => _secondOutfile == null ? null : ReadText(_secondOutfile);

    /// <summary>
    /// Waits until the IUT has bound its port (datagrams sent after that are queued for it, not lost); false if
    /// it exited first. Without the kernel's tables to read, it waits a fixed second.
    /// </summary>
    public async Task<bool> WaitUntilListeningAsync(CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StartPatience)
        {
            if (_process.HasExited) return false;
            switch (FreeUdpPort.IsBound(_address.Port))
            {
                case true:
                    return true;
                case null when watch.Elapsed > TimeSpan.FromSeconds(1):
                    return true;
            }
            await Task.Delay(20, cancel).ConfigureAwait(false);
        }
        return false;
    }

    public override ValueTask DisposeAsync()
    {
        _stopping = true;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // it had already gone
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
