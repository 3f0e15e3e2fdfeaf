using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Simulation;

/// <summary>Votes that wait for an earlier vote's outcome, and the debate a veto convenes.</summary>
public sealed class VoteChainTests
{
    private const int Trials = 100_000;

    /// <summary>Russia vetoes with probability 1/2; everyone else on the Council votes yes.</summary>
    private static VoteModel Draft(bool debatesVeto = false) =>
        TestModels.SecurityCouncil(
            TestModels.Council2026.Select(code => code == "RUS" ? MemberLean.FromProbabilities(0.5, 0, 0.5) : MemberLean.Certain(VoteChoice.Yes)).ToArray(),
            debatesVeto: debatesVeto);

    /// <summary>An Assembly follow-up held after the draft's veto, tabled with the given probability.</summary>
    private static VoteModel FollowUp(double tabled, OutcomeEstimator estimator) =>
        new("ga", 1, Body.GeneralAssembly, new DateOnly(2026, 3, 20), MajorityRule.Simple, CouncilDecision.Substantive, estimator, ShockModel.None,
            TestModels.SpreadProbabilities(193, tilt: -0.2).Select((lean, i) => TestModels.Member(1000 + i, lean)).ToArray(),
            [new VoteCondition(0, ConditionOutcome.Vetoed, tabled, "sc:vetoed")]);

    private static double ExactFollowUp()
    {
        var leans = TestModels.SpreadProbabilities(193, tilt: -0.2);
        return ExactAdoption.GeneralAssembly(
            leans.Select(l => TestModels.Probabilities(l).Yes).ToArray(),
            leans.Select(l => TestModels.Probabilities(l).No).ToArray(),
            MajorityRule.Simple,
            new double[ExactAdoption.BufferLength(193)],
            new double[ExactAdoption.BufferLength(193)]);
    }

    [Test]
    public void Chain_probabilities_multiply()
    {
        // P(follow-up adopted) = P(veto) * P(tabled) * P(adopted | held) = 0.5 * 0.8 * q, q known exactly.
        double q = ExactFollowUp();
        Assert.That(q, Is.InRange(0.1, 0.9), "the follow-up should be uncertain for the test to mean something");
        var model = new SimulationModel(11, Trials, [new VariantModel("baseline", [Draft(), FollowUp(0.8, OutcomeEstimator.Sampled)])]);

        var statistics = MonteCarloSimulator.Run(model, new SimulationOptions()).Votes;
        var draft = statistics[0];
        var followUp = statistics[1];

        Assert.That(draft.PVeto, Is.EqualTo(0.5).Within(4 * Math.Sqrt(0.25 / Trials)));
        Assert.That(followUp.PHeld, Is.EqualTo(0.4).Within(4 * Math.Sqrt(0.24 / Trials)));
        double expected = 0.4 * q;
        Assert.That(followUp.PAdopted, Is.EqualTo(expected).Within(4 * Math.Sqrt(expected * (1 - expected) / Trials)));
        Assert.That(followUp.PAdoptedGivenHeld, Is.EqualTo(q).Within(4 * Math.Sqrt(q * (1 - q) / followUp.HeldCount)));
        Assert.That(followUp.PathCounts[1], Is.EqualTo(followUp.HeldCount), "every holding came through the veto");
        Assert.That(followUp.Member(0).PYes + followUp.Member(0).PAbstain + followUp.Member(0).PNo + followUp.Member(0).PAbsent, Is.EqualTo(1).Within(1e-12), "member shares are over held trials");
    }

    [Test]
    public void Exact_estimator_of_a_follow_up_counts_trials_without_it_as_not_adopted()
    {
        double q = ExactFollowUp();
        var model = new SimulationModel(11, Trials, [new VariantModel("baseline", [Draft(), FollowUp(0.8, OutcomeEstimator.ExactConditional)])]);

        var followUp = MonteCarloSimulator.Run(model, new SimulationOptions()).Votes[1];

        // Given held, every trial's conditional probability is q exactly, so the estimate is q times the held share.
        Assert.That(followUp.PAdopted, Is.EqualTo(q * followUp.PHeld).Within(1e-9));
    }

    [Test]
    public void A_follow_up_is_never_held_without_its_trigger()
    {
        var draft = TestModels.SecurityCouncil(TestModels.Council2026.Select(_ => MemberLean.Certain(VoteChoice.Yes)).ToArray());
        var model = new SimulationModel(3, 5_000, [new VariantModel("baseline", [draft, FollowUp(1.0, OutcomeEstimator.Sampled)])]);

        var followUp = MonteCarloSimulator.Run(model, new SimulationOptions()).Votes[1];

        Assert.That(followUp.HeldCount, Is.Zero);
        Assert.That(followUp.PAdopted, Is.Zero);
    }

    [Test]
    public void A_veto_convenes_the_debate_within_ten_working_days_as_the_record_has_it()
    {
        var model = TestModels.Model(Trials, 5, Draft(debatesVeto: true));

        var draft = MonteCarloSimulator.Run(model, new SimulationOptions()).Votes[0];

        Assert.That(draft.DebateCount, Is.EqualTo(draft.VetoCount));
        Assert.That(draft.DebateDayCounts[0], Is.Zero);
        double[] expected = [0, 0, 0, 0, 0, 0, 0, 0.2, 0.6, 0.2, 0];
        for (int day = 1; day <= 10; day++)
        {
            double share = (double)draft.DebateDayCounts[day] / draft.DebateCount;
            double p = expected[day];
            Assert.That(share, Is.EqualTo(p).Within((4 * Math.Sqrt(p * (1 - p) / draft.DebateCount)) + 1e-12), $"day {day}");
        }
    }

    [Test]
    public void An_open_emergency_special_session_suppresses_the_debate()
    {
        var model = TestModels.Model(10_000, 5, Draft(debatesVeto: false));

        var draft = MonteCarloSimulator.Run(model, new SimulationOptions()).Votes[0];

        Assert.That(draft.VetoCount, Is.GreaterThan(0));
        Assert.That(draft.DebateCount, Is.Zero);
    }

    [Test]
    public void A_condition_may_only_look_back()
    {
        Assert.Throws<ArgumentException>(() => new VoteModel("ga", 0, Body.GeneralAssembly, new DateOnly(2026, 3, 1), MajorityRule.Simple, CouncilDecision.Substantive,
            OutcomeEstimator.Sampled, ShockModel.None, [TestModels.Member(0, MemberLean.Certain(VoteChoice.Yes))], [new VoteCondition(0, ConditionOutcome.Vetoed, 1, "ga:vetoed")]));
    }
}
