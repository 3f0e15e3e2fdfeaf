using StemSimulator.Engine.Drift;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Simulation;
using StemSimulator.Tests.Engine.Simulation;
using StemSimulator.Tests.Scenarios;

namespace StemSimulator.Tests.Engine.Drift;

public sealed class DriftModelTests
{
    private static DriftYear Quiet(params Attraction[] attractions) => new(attractions, [], 0);

    [Test]
    public void Without_volatility_or_attraction_positions_stay_put()
    {
        var model = new DriftModel(2026, [0.5, -1.2, 2.0], [0, 0, 0], [0, 0, 0], Enumerable.Repeat(Quiet(), 9).ToArray());
        var path = new double[model.PathLength];

        model.Simulate(new CounterRandom(1, 7), path);

        for (int y = 0; y <= 9; y++)
        {
            Assert.That(path.Skip(y * 3).Take(3), Is.EqualTo(new[] { 0.5, -1.2, 2.0 }));
        }
    }

    [Test]
    public void Attraction_alone_converges_to_a_fixed_centre_as_the_closed_form_says()
    {
        // Member 0 is pulled by kappa = 0.2 towards member 1, which stays at 1.5: theta_0(t) = c + (theta_0(0) - c)(1 - kappa)^t.
        const double kappa = 0.2;
        var pull = new Attraction(kappa, [0], [1]);
        var model = new DriftModel(2026, [-1.0, 1.5], [0, 0], [0, 0], Enumerable.Repeat(Quiet(pull), 12).ToArray());
        var path = new double[model.PathLength];

        model.Simulate(new CounterRandom(1, 0), path);

        for (int t = 0; t <= 12; t++)
        {
            Assert.That(path[t * 2], Is.EqualTo(1.5 + ((-1.0 - 1.5) * Math.Pow(1 - kappa, t))).Within(1e-12), $"year {t}");
            Assert.That(path[(t * 2) + 1], Is.EqualTo(1.5));
        }
    }

    [Test]
    public void Volatility_alone_spreads_positions_like_a_random_walk()
    {
        var model = new DriftModel(2026, [0.0], [0.0], [0.1], Enumerable.Repeat(Quiet(), 9).ToArray());
        var path = new double[model.PathLength];
        double sum = 0, squares = 0;
        const int trials = 20_000;
        for (int t = 0; t < trials; t++)
        {
            model.Simulate(new CounterRandom(3, t), path);
            sum += path[9];
            squares += path[9] * path[9];
        }

        double variance = (squares / trials) - ((sum / trials) * (sum / trials));
        Assert.That(variance, Is.EqualTo(9 * 0.01).Within(4 * 0.09 * Math.Sqrt(2.0 / trials)), "variance grows as years x sigma^2");
    }

    [Test]
    public void A_member_joining_a_bloc_in_year_y_is_attracted_only_from_y()
    {
        var result = ScenarioText.Load("""
            scenario: drift
            as_of: 2026-03-01
            timeline:
              from: 2026
              to: 2032
              attraction:
                - { toward: BRICS, strength: 0.1 }
              events:
                - { year: 2029, join: { bloc: BRICS, member: MYS } }
            votes:
              - id: v
                body: GA
                date: 2031-10-01
                discrimination: 1.0
                cutpoints: [-1.0, 0.0]
            """);

        Assert.That(result.Diagnostics, Is.Empty, ScenarioText.Messages(result));
        var drift = result.Model!.Variants[0].Drift!;
        int malaysia = StemSimulator.Scenarios.Reference.ReferenceCatalog.Embedded.States.Select(s => s.Code).ToList().IndexOf("MYS");
        int brazil = StemSimulator.Scenarios.Reference.ReferenceCatalog.Embedded.States.Select(s => s.Code).ToList().IndexOf("BRA");
        for (int step = 0; step < drift.Years.Count; step++)
        {
            int yearOfMembership = 2026 + step;
            var on = drift.Years[step].Attractions.Single().On;
            Assert.That(on.Contains(malaysia), Is.EqualTo(yearOfMembership >= 2029), $"step from {yearOfMembership}");
            Assert.That(on.Contains(brazil), Is.True);
        }

        Assert.That(result.Model.Variants[0].Votes[0].DriftYearIndex, Is.EqualTo(5));
    }

    [Test]
    public void Drift_results_are_identical_for_any_thread_count()
    {
        var pull = new Attraction(0.05, [0, 1, 2], [3]);
        var drift = new DriftModel(2026, Enumerable.Range(0, 193).Select(i => Math.Sin(i)).ToArray(), Enumerable.Repeat(0.1, 193).ToArray(),
            Enumerable.Repeat(0.1, 193).ToArray(), Enumerable.Repeat(new DriftYear([pull], [(5, 0.3)], 0.05), 4).ToArray(),
            [new TrackedCentre("centre", Enumerable.Repeat<IReadOnlyList<int>>([3, 4], 5).ToArray())]);
        var leans = Enumerable.Range(0, 193).Select(_ => new MemberLean(0, 0, -0.5, 0.5, 0)).ToArray();
        var vote = new VoteModel("v", 0, Body.GeneralAssembly, new DateOnly(2029, 10, 1), StemSimulator.Engine.Rules.MajorityRule.Simple,
            StemSimulator.Engine.Rules.CouncilDecision.Substantive, OutcomeEstimator.Sampled, ShockModel.None,
            leans.Select((l, i) => TestModels.Member(i, l)).ToArray())
        { DriftYearIndex = 3, DriftBeta = 1.2 };
        var model = new SimulationModel(9, 3_000, [new VariantModel("baseline", [vote]) { Drift = drift }]);

        var one = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 1 });
        var two = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 2, BlockSize = 700 });

        Assert.That(two.Drift[0].MemberCounts, Is.EqualTo(one.Drift[0].MemberCounts));
        Assert.That(two.Drift[0].CentreCounts, Is.EqualTo(one.Drift[0].CentreCounts));
        Assert.That(two.Drift[0].Trials, Is.EqualTo(3_000));
        Assert.That(two.Votes[0].YesHistogram, Is.EqualTo(one.Votes[0].YesHistogram));
    }
}
