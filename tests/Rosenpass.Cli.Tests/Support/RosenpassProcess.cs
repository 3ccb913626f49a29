using System.Diagnostics;

namespace Rosenpass.Cli.Tests.Support;

/// <summary>
/// The built <c>rosenpass</c> (rosenpass.dll, copied beside the tests because we reference the CLI project),
/// run as a real process with its stdout and stderr collected line by line.
/// </summary>
public sealed class RosenpassProcess : IDisposable
{
    /// <summary>Generous for a loaded 2-core machine; waits end as soon as their condition holds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];

    private RosenpassProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (_stdout) _stdout.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_stderr) _stderr.Add(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "rosenpass.dll");

    /// <summary>tests/Rosenpass.FastClockDaemon: the same daemon on a protocol clock running a given number of times as fast.</summary>
    public static string FastClockDll => Path.Combine(AppContext.BaseDirectory, "Rosenpass.FastClockDaemon.dll");

    public static RosenpassProcess Start(string workingDirectory, IReadOnlyList<string> args, IDictionary<string, string>? environment = null) =>
        Launch(workingDirectory, [Dll, .. args], environment);

    /// <summary>
    /// The daemon with every protocol timer <paramref name="rate"/> times as fast (the rekey due at 120 s after
    /// 120/rate s); <paramref name="args"/> are <c>[--log-level L] exchange-config CONFIG</c>.
    /// </summary>
    public static RosenpassProcess StartWithFastClock(string workingDirectory, double rate, IReadOnlyList<string> args) =>
        Launch(workingDirectory, [FastClockDll, rate.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args], environment: null);

    private static RosenpassProcess Launch(string workingDirectory, string[] dotnetArgs, IDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in dotnetArgs) start.ArgumentList.Add(arg);
        start.Environment.Remove("RUST_LOG");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return new RosenpassProcess(new Process { StartInfo = start });
    }

    /// <summary>Runs to the end (at most <see cref="Patience"/>) and returns the exit code.</summary>
    public static (int ExitCode, IReadOnlyList<string> Stdout, IReadOnlyList<string> Stderr) Run(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        int code = process.WaitForExit(Patience);
        return (code, process.Stdout, process.Stderr);
    }

    public IReadOnlyList<string> Stdout { get { lock (_stdout) return [.. _stdout]; } }

    public IReadOnlyList<string> Stderr { get { lock (_stderr) return [.. _stderr]; } }

    public bool HasExited => _process.HasExited;

    /// <summary>The process id (the <c>dotnet</c> host that runs rosenpass.dll is the daemon itself).</summary>
    public int Id => _process.Id;

    /// <summary>The resident set size in bytes (VmRSS of /proc/PID/status), or 0 once the process is gone.</summary>
    public long ResidentBytes()
    {
        try
        {
            string? line = File.ReadLines($"/proc/{Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public int WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit))
        {
            Kill();
            throw new TimeoutException($"rosenpass did not exit within {limit.TotalSeconds} s; stderr: {string.Join(" | ", Stderr)}");
        }
        _process.WaitForExit(); // flushes the output readers
        return _process.ExitCode;
    }

    /// <summary>Waits until a stdout line satisfies <paramref name="condition"/>; false after <see cref="Patience"/>.</summary>
    public bool WaitForStdout(Func<string, bool> condition) => Eventually.Holds(() => Stdout.Any(condition));

    /// <summary>Waits until a stderr line satisfies <paramref name="condition"/>; false after <see cref="Patience"/>.</summary>
    public bool WaitForStderr(Func<string, bool> condition) => Eventually.Holds(() => Stderr.Any(condition));

    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    /// <summary>Sends SIGTERM, as a service manager would.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
