namespace Rosenpass.Reference.Protocol;

/// <summary>A typed rejection with a short human-readable detail (never secret data).</summary>
public sealed record Rejection(RejectionKind Kind, string Detail)
{
    public override string ToString() => $"{Kind}: {Detail}";
}
