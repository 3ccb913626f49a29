namespace Rosenpass.Reference.Protocol.Messages;

/// <summary>Reads fixed-size fields one after another, in wire order.</summary>
internal ref struct FieldReader(ReadOnlySpan<byte> source)
{
    private ReadOnlySpan<byte> _rest = source;

    public FieldReader Read(byte[] field)
    {
        _rest[..field.Length].CopyTo(field);
        _rest = _rest[field.Length..];
        return this;
    }

    /// <summary>Every byte was consumed: the layout and the size constant agree.</summary>
    public readonly void End()
    {
        if (!_rest.IsEmpty) throw new InvalidOperationException("message layout does not fill its payload");
    }
}

/// <summary>Writes fixed-size fields one after another, in wire order.</summary>
internal ref struct FieldWriter(Span<byte> destination)
{
    private Span<byte> _rest = destination;

    public FieldWriter Write(ReadOnlySpan<byte> field)
    {
        field.CopyTo(_rest);
        _rest = _rest[field.Length..];
        return this;
    }

    public readonly void End()
    {
        if (!_rest.IsEmpty) throw new InvalidOperationException("message layout does not fill its payload");
    }
}
