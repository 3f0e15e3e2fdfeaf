using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Simulation;

/// <summary>
/// Announced votes (<see cref="VoteModel.Given"/>): the run conditions on them by rejection, so a member's announced
/// no moves the members who share its shocks, while a fixed vote moves nobody. Checked against the posterior computed
/// independently by numerical integration over the shared shock.
/// </summary>
public sealed class GivenVotesTests
{
    private const double GlobalSd = 1.0;
    private const double NoBelow = -0.5;
    private const double YesFrom = 0.4;
    private static readonly MemberLean A = new(Mean: 0.3, PositionLoading: 0.5, NoBelow: NoBelow, YesFrom: YesFrom, AbsenceProbability: 0);
    private static readonly MemberLean B = new(Mean: 0.8, PositionLoading: 0.4, NoBelow: NoBelow, YesFrom: YesFrom, AbsenceProbability: 0.1);

    /// <summary>Two members sharing a global shock; A (participant 0) announced <paramref name="announced"/>, or fixed to it.</summary>
    private static VoteModel Vote(VoteChoice? announced, bool fix = false)
    {
        var shocks = new ShockModel(GlobalSd, [], []);
        if (announced is not { } choice)
        {
            return TestModels.GeneralAssembly([A, B], shocks: shocks);
        }

        var leans = new[] { MemberLean.Certain(choice), B };
        var vote = TestModels.GeneralAssembly(leans, shocks: shocks);
        return fix ? vote : WithGiven(vote, leans, shocks, new GivenVote(0, choice, A));
    }

    private static VoteModel WithGiven(VoteModel vote, MemberLean[] leans, ShockModel shocks, GivenVote given) =>
        new(vote.Id, vote.Stream, vote.Body, vote.Date, vote.Majority, vote.Decision, vote.Estimator, shocks,
            leans.Select((lean, i) => TestModels.Member(i, lean)).ToArray())
        {
            Given = [given],
        };

    /// <summary>
    /// P(B votes yes | A votes no) = int phi(u) P(A no | s) P(B yes | s) du / int phi(u) P(A no | s) du with s = sd * u,
    /// where integrating out each member's own position draw gives P(A no | s) = Phi((tau_1 - a - s) / sqrt(1 + l_A^2))
    /// and P(B yes | s) = (1 - absence) Phi((b + s - tau_2) / sqrt(1 + l_B^2)); trapezoid rule on [-10, 10].
    /// </summary>
    private static (double Posterior, double Evidence) Integrate(Func<double, double> announced)
    {
        double numerator = 0, denominator = 0, h = 1e-3;
        for (double u = -10; u <= 10; u += h)
        {
            double density = Math.Exp(-0.5 * u * u) / Math.Sqrt(2 * Math.PI);
            double s = GlobalSd * u;
            double pA = announced(s);
            double pB = (1 - B.AbsenceProbability) * StandardNormal.Cdf((B.Mean + s - YesFrom) / Math.Sqrt(1 + (B.PositionLoading * B.PositionLoading)));
            numerator += density * pA * pB * h;
            denominator += density * pA * h;
        }

        return (numerator / denominator, denominator);
    }

