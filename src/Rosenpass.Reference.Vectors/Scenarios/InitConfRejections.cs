using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Vectors.Scenarios;

/// <summary>InitConfs the responder must reject (spec §6.4, §7, §10.6); the follow-up delivers the genuine one.</summary>
internal static class InitConfRejections
{
    public const string Description = "InitConfs that b rejects, each followed by the genuine InitConf where one is still due.";

    public static IEnumerable<VectorCase> Generate(KeyRing keys)
    {
        foreach (var v in Pair.Versions)
        {
            byte[] Prefix(CaseBuilder c)
            {
                Pair.Setup(c, v, Pair.Psk);
                return c.Accept("a", c.Accept("b", c.Initiate("a"))!)!;
            }
            void FollowUp(CaseBuilder c, byte[] genuine) => c.Accept("a", c.Accept("b", genuine)!);

            var bKey = keys.Get("b", "scenario").PublicKey;
            var cases = NegativeCase.Framing("initconf", "b", MessageType.EmptyData).Concat(
            [
                new("initconf-flipped-auth", "InitConf with a flipped auth tag (ICR4)", "b", RejectionKind.BadAuthTag,
                    m => Mutations.Flipped(m, "auth", bKey, v), Flags.FlippedAuthTag),
                new("initconf-flipped-biscuit", "InitConf with a flipped biscuit (ICR1)", "b", RejectionKind.BadBiscuit,
                    m => Mutations.Flipped(m, "biscuit", bKey, v), Flags.FlippedBiscuit),
            ]);
            foreach (var n in cases) yield return n.Build(keys, v, Prefix, FollowUp);

            // b2 is b's twin (same key, cookie secrets and biscuit keys) without peers: the biscuit opens, but names a peer
            // b2 does not know.
            yield return new NegativeCase("initconf-unknown-peer", "InitConf whose biscuit names a peer the receiver does not know (ICR1)",
                "b2", RejectionKind.UnknownPeer, m => new(m, "genuine, delivered to b2, a twin of b without peers"), Flags.UnknownPeer)
                .Build(keys, v, c =>
                {
                    byte[] ic = Prefix(c);
                    c.Twin("b2", "b");
                    return ic;
                }, FollowUp);

            // After the cached EmptyData is forgotten (120 s, spec §9.4), the same InitConf is a replayed biscuit.
            yield return new NegativeCase("initconf-replayed", "InitConf delivered again after b forgot its cached EmptyData (ICR5)",
                "b", RejectionKind.ReplayedBiscuit, m => new(m, "the same InitConf again, at 125 s"), Flags.Replay).Build(keys, v, c =>
                {
                    byte[] ic = Prefix(c);
                    c.Accept("a", c.Accept("b", ic)!);
                    c.Clock = 125;
                    c.Poll("b");
                    return ic;
                }, null);
        }
    }
}
