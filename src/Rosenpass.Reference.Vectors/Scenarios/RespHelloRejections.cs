using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Vectors.Scenarios;

/// <summary>RespHellos the initiator must reject (spec §6.3, §10.6); the follow-up delivers the genuine one.</summary>
internal static class RespHelloRejections
{
    public const string Description = "RespHellos that a rejects, each followed by the genuine RespHello, answered as if nothing had happened.";

    public static IEnumerable<VectorCase> Generate(KeyRing keys)
    {
        foreach (var v in Pair.Versions)
        {
            byte[] Prefix(CaseBuilder c)
            {
                Pair.Setup(c, v, Pair.Psk);
                return c.Accept("b", c.Initiate("a"))!;
            }
            void FollowUp(CaseBuilder c, byte[] genuine) => c.Accept("a", genuine);

            var aKey = keys.Get("a", "scenario").PublicKey;
            var cases = NegativeCase.Framing("resphello", "a", MessageType.InitConf).Concat(
            [
                new("resphello-flipped-auth", "RespHello with a flipped auth tag (RHI7)", "a", RejectionKind.BadAuthTag,
                    m => Mutations.Flipped(m, "auth", aKey, v), Flags.FlippedAuthTag),
                new("resphello-flipped-biscuit", "RespHello with a flipped biscuit, which is mixed into ck (RHI6), so auth fails (RHI7)", "a",
                    RejectionKind.BadAuthTag, m => Mutations.Flipped(m, "biscuit", aKey, v), Flags.FlippedBiscuit),
                new("resphello-unknown-session", "RespHello whose sidi names no handshake of a (RHI2)", "a", RejectionKind.UnknownSession,
                    m => Mutations.Flipped(m, "sidi", aKey, v), Flags.UnknownSession),
            ]);
            foreach (var n in cases) yield return n.Build(keys, v, Prefix, FollowUp);

            // The genuine RespHello delivered a second time, after a answered it with InitConf: the handshake is past it.
            byte[] emptyData = [];
            yield return new NegativeCase("resphello-replayed", "RespHello delivered again after a answered it (RHI2: next is EmptyData)",
                "a", RejectionKind.UnexpectedMessage, m => new(m, "the same RespHello again"), Flags.Replay).Build(keys, v, c =>
                {
                    byte[] rh = Prefix(c);
                    byte[] ic = c.Accept("a", rh)!;
                    emptyData = c.Accept("b", ic)!;
                    return rh;
                }, (c, _) => c.Accept("a", emptyData));
        }
    }
}
