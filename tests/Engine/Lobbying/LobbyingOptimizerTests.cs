using StemSimulator.Engine.Lobbying;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Tests.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Lobbying;

public sealed class LobbyingOptimizerTests
{
    /// <summary>
    /// Nine members, a two-thirds vote on a knife's edge: four solid supporters, two solid opponents, three
    /// undecided with different leanings, one of them fixed (and so not worth lobbying).
    /// </summary>
    private static SimulationModel SmallAssembly()
    {
        MemberLean[] leans =
        [
            new(1.5, 0, -1, 0, 0), new(1.5, 0, -1, 0, 0), new(1.2, 0, -1, 0, 0), new(1.0, 0, -1, 0, 0),
            new(-1.5, 0, -1, 0, 0), new(-1.2, 0, -1, 0, 0),
            new(-0.9, 0, -1, 0, 0), new(-0.2, 0, -1, 0, 0), MemberLean.Certain(VoteChoice.Abstain),
        ];
        var vote = TestModels.GeneralAssembly(leans, MajorityRule.TwoThirds, OutcomeEstimator.ExactConditional, new ShockModel(0.2, [], []));
        return TestModels.Model(4_000, 21, vote);
    }

    private static double Evaluate(SimulationModel model, int[] members, double effect)
    {
        var vote = model.Variants[0].Votes[0];
        var shifted = new SimulationModel(model.Seed, model.Trials, [new VariantModel("x", [members.Length == 0 ? vote : vote.WithSupportShift(members, effect)])]);
        return MonteCarloSimulator.Run(shifted, new SimulationOptions()).Votes[0].PAdopted;
    }

    [Test]
    public void Greedy_finds_the_best_pair_that_exhaustive_search_finds()
    {
        var model = SmallAssembly();
        const double effect = 0.8;

        var plan = LobbyingOptimizer.Optimize(model, 0, 2, effect, model.Trials);

        var movable = Enumerable.Range(0, 8).ToArray();
        var best = movable.SelectMany(a => movable.Where(b => b > a).Select(b => new[] { a, b }))
            .Select(pair => (Pair: pair, Value: Evaluate(model, pair, effect)))
            .OrderByDescending(x => x.Value)
            .First();
        var codes = model.Variants[0].Votes[0].Codes;
        Assert.That(plan.Steps.Select(s => s.Code).Order(), Is.EqualTo(best.Pair.Select(i => codes[i]).Order()));
        Assert.That(plan.PAdopted, Is.EqualTo(best.Value).Within(1e-12), "the same trials give the same number");
        Assert.That(plan.PAdopted, Is.GreaterThan(plan.BaselinePAdopted));
        Assert.That(plan.Steps.Select(s => s.Code), Does.Not.Contain(codes[8]), "a fixed vote cannot be moved");
    }

    [Test]
    public void Each_step_reports_the_gain_of_the_member_it_adds()
    {
        var model = SmallAssembly();

        var plan = LobbyingOptimizer.Optimize(model, 0, 3, 0.5, model.Trials);

        double previous = plan.BaselinePAdopted;
        foreach (var step in plan.Steps)
        {
            Assert.That(step.Gain, Is.EqualTo(step.PAdopted - previous).Within(1e-12));
            Assert.That(step.Gain, Is.GreaterThanOrEqualTo(0), "winning a member over never lowers adoption");
            previous = step.PAdopted;
        }

        Assert.That(plan.Steps[0].Evaluated, Is.EqualTo(8), "the first step evaluates every movable member");
    }
}
