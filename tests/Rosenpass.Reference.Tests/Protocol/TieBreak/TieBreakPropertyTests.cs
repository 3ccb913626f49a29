using CsCheck;

namespace Rosenpass.Reference.Tests.Protocol.TieBreak;

/// <summary>
/// The tie-break between simultaneous handshakes (spec §9.6), as properties over simulated boots and rekeys of two
/// daemons (<see cref="TwoDaemons"/>): start offsets, losses, reordering delays and forced simultaneous rekeys drawn
/// by CsCheck. At every quiescent moment once the network is calm, both sides' last announced keys are equal.
/// </summary>
public class TieBreakPropertyTests
{
    private const int Iterations = 50;

    /// <summary>Long enough for three rekeys after the calm begins.</summary>
    private const double RunAfterCalm = 400;

    private static readonly Gen<NetworkPlan> Boots =
        Gen.Select(Gen.Int, Gen.Double[0, 2], Gen.Double[0, 20], Gen.Double[0, 0.5], Gen.Double[0.0005, 1.0])
            .Select((seed, startB, lossUntil, lossRate, maxDelay) => new NetworkPlan(seed, startB, 0, lossUntil, lossRate, maxDelay));

    /// <summary>Both sides asked to rekey within a second of each other, some time after a first agreement, with losses around it.</summary>
    private static readonly Gen<NetworkPlan> Rekeys =
        Gen.Select(Gen.Int, Gen.Double[20, 300], Gen.Double[-1, 1], Gen.Double[0, 15], Gen.Double[0, 0.5], Gen.Double[0.0005, 1.0])
            .Select((seed, rekeyAt, offset, lossLength, lossRate, maxDelay) =>
                new NetworkPlan(seed, 0, rekeyAt - 1, rekeyAt - 1 + lossLength, lossRate, maxDelay, rekeyAt, offset));

    private static TwoDaemons Simulate(NetworkPlan plan)
    {
        var run = new TwoDaemons(plan);
        run.Run(plan.CalmFrom + RunAfterCalm);
        return run;
    }

    private static void AssertAgreement(NetworkPlan plan)
    {
        using var run = Simulate(plan);
        Assert.True(run.Checks > 0, $"never quiescent: {plan}");
        Assert.True(run.Disagreements == 0, $"{run.FirstDisagreement}; {plan}");
    }

    [Fact]
    public void Simultaneous_boots_end_with_the_same_last_key() => Boots.Sample(AssertAgreement, iter: Iterations);

    [Fact]
    public void Simultaneous_rekeys_end_with_the_same_last_key() => Rekeys.Sample(AssertAgreement, iter: Iterations);

    /// <summary>
    /// The check can fail: without the tie-break (both sides as upstream) simultaneous boots on a network that
    /// delays but does not lose end with different keys in a good share of runs, as issue #17 measured with processes.
    /// </summary>
    [Fact]
    public void Without_the_tie_break_simultaneous_boots_disagree()
    {
        int disagreeing = 0;
        for (int seed = 0; seed < 40; seed++)
        {
            using var run = Simulate(new NetworkPlan(seed, 0, 0, 0, 0, 0.01, TieBreakA: false, TieBreakB: false));
            if (run.Disagreements > 0) disagreeing++;
        }
        Assert.True(disagreeing >= 5, $"only {disagreeing} of 40 runs disagreed without the tie-break");
    }

    /// <summary>Against a peer without the tie-break (upstream, go-rosenpass), leading gives the same guarantee.</summary>
    [Fact]
    public void Leading_an_upstream_peer_ends_with_the_same_last_key() =>
        Boots.Sample(plan =>
        {
            using var probe = new TwoDaemons(plan);
            bool aLeads = probe.AHasGreaterId;
            AssertAgreement(plan with { TieBreakA = aLeads, TieBreakB = !aLeads });
        }, iter: Iterations);

    /// <summary>
    /// Following an upstream peer changes nothing: the follower's rules are the leader's only, so with the same seeds
    /// the run is the same, key for key, as between two upstream peers. No worse, and no better, than today.
    /// </summary>
    [Fact]
    public void Following_an_upstream_peer_behaves_exactly_as_upstream() =>
        Boots.Sample(plan =>
        {
            using var probe = new TwoDaemons(plan);
            bool aLeads = probe.AHasGreaterId;
            using var ours = Simulate(plan with { TieBreakA = !aLeads, TieBreakB = aLeads });
            using var upstream = Simulate(plan with { TieBreakA = false, TieBreakB = false });
            Assert.Equal(upstream.Keys(0), ours.Keys(0));
            Assert.Equal(upstream.Keys(1), ours.Keys(1));
        }, iter: 20);

    /// <summary>
    /// After the boot race the roles alternate (spec §9.3): the side that ended as responder retires at 120 s, before
    /// the other's 130 s, so each rekey is one handshake and its initiator is the other side from last time.
    /// </summary>
    [Fact]
    public void Rekeys_alternate_between_the_two_sides() =>
        Boots.Sample(plan =>
        {
            using var run = Simulate(plan);
            var initiations = run.InitiatorKeysAt(0).Select(t => (At: t, Side: 0))
                .Concat(run.InitiatorKeysAt(1).Select(t => (At: t, Side: 1)))
                .Where(i => i.At > plan.CalmFrom + 60).OrderBy(i => i.At).ToList();
            Assert.True(initiations.Count >= 3, $"{initiations.Count} rekeys in {RunAfterCalm} s; {plan}");
            for (int i = 1; i < initiations.Count; i++)
            {
                Assert.True(initiations[i].Side != initiations[i - 1].Side, $"two rekeys in a row by side {initiations[i].Side}; {plan}");
                Assert.InRange(initiations[i].At - initiations[i - 1].At, 119, 131);
            }
        }, iter: 30);
}
