namespace Rosenpass.Reference.Vectors;

/// <summary>
/// Marks the parts of a step's outputs where a conforming implementation may legitimately differ from ours
/// (vectors/README.md, "Acceptable differences"): the cookie field of every RespHello and EmptyData we send or trace
/// (spec §8.2), and the kind of every rejection (spec §10.6). Computed from the outputs alone, so generator and
/// checker derive the same marks.
/// </summary>
internal static class AcceptableDifferences
{
    /// <summary>The length of the envelope's cookie field, the last bytes of every message (spec §5.1).</summary>
    private const int CookieLength = 16;

    /// <summary>The marks for <paramref name="expected"/>, or null when there are none.</summary>
    public static List<AcceptableDifference>? For(Expected expected)
    {
        var marks = new List<AcceptableDifference>();
        if (expected.Rejection != null) marks.Add(new AcceptableDifference { Field = "rejection", Note = Flags.RejectionKindOrder });
        CookieField(marks, "message", expected.Message);
        CookieField(marks, "response", expected.Response);
        for (int i = 0; i < expected.Events.Count; i++) CookieField(marks, $"events[{i}].message", expected.Events[i].Message);
        for (int i = 0; i < expected.Trace.Count; i++)
        {
            if (expected.Trace[i].Name is "RespHello" or "EmptyData") CookieField(marks, $"trace[{i}].value", expected.Trace[i].Value);
        }
        return marks.Count == 0 ? null : marks;
    }

    /// <summary>The notes the marks of <paramref name="cases"/> name.</summary>
    public static IEnumerable<string> NotesOf(IEnumerable<VectorCase> cases) =>
        cases.SelectMany(c => c.Steps).SelectMany(s => s.Expected.Acceptable ?? []).Select(a => a.Note).Distinct();

    private static void CookieField(List<AcceptableDifference> marks, string field, string? hex)
    {
        // RespHello is type 0x82, EmptyData 0x84 (spec §5.1); only their cookie field is undefined (spec §8.2).
        if (hex is not { Length: >= 2 * CookieLength } || !(hex.StartsWith("82", StringComparison.Ordinal) || hex.StartsWith("84", StringComparison.Ordinal)))
            return;
        int length = hex.Length / 2;
        marks.Add(new AcceptableDifference { Field = field, Offset = length - CookieLength, Length = CookieLength, Note = Flags.UnspecifiedCookieField });
    }
}
