namespace Rosenpass.Cli.Tests.Support;

/// <summary>Whether two outfiles hold the same key and keep holding it (a race can write a second key just after).</summary>
public static class Agreement
{
    /// <summary>How long both outfiles must stay equal and unchanged to count as agreed.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Waits (at most <paramref name="limit"/>) until <paramref name="outA"/> and <paramref name="outB"/> hold the same key,
    /// other than <paramref name="not"/>, for <see cref="Settle"/>; returns that key, or null.
    /// </summary>
    public static string? StableCommonKey(string outA, string outB, TimeSpan limit, string? not = null)
    {
        string? candidate = null;
        var since = DateTime.UtcNow;
        string? result = null;
        Eventually.Holds(() =>
        {
            string? a = PairSetup.ReadKey(outA);
            bool agree = a != null && a != not && a == PairSetup.ReadKey(outB);
            if (!agree || a != candidate)
            {
                candidate = agree ? a : null;
                since = DateTime.UtcNow;
                return false;
            }
            if (DateTime.UtcNow - since < Settle) return false;
            result = a;
            return true;
        }, limit);
        return result;
    }
}
