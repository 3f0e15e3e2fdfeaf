using StemSimulator.Engine.ConcernedParty;
using StemSimulator.Engine.Randomness;

namespace StemSimulator.Tests.Engine.ConcernedParty;

public sealed class ConcernedPartyEstimatorTests
{
    /// <summary>
    /// A binary probit (tau1 = tau2 = 0, mean 0): members at distance 0 vote yes 3 times of 4, at distance 1 once of 4.
    /// The maximum-likelihood shift matches each group's share: Phi(g0) = 3/4, Phi(g0 + g1) = 1/4, so
    /// g0 = Phi^-1(0.75) = 0.67449 and g1 = -2 g0. The concerned state voted no twice and abstained once: (3, 2, 1) / 6.
    /// </summary>
    [Test]
    public void Fit_recovers_the_group_shares_and_the_concerned_states_posterior()
    {
        static ConcernedPartyVote Member(string code, double theta, int choice) => new(code, choice, 0, theta, false);
        ConcernedPartyCase Case(string id, int concernedChoice, params ConcernedPartyVote[] others) =>
            new(id, 0, 2000, "AAA", 0, 0, 0, [new ConcernedPartyVote("AAA", concernedChoice, 0, 0, true), .. others]);
        var cases = new[]
        {
            Case("1", 0, Member("B", 0, 2), Member("C", 0, 2), Member("D", 1, 2), Member("E", 1, 0)),
            Case("2", 0, Member("B", 0, 2), Member("C", 0, 0), Member("D", 1, 0), Member("E", 1, 0)),
            Case("3", 1),
        };

        var fit = new ConcernedPartyEstimator(null).Fit(cases, PartnerCloseness.PositionDistance);

        double g0 = StandardNormal.InverseCdf(0.75);
        Assert.That(fit.Effect.Gamma0, Is.EqualTo(g0).Within(1e-6));
        Assert.That(fit.Effect.Gamma1, Is.EqualTo(-2 * g0).Within(1e-6));
        Assert.That(fit.Effect.Gamma0StandardError, Is.GreaterThan(0));
        Assert.That((fit.Effect.PNo, fit.Effect.PAbstain, fit.Effect.PYes), Is.EqualTo((0.5, 2.0 / 6, 1.0 / 6)));
        Assert.That((fit.ConcernedVotes, fit.PartnerVotes, fit.RollCalls), Is.EqualTo((3, 8, 3)));
    }

    [Test]
    public void Score_counts_the_concerned_states_modal_vote_and_both_log_losses()
    {
        var effect = new ConcernedPartyEffect(0.9, 0.05, 0.05, 0, 0, 0, 0) { Closeness = PartnerCloseness.PositionDistance };
        var test = new[]
        {
            new ConcernedPartyCase("1", 0, 2015, "AAA", 0, 0, 0, [new ConcernedPartyVote("AAA", 0, 5, 0, true), new ConcernedPartyVote("B", 2, 0, 1, false)]),
        };

        var score = new ConcernedPartyEstimator(null).Score(effect, test);

        // Base: the concerned state (mean 5) gets P(no) = Phi(-5), modal yes (wrong); with the effect P(no) = 0.9.
        // B: P(yes) = 1/2 either way (no shift). Mean loss: (-log Phi(-5) - log 0.5) / 2 and (-log 0.9 - log 0.5) / 2.
        Assert.That((score.ConcernedHits, score.ConcernedHitsWithout, score.Votes), Is.EqualTo((1, 0, 2)));
        Assert.That(score.LogLossWith, Is.EqualTo((-Math.Log(0.9) - Math.Log(0.5)) / 2).Within(1e-12));
        Assert.That(score.LogLossWithout, Is.EqualTo((-Math.Log(StandardNormal.Cdf(-5)) - Math.Log(0.5)) / 2).Within(1e-9));
    }
}
