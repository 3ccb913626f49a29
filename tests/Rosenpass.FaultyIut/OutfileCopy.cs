namespace Rosenpass.FaultyIut;

/// <summary>
/// The faults on the outfile: the real rosenpass writes its outfile to a private path, and this copies each new key
/// to the outfile the runner reads, changed by a rule. Polled every 10 ms.
/// </summary>
internal static class OutfileCopy
{
    /// <summary>The key with its first base64 character changed (wrong-key): the IUT reports a key it did not derive.</summary>
    public static string? Flipped(string key, int index) => (key[0] == 'A' ? 'B' : 'A') + key[1..];

    /// <summary>The first key only (keep-first-key): later keys never reach the outfile.</summary>
    public static string? FirstOnly(string key, int index) => index == 0 ? key : null;

    public static async Task RunAsync(string privatePath, string runnerPath, Func<string, int, string?> rule, CancellationToken stop)
    {
        string? last = null;
        int keys = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                string? now = File.Exists(privatePath) ? await File.ReadAllTextAsync(privatePath, stop) : null;
                if (now is { Length: > 0 } && now != last)
                {
                    if (rule(now, keys++) is { } copy) await File.WriteAllTextAsync(runnerPath, copy, stop);
                    last = now;
                }
                await Task.Delay(10, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (IOException)
            {
                // the real rosenpass is writing it: read again next time
            }
        }
    }
}
