using StemSimulator.Engine.Drift;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Tests.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Drift;

/// <summary>Cohesion, agreement and the adoption fan gathered by the simulator from Assembly votes on drifted positions.</summary>
public sealed class DriftVoteOutputsTests
{
    [Test]
    public void Certain_votes_give_the_hand_computed_cohesion_agreement_and_fan()
    {
        // Members 0-2 certainly yes, 3-4 certainly no, 5 certainly abstains (latent means far beyond the cut-points).
        // Bloc A {0, 1, 3}: majority yes, cohesion 2/3. Bloc B {3, 4, 5}: majority no, 2/3. Bloc C {2, 5}: a tie.
        // Reference A: members 0-2 agree always, 3-5 never. 3 yes against 2 no: adopted, P(adopted | trial) = 1.
        MemberLean[] leans =
        [
            new(12, 0, -0.5, 0.5, 0), new(12, 0, -0.5, 0.5, 0), new(12, 0, -0.5, 0.5, 0),
            new(-12, 0, -0.5, 0.5, 0), new(-12, 0, -0.5, 0.5, 0), new(0, 0, -12, 12, 0),
        ];
        var result = Run(leans, OutcomeEstimator.Sampled, threads: 1);
        var drift = result.Drift[0];

        Assert.That(drift.BlocLabels, Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(drift.Cohesion.Cohesion(2, 0), Is.EqualTo(2.0 / 3));
        Assert.That(drift.Cohesion.Cohesion(2, 1), Is.EqualTo(2.0 / 3));
        Assert.That(drift.Cohesion.Cohesion(2, 2), Is.NaN);
        Assert.That(drift.Cohesion.Counted[(2 * 3) + 0], Is.EqualTo(Trials));
        Assert.That(Enumerable.Range(0, 6).Select(m => drift.Cohesion.Agreement(2, m)), Is.EqualTo(new[] { 1.0, 1.0, 1.0, 0.0, 0.0, 0.0 }));
        Assert.That(drift.Cohesion.Cohesion(1, 0), Is.NaN, "no vote in the other years");
        Assert.That(drift.Adoption.Held[0], Is.EqualTo(Trials));
        Assert.That(drift.Adoption.Counts[AdoptionFan.Bins - 1], Is.EqualTo(Trials), "every trial's conditional probability is 1");
    }

    [Test]
    public void The_fan_of_conditional_probabilities_averages_to_the_sampled_probability_of_adoption()
    {
        // A close vote whose members drift (volatility 0.3 a year): P(adopted) = E[P(adopted | trial)].
        var leans = Enumerable.Range(0, 41).Select(i => new MemberLean(0.05 * (i - 20) / 20.0, 0, -0.3, 0.3, 0.1)).ToArray();
        var result = Run(leans, OutcomeEstimator.Sampled, threads: 2, volatility: 0.3);
        var fan = result.Drift[0].Adoption;
        var vote = result.Votes[0];

        double mean = Enumerable.Range(0, AdoptionFan.Bins).Sum(b => fan.Counts[b] * (b + 0.5) / AdoptionFan.Bins) / fan.Held[0];
        Assert.That(fan.Quantile(0, 0.05), Is.LessThan(fan.Quantile(0, 0.95) - 0.1), "drift spreads the conditional probability");
        Assert.That(mean, Is.EqualTo(vote.PAdoptedSampled).Within((3 * vote.PAdoptedStandardError) + (0.5 / AdoptionFan.Bins)));
    }

    [Test]
    public void Cohesion_and_the_fan_are_identical_for_any_thread_count()
    {
        var leans = Enumerable.Range(0, 41).Select(i => new MemberLean(0.05 * (i - 20) / 20.0, 0, -0.3, 0.3, 0.1)).ToArray();

        var one = Run(leans, OutcomeEstimator.ExactConditional, threads: 1, volatility: 0.3).Drift[0];
        var two = Run(leans, OutcomeEstimator.ExactConditional, threads: 2, volatility: 0.3, blockSize: 300).Drift[0];

        Assert.That(two.Cohesion.WithMajority, Is.EqualTo(one.Cohesion.WithMajority));
        Assert.That(two.Cohesion.Present, Is.EqualTo(one.Cohesion.Present));
        Assert.That(two.Cohesion.Agreements, Is.EqualTo(one.Cohesion.Agreements));
        Assert.That(two.Cohesion.Comparisons, Is.EqualTo(one.Cohesion.Comparisons));
        Assert.That(two.Adoption.Counts, Is.EqualTo(one.Adoption.Counts));
    }

    private const int Trials = 2_000;

    private static SimulationResult Run(MemberLean[] leans, OutcomeEstimator estimator, int threads, double volatility = 0, int blockSize = 1024)
    {
        int n = leans.Length;
        var years = Enumerable.Repeat(new DriftYear([], [], 0), 3).ToArray();
        IReadOnlyList<IReadOnlyList<int>> Same(params int[] members) => Enumerable.Repeat<IReadOnlyList<int>>(members, 4).ToArray();
        var drift = new DriftModel(2026, new double[n], new double[n], Enumerable.Repeat(volatility, n).ToArray(), years)
        {
            Cohesion = new CohesionModel(
                n == 6 ? [new TrackedCentre("A", Same(0, 1, 3)), new TrackedCentre("B", Same(3, 4, 5)), new TrackedCentre("C", Same(2, 5))]
                    : [new TrackedCentre("A", Same(Enumerable.Range(0, n / 2).ToArray())), new TrackedCentre("B", Same(Enumerable.Range(n / 2, n - (n / 2)).ToArray()))],
                0),
        };
        var vote = new VoteModel("v", 0, Body.GeneralAssembly, new DateOnly(2028, 10, 1), MajorityRule.Simple, CouncilDecision.Substantive, estimator, ShockModel.None,
            leans.Select((l, i) => TestModels.Member(i, l)).ToArray())
        { DriftYearIndex = 2, DriftBeta = 1.0 };
        var model = new SimulationModel(17, Trials, [new VariantModel("baseline", [vote]) { Drift = drift }]);
        return MonteCarloSimulator.Run(model, new SimulationOptions { Threads = threads, BlockSize = blockSize });
    }
}
