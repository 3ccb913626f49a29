namespace Rosenpass.Reference.Vectors;

/// <summary>
/// One entry of upstream's assert_tv vector file: a value the recorded run injected (<c>Const</c>) or
/// produced (<c>Output</c>), in the order the run met them.
/// </summary>
/// <param name="Index">Zero-based position in the file; offloaded values are named after it.</param>
/// <param name="Kind">"Const" (injected) or "Output" (must be reproduced).</param>
/// <param name="Name">Upstream's label, absent on some entries.</param>
/// <param name="Description">Upstream's free-text description, if any.</param>
/// <param name="CodeLocation">Where upstream recorded it (file:line), if given.</param>
/// <param name="Value">The bytes.</param>
/// <param name="Offloaded">Whether the value came from an offloaded zstd file.</param>
public sealed record AssertTvEntry(int Index, string Kind, string? Name, string? Description, string? CodeLocation,
    byte[] Value, bool Offloaded)
{
    /// <summary>"Const": an injected value.</summary>
    public bool IsConst => Kind == "Const";

    /// <summary>"Output": a value the implementation must produce.</summary>
    public bool IsOutput => Kind == "Output";

    /// <summary>The name if there is one, else "#index": how a mismatch report names an entry.</summary>
    public string Label => Name ?? $"#{Index}";
}
