using Rosenpass.Cli.Tests.Support;

namespace Rosenpass.Cli.Tests.EndToEnd;

/// <summary>
/// Killing the initiating side and starting it again gives a new common key, and a reader polling the outfiles
/// all along never sees anything but a whole key (the outfile is replaced by rename).
/// </summary>
[Collection(EndToEndCollection.Name)]
public class RestartTests(KeyPairFixture keys)
{
    [Fact]
    public void Restarted_peer_leads_to_a_new_common_key_and_no_partial_outfile()
    {
        using var pair = new PairSetup(keys);
        var badReads = new List<string>();
        int reads = 0;
        using var stopReading = new CancellationTokenSource();
        var reader = new Thread(() =>
        {
            while (!stopReading.IsCancellationRequested)
            {
                foreach (var path in new[] { pair.OutA, pair.OutB })
                {
                    if (PairSetup.ReadKey(path) is { } text)
                    {
                        reads++;
                        if (text.Length != 44 || !IsBase64Of32(text)) lock (badReads) badReads.Add(text);
                    }
                }
            }
        });
        reader.Start();

        using var b = pair.Start("exchange-config", pair.ConfigB);
        string? first;
        using (var a = pair.Start("exchange-config", pair.ConfigA))
        {
            first = pair.CommonKey();
            Assert.NotNull(first);
            a.Kill();
        }
        using var again = pair.Start("exchange-config", pair.ConfigA);
        string? second = pair.CommonKey(not: first);
        stopReading.Cancel();
        reader.Join();

        Assert.True(second != null, $"no new common key; a: {string.Join(" | ", again.Stderr)}; b: {string.Join(" | ", b.Stderr)}");
        Assert.NotEqual(first, second);
        Assert.False(b.HasExited);
        // The outfile is written before the stdout line, so the second line may still be on its way.
        Assert.True(Eventually.Holds(() => b.Stdout.Count(l => PairSetup.IsOutputLine(l, pair.OutB, "exchanged")) >= 2),
            $"b's stdout: {string.Join(" | ", b.Stdout)}");
        Assert.True(reads > 100, $"the reader only managed {reads} reads");
        Assert.Empty(badReads);
    }

    private static bool IsBase64Of32(string text)
    {
        var buffer = new byte[33];
        return Convert.TryFromBase64String(text, buffer, out int written) && written == 32;
    }
}
