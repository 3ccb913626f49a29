using System.Globalization;

namespace Rosenpass.Reference.Vectors;

/// <summary>Compares a step's recorded outputs with what this implementation produced; one line per differing entry.</summary>
internal static class StepComparer
{
    public static IEnumerable<string> Compare(Expected expected, Expected observed)
    {
        var lines = new List<string>();
        Value(lines, "accepted", expected.Accepted, observed.Accepted);
        Value(lines, "rejection", expected.Rejection, observed.Rejection);
        Value(lines, "stateUnchanged", expected.StateUnchanged, observed.StateUnchanged);
        Hex(lines, "message", expected.Message, observed.Message);
        Hex(lines, "response", expected.Response, observed.Response);
        Value(lines, "nextPollAt", expected.NextPollAt?.ToString("R", CultureInfo.InvariantCulture),
            observed.NextPollAt?.ToString("R", CultureInfo.InvariantCulture));

        Count(lines, "events", expected.Events.Count, observed.Events.Count);
        for (int i = 0; i < Math.Min(expected.Events.Count, observed.Events.Count); i++)
        {
            var (e, o) = (expected.Events[i], observed.Events[i]);
            string name = $"events[{i}] {e.Type}";
            Value(lines, name + " type", e.Type, o.Type);
            Value(lines, name + " peer", e.Peer.ToString(CultureInfo.InvariantCulture), o.Peer.ToString(CultureInfo.InvariantCulture));
            Hex(lines, name + " key", e.Key, o.Key);
            Hex(lines, name + " message", e.Message, o.Message);
        }

        Count(lines, "trace", expected.Trace.Count, observed.Trace.Count);
        for (int i = 0; i < Math.Min(expected.Trace.Count, observed.Trace.Count); i++)
        {
            var (e, o) = (expected.Trace[i], observed.Trace[i]);
            string name = $"trace[{i}] {e.Step} {e.Name}";
            if (e.Step != o.Step || e.Name != o.Name) lines.Add($"{name}: this implementation traced {o.Step} {o.Name} here");
            else Hex(lines, name, e.Value, o.Value);
        }
        return lines;
    }

    private static void Value<T>(List<string> lines, string entry, T? expected, T? observed)
    {
        if (!Equals(expected, observed)) lines.Add($"{entry}: expected {Show(expected)}, got {Show(observed)}");
    }

    private static void Count(List<string> lines, string entry, int expected, int observed)
    {
        if (expected != observed) lines.Add($"{entry}: expected {expected} entries, got {observed}");
    }

    /// <summary>Hex values: the length and the first differing byte, not the whole (up to 1 MiB) value.</summary>
    private static void Hex(List<string> lines, string entry, string? expected, string? observed)
    {
        if (expected == observed) return;
        if (expected == null || observed == null)
        {
            lines.Add($"{entry}: expected {(expected == null ? "none" : Short(expected))}, got {(observed == null ? "none" : Short(observed))}");
            return;
        }
        int digit = 0;
        while (digit < Math.Min(expected.Length, observed.Length) && expected[digit] == observed[digit]) digit++;
        lines.Add($"{entry}: differs from byte {digit / 2} on (expected {expected.Length / 2} bytes {Short(expected[(digit / 2 * 2)..])}, "
            + $"got {observed.Length / 2} bytes {Short(observed[(digit / 2 * 2)..])})");
    }

    private static string Short(string hex) => hex.Length <= 32 ? hex : hex[..32] + "…";

    private static string Show<T>(T? value) => value?.ToString() ?? "none";
}
