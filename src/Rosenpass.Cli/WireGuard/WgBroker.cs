using System.Buffers.Text;
using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using Rosenpass.Cli.Config;
using Rosenpass.Cli.Logging;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Cli.WireGuard;

/// <summary>
/// Hands a key to WireGuard as upstream's default broker does (upstream-facts §3.6):
/// <c>wg set DEV peer PEER preshared-key /dev/stdin EXTRA…</c> with the base64 key (no newline) on stdin.
/// A failing <c>wg</c> is logged; the daemon keeps running.
/// </summary>
public sealed class WgBroker(string program = "wg")
{
    /// <summary>The arguments after the program name.</summary>
    public static IReadOnlyList<string> Arguments(WireGuardConfig wg) =>
        ["set", wg.Device, "peer", wg.Peer, "preshared-key", "/dev/stdin", .. wg.ExtraParams];

    /// <summary>Starts <c>wg</c> and writes the key; returns a task that ends when <c>wg</c> has been reaped.</summary>
    public Task SetPsk(WireGuardConfig wg, Secret key)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(wg)) start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process started");
        }
        catch (Win32Exception e)
        {
            Log.Error($"could not run `{program}` for WireGuard device {wg.Device}: {e.Message}");
            return Task.CompletedTask;
        }
        WriteKey(process, key, wg);
        return Task.Run(() => Reap(process, wg));
    }

    private void WriteKey(Process process, Secret key, WireGuardConfig wg)
    {
        var text = new byte[44];
        try
        {
            Base64.EncodeToUtf8(key.Expose(), text, out _, out _);
            process.StandardInput.BaseStream.Write(text);
            process.StandardInput.BaseStream.Flush();
            process.StandardInput.Close();
        }
        catch (IOException e)
        {
            Log.Error($"`{program}` for WireGuard device {wg.Device} did not take the key: {e.Message}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    private async Task Reap(Process process, WireGuardConfig wg)
    {
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().ConfigureAwait(false);
            string errors = (await stderr.ConfigureAwait(false)).Trim();
            await stdout.ConfigureAwait(false);
            if (process.ExitCode != 0)
                Log.Error($"`{program} set {wg.Device} peer {wg.Peer} …` failed with exit code {process.ExitCode}: {errors}");
        }
    }
}
