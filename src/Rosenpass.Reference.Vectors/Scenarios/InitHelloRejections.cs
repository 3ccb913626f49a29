using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Vectors.Scenarios;

/// <summary>InitHellos the responder must reject (spec §6.2, §6.6, §10.6); the follow-up delivers the genuine one.</summary>
internal static class InitHelloRejections
{
    public const string Description = "InitHellos that b rejects, each followed by the genuine InitHello, answered as if nothing had happened.";

    public static IEnumerable<VectorCase> Generate(KeyRing keys)
    {
        foreach (var v in Pair.Versions)
        {
            byte[] Prefix(CaseBuilder c)
            {
                Pair.Setup(c, v, Pair.Psk);
                return c.Initiate("a");
            }
            void FollowUp(CaseBuilder c, byte[] genuine) => c.Accept("b", genuine);

            var bKey = keys.Get("b", "scenario").PublicKey;
            var cases = NegativeCase.Framing("inithello", "b", MessageType.RespHello).Concat(
            [
                new("inithello-flipped-auth", "InitHello with a flipped auth tag (IHR8)", "b", RejectionKind.BadAuthTag,
                    m => Mutations.Flipped(m, "auth", bKey, v), Flags.FlippedAuthTag),
                new("inithello-flipped-pidi-ct", "InitHello with a flipped pidi_ct (IHR6)", "b", RejectionKind.BadAuthTag,
                    m => Mutations.Flipped(m, "pidi_ct", bKey, v), Flags.FlippedAuthTag),
            ]);
            foreach (var n in cases) yield return n.Build(keys, v, Prefix, FollowUp);

            yield return new NegativeCase("inithello-unknown-peer", "InitHello from a to a b that has no peers (IHR6)", "b",
                RejectionKind.UnknownPeer, m => new(m, "genuine"), Flags.UnknownPeer).Build(keys, v, c =>
                {
                    c.Server("a", "a", false, CaseBuilder.Peer("b", v, Pair.Psk, initiates: true));
                    c.Server("b", "b", false);
                    return c.Initiate("a");
                }, null);

            var other = v == ProtocolVersion.V02 ? ProtocolVersion.V03 : ProtocolVersion.V02;
            yield return new NegativeCase("inithello-version-mismatch", $"InitHello from a ({v}) to b, which has a configured for {other}; "
                + "peer ids are computed under the peer's own version, so the mismatch shows as an unknown peer (§6.6)",
                "b", RejectionKind.UnknownPeer, m => new(m, "genuine"), Flags.VersionMismatch).Build(keys, v, c =>
                {
                    c.Server("a", "a", false, CaseBuilder.Peer("b", v, Pair.Psk, initiates: true));
                    c.Server("b", "b", false, CaseBuilder.Peer("a", other, Pair.Psk, initiates: false));
                    return c.Initiate("a");
                }, null);

            // The only way to HashFunctionMismatch (§6.6): a message under v that names a's peer id under `other`, the
            // version b has for a. No genuine initiator sends it; anyone with a's keys can.
            var (aKey, _) = keys.Get("a", "scenario");
            byte[] pidOther = Labels.For(other).PeerId.Mix(aKey).ToArray();
            yield return new NegativeCase("inithello-hash-function-mismatch", $"InitHello sealed under {v} whose pidi is a's peer id under {other}, "
                + $"the version b has configured for a: b finds the peer at IHR6 under {v} and refuses the version (§6.6). The message is built "
                + "step by step (IHI1-IHI8) with a's keys; its draws are part of it",
                "b", RejectionKind.HashFunctionMismatch,
                m => new(m, $"crafted: an InitHello under {v} with pidi = a's {other} peer id"), Flags.VersionMismatch).Build(keys, v, c =>
                {
                    c.Server("a", "a", false, CaseBuilder.Peer("b", other, Pair.Psk, initiates: true));
                    c.Server("b", "b", false, CaseBuilder.Peer("a", other, Pair.Psk, initiates: false));
                    var random = new SeededRandom(SeededRandom.SeedFor($"rosenpass reference vectors case {Pair.Tag(v)}-inithello-hash-function-mismatch"), "forged inithello");
                    return ForgedInitHello.Build(v, aKey, bKey, pidOther, Pair.Psk, random);
                }, (c, _) => Pair.Handshake(c));

            // ConcurrentHandshake, tie-break rule 1 (§9.6): both a and b initiate; the leader L (the greater peer id under
            // v) has sent its InitConf and awaits EmptyData when the follower F's genuine InitHello reaches it.
            bool aLeads = Labels.For(v).PeerId.Mix(aKey).ToArray().AsSpan().SequenceCompareTo(Labels.For(v).PeerId.Mix(bKey).ToArray()) > 0;
            string leader = aLeads ? "a" : "b", follower = aLeads ? "b" : "a";
            byte[]? leadersInitConf = null;
            yield return new NegativeCase("inithello-concurrent-handshake", $"a and b both initiate; {leader} leads the tie-break under {v} "
                + $"(its peer id is the greater) and has sent its InitConf when {follower}'s genuine InitHello arrives (§9.6 rule 1, after IHR8)",
                leader, RejectionKind.ConcurrentHandshake, m => new(m, "genuine, while the leader's own handshake awaits EmptyData"),
                Flags.ConcurrentHandshake).Build(keys, v, c =>
                {
                    c.Server("a", "a", false, CaseBuilder.Peer("b", v, Pair.Psk, initiates: true));
                    c.Server("b", "b", false, CaseBuilder.Peer("a", v, Pair.Psk, initiates: true));
                    byte[] ih = c.Initiate(leader);
                    byte[] rh = c.Accept(follower, ih)!;
                    leadersInitConf = c.Accept(leader, rh)!;
                    return c.Initiate(follower);
                }, (c, genuine) =>
                {
                    // The leader's handshake ends (EmptyData), then the follower's retransmitted InitHello is answered.
                    byte[] ed = c.Accept(follower, leadersInitConf!)!;
                    c.Accept(leader, ed);
                    c.Accept(leader, genuine);
                });
        }
    }
}