    [Test]
    public void An_announced_no_moves_the_members_who_share_its_shock_as_the_posterior_says()
    {
        const long trials = 200_000;
        var model = TestModels.Model(trials, 11, Vote(VoteChoice.No));
        var result = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 2 });
        var statistics = result.Votes[0];
        double scaleA = Math.Sqrt(1 + (A.PositionLoading * A.PositionLoading));
        var (posterior, evidence) = Integrate(s => StandardNormal.Cdf((NoBelow - A.Mean - s) / scaleA));
        double prior = (1 - B.AbsenceProbability) * StandardNormal.Cdf((B.Mean - YesFrom) / Math.Sqrt(1 + (B.PositionLoading * B.PositionLoading) + (GlobalSd * GlobalSd)));

        double pYes = statistics.Member(1).PYes;
        double se = Math.Sqrt(posterior * (1 - posterior) / trials);
        Assert.Multiple(() =>
        {
            Assert.That(statistics.Member(0).PNo, Is.EqualTo(1.0), "the announcing member votes as announced in every trial");
            Assert.That(pYes, Is.EqualTo(posterior).Within(4.5 * se), "B's P(yes) is the posterior given A's no");
            Assert.That(prior - posterior, Is.GreaterThan(20 * se), "the test has power: the posterior is far from B's prior");
            // The share of draws accepted estimates the evidence P(A no) = Phi((tau_1 - a) / sqrt(1 + l_A^2 + sd^2)).
            Assert.That(evidence, Is.EqualTo(StandardNormal.Cdf((NoBelow - A.Mean) / Math.Sqrt((scaleA * scaleA) + (GlobalSd * GlobalSd)))).Within(1e-6));
            double seRate = evidence * Math.Sqrt((1 - evidence) / trials);
            Assert.That(statistics.GivenAcceptanceRate, Is.EqualTo(evidence).Within(4.5 * seRate));
            Assert.That(statistics.Vote.Given, Is.EqualTo(new[] { new AnnouncedVote("M000", VoteChoice.No) }));
        });
    }

    [Test]
    public void An_announced_abstention_is_weighed_by_the_probability_between_the_cut_points()
    {
        const long trials = 200_000;
        var model = TestModels.Model(trials, 12, Vote(VoteChoice.Abstain));
        var statistics = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 2 }).Votes[0];
        double scaleA = Math.Sqrt(1 + (A.PositionLoading * A.PositionLoading));
        var (posterior, _) = Integrate(s => StandardNormal.Cdf((YesFrom - A.Mean - s) / scaleA) - StandardNormal.Cdf((NoBelow - A.Mean - s) / scaleA));

        double se = Math.Sqrt(posterior * (1 - posterior) / trials);
        Assert.That(statistics.Member(1).PYes, Is.EqualTo(posterior).Within(4.5 * se));
    }

    [Test]
    public void A_fixed_vote_is_an_intervention_that_moves_nobody_else()
    {
        const long trials = 200_000;
        var fixedModel = TestModels.Model(trials, 11, Vote(VoteChoice.No, fix: true));
        var givenModel = TestModels.Model(trials, 11, Vote(VoteChoice.No));
        var fixedStatistics = MonteCarloSimulator.Run(fixedModel, new SimulationOptions { Threads = 2 }).Votes[0];
        var givenStatistics = MonteCarloSimulator.Run(givenModel, new SimulationOptions { Threads = 2 }).Votes[0];
        double prior = (1 - B.AbsenceProbability) * StandardNormal.Cdf((B.Mean - YesFrom) / Math.Sqrt(1 + (B.PositionLoading * B.PositionLoading) + (GlobalSd * GlobalSd)));
        double se = Math.Sqrt(prior * (1 - prior) / trials);

        Assert.Multiple(() =>
        {
            Assert.That(fixedStatistics.Member(0).PNo, Is.EqualTo(1.0));
            Assert.That(fixedStatistics.Member(1).PYes, Is.EqualTo(prior).Within(4.5 * se), "fixing A leaves B at its prior");
            Assert.That(fixedStatistics.GivenDraws, Is.Zero);
            Assert.That(double.IsNaN(fixedStatistics.GivenAcceptanceRate), Is.True);
            Assert.That(fixedStatistics.Member(1).PYes - givenStatistics.Member(1).PYes, Is.GreaterThan(20 * se), "observing A's no lowers B's P(yes); fixing it does not");
        });
    }

    [Test]
    public void Conditioned_runs_are_identical_for_any_thread_count_block_size_and_shard()
    {
        var model = TestModels.Model(3_000, 5, Vote(VoteChoice.No));
        var reference = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 1, BlockSize = 8192 }).Votes[0];
        foreach (var (threads, block) in new[] { (2, 100), (3, 7) })
        {
            var other = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = threads, BlockSize = block }).Votes[0];
            Assert.That(other.ToState().MemberCounts, Is.EqualTo(reference.ToState().MemberCounts), $"{threads} threads, blocks of {block}");
            Assert.That(other.GivenDraws, Is.EqualTo(reference.GivenDraws));
            Assert.That(other.YesHistogram, Is.EqualTo(reference.YesHistogram));
        }

        var shards = new[] { (0L, 1234L), (1234L, 1766L) }
            .Select(s => MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 2, FirstTrial = s.Item1, TrialCount = s.Item2 }).Votes[0].ToState())
            .ToArray();
        var merged = VoteStatistics.Merge(shards);
        Assert.That(merged.ToState().MemberCounts, Is.EqualTo(reference.ToState().MemberCounts));
        Assert.That(merged.GivenDraws, Is.EqualTo(reference.GivenDraws));
        Assert.That(reference.GivenDraws, Is.GreaterThan(reference.Trials), "some trials were redrawn, so the test exercises the redraws");
    }

    [Test]
    public void A_conditioned_variant_leaves_the_other_variants_exactly_as_without_it()
    {
        var free = Vote(null);
        var conditioned = Vote(VoteChoice.No);
        var alone = MonteCarloSimulator.Run(new SimulationModel(3, 2_000, [new VariantModel("baseline", [free])]), new SimulationOptions { Threads = 2 }).Votes[0];
        // Both orders: a conditioned variant before an unconditioned one and after it (the draws kept for variants).
        var after = MonteCarloSimulator.Run(new SimulationModel(3, 2_000, [new VariantModel("baseline", [free]), new VariantModel("given", [conditioned]), new VariantModel("again", [free])]), new SimulationOptions { Threads = 2 });
        var before = MonteCarloSimulator.Run(new SimulationModel(3, 2_000, [new VariantModel("baseline", [conditioned]), new VariantModel("free", [free]), new VariantModel("again", [free])]), new SimulationOptions { Threads = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(after.Votes[0].ToState().MemberCounts, Is.EqualTo(alone.ToState().MemberCounts));
            Assert.That(after.Votes[2].ToState().MemberCounts, Is.EqualTo(alone.ToState().MemberCounts));
            Assert.That(before.Votes[1].ToState().MemberCounts, Is.EqualTo(alone.ToState().MemberCounts));
            Assert.That(before.Votes[2].ToState().MemberCounts, Is.EqualTo(alone.ToState().MemberCounts));
            Assert.That(after.Votes[1].ToState().MemberCounts, Is.EqualTo(before.Votes[0].ToState().MemberCounts), "the same announcements accept the same draws in any variant");
        });
    }

    [Test]
    public void Nearly_impossible_announcements_stop_the_run_with_a_clear_message()
    {
        var shocks = new ShockModel(0.1, [], []);
        var hopeless = new MemberLean(Mean: -9, PositionLoading: 0, NoBelow: -1, YesFrom: 0, AbsenceProbability: 0);
        var leans = new[] { MemberLean.Certain(VoteChoice.Yes), B };
        var vote = WithGiven(TestModels.GeneralAssembly(leans, shocks: shocks), leans, shocks, new GivenVote(0, VoteChoice.Yes, hopeless));

        var e = Assert.Catch(() => MonteCarloSimulator.Run(TestModels.Model(10, 1, vote), new SimulationOptions { Threads = 1 }));
        var inner = e;
        while (inner is not null and not GivenVotesImprobableException)
        {
            inner = inner.InnerException;
        }

        Assert.That(inner, Is.TypeOf<GivenVotesImprobableException>());
        Assert.That(inner!.Message, Does.Contain("'ga'").And.Contain("10,000 draws").And.Contain("nearly impossible"));
    }

    [Test]
    public void An_announced_vote_must_be_passed_fixed_to_its_choice()
    {
        var leans = new[] { A, B };
        var vote = TestModels.GeneralAssembly(leans);
        Assert.Throws<ArgumentException>(() => WithGiven(vote, leans, ShockModel.None, new GivenVote(0, VoteChoice.No, A)));
    }
}
