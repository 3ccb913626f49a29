using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Vectors.Scenarios;

/// <summary>
/// The shape of every rejection case: a prefix of genuine steps that yields a genuine message, the mutated message
/// delivered and rejected with the stated kind without any change of state, then (usually) a follow-up that
/// delivers the genuine message and so shows, through its recorded outputs, that nothing had changed.
/// </summary>
internal sealed record NegativeCase(
    string Name, string Comment, string Server, RejectionKind Kind, Func<byte[], Mutations.Mutated> Mutate, params string[] CaseFlags)
{
    /// <summary>Writes the case: <paramref name="prefix"/> sets up and returns the genuine message.</summary>
    public VectorCase Build(KeyRing keys, ProtocolVersion version, Func<CaseBuilder, byte[]> prefix, Action<CaseBuilder, byte[]>? followUp)
    {
        using var c = Pair.Case(keys, version, Name);
        byte[] genuine = prefix(c);
        var mutated = Mutate(genuine);
        c.Reject(Server, mutated.Message, Kind, mutated.Description);
        followUp?.Invoke(c, genuine);
        return c.Build($"{Comment}: rejected as {Kind}, no state changed", version, valid: false, [.. CaseFlags, Flags.StateUnchanged]);
    }

    /// <summary>The cases every message type has: truncated, extended, unknown type, another type, flipped mac.</summary>
    public static IEnumerable<NegativeCase> Framing(string prefix, string server, MessageType other, bool hasMac = true)
    {
        yield return new($"{prefix}-truncated", $"{prefix} without its last byte", server, RejectionKind.WrongLength,
            Mutations.Truncated, Flags.Truncated);
        yield return new($"{prefix}-extended", $"{prefix} with one byte appended", server, RejectionKind.WrongLength,
            Mutations.Extended, Flags.Extended);
        yield return new($"{prefix}-unknown-type", $"{prefix} with a type byte that names no message", server,
            RejectionKind.UnknownMessageType, Mutations.UnknownType, Flags.WrongType);
        yield return new($"{prefix}-other-type", $"{prefix} with the type byte of {other}", server, RejectionKind.WrongLength,
            m => Mutations.OtherType(m, other), Flags.WrongType);
        if (hasMac)
            yield return new($"{prefix}-flipped-mac", $"{prefix} with a flipped mac", server, RejectionKind.BadMac,
                Mutations.FlippedMac, Flags.FlippedMac);
    }
}
