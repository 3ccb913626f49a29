using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Vectors.Scenarios;

/// <summary>CookieReplies the initiator must reject (spec §8.4) and a message a server under load drops (spec §8.5).</summary>
internal static class CookieReplyRejections
{
    public const string Description = "CookieReplies that a rejects, each followed by the genuine CookieReply; and a message b drops under load.";

    public static IEnumerable<VectorCase> Generate(KeyRing keys)
    {
        foreach (var v in Pair.Versions)
        {
            byte[] Prefix(CaseBuilder c)
            {
                Pair.Setup(c, v, Pair.Psk, bUnderLoad: true);
                return c.Accept("b", c.Initiate("a"), CookieScenarios.HostId)!;
            }
            void FollowUp(CaseBuilder c, byte[] genuine) => c.Accept("a", genuine);

            NegativeCase[] cases =
            [
                new("cookiereply-truncated", "CookieReply without its last byte", "a", RejectionKind.WrongLength,
                    Mutations.Truncated, Flags.Truncated, Flags.CookieReply),
                new("cookiereply-extended", "CookieReply with one byte appended", "a", RejectionKind.WrongLength,
                    Mutations.Extended, Flags.Extended, Flags.CookieReply),
                new("cookiereply-flipped-cookie", "CookieReply with a flipped encrypted cookie (§8.4)", "a", RejectionKind.BadAuthTag,
                    m => Mutations.Flipped(m, "cookie_encrypted", null, v), Flags.FlippedAuthTag, Flags.CookieReply),
                new("cookiereply-unknown-session", "CookieReply whose sid names no handshake of a (§8.4)", "a", RejectionKind.UnknownSession,
                    m => Mutations.Flipped(m, "sid", null, v), Flags.UnknownSession, Flags.CookieReply),
            ];
            foreach (var n in cases) yield return n.Build(keys, v, Prefix, FollowUp);

            // Under load b processes only InitHello and InitConf (spec §8.5): its own EmptyData, sent back to it, is dropped.
            yield return new NegativeCase("underload-emptydata", "EmptyData delivered to b while b is under load (§8.5)", "b",
                RejectionKind.NotProcessedUnderLoad, m => new(m, "b's own EmptyData, delivered to b"), Flags.UnderLoad).Build(keys, v, c =>
                {
                    byte[] cookieReply = Prefix(c);
                    byte[] ih = c.Accept("a", cookieReply)!;
                    byte[] ed = c.Accept("b", c.Accept("a", c.Accept("b", ih, CookieScenarios.HostId)!)!)!;
                    c.Accept("a", ed);
                    return ed;
                }, null);
        }
    }
}
