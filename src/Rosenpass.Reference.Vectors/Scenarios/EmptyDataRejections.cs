using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Vectors.Scenarios;

/// <summary>EmptyData messages the initiator must reject (spec §6.5, §10.6); the follow-up delivers the genuine one.</summary>
internal static class EmptyDataRejections
{
    public const string Description = "EmptyData messages that a rejects, each followed by the genuine EmptyData where one is still due.";

    public static IEnumerable<VectorCase> Generate(KeyRing keys)
    {
        foreach (var v in Pair.Versions)
        {
            byte[] Prefix(CaseBuilder c)
            {
                Pair.Setup(c, v, Pair.Psk);
                return c.Accept("b", c.Accept("a", c.Accept("b", c.Initiate("a"))!)!)!;
            }
            void FollowUp(CaseBuilder c, byte[] genuine) => c.Accept("a", genuine);

            var aKey = keys.Get("a", "scenario").PublicKey;
            var cases = NegativeCase.Framing("emptydata", "a", MessageType.CookieReply).Concat(
            [
                new("emptydata-flipped-auth", "EmptyData with a flipped auth tag (§6.5)", "a", RejectionKind.BadAuthTag,
                    m => Mutations.Flipped(m, "auth", aKey, v), Flags.FlippedAuthTag),
                new("emptydata-unknown-session", "EmptyData whose sid names no handshake of a (§6.5)", "a", RejectionKind.UnknownSession,
                    m => Mutations.Flipped(m, "sid", aKey, v), Flags.UnknownSession),
            ]);
            foreach (var n in cases) yield return n.Build(keys, v, Prefix, FollowUp);

            yield return new NegativeCase("emptydata-replayed", "EmptyData delivered again after a accepted it: no handshake awaits it (§6.5)",
                "a", RejectionKind.UnexpectedMessage, m => new(m, "the same EmptyData again"), Flags.Replay).Build(keys, v, c =>
                {
                    byte[] ed = Prefix(c);
                    c.Accept("a", ed);
                    return ed;
                }, null);
        }
    }
}
