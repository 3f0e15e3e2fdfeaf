using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Simulation;

public sealed class EstimatorSelectionTests
{
    [Test]
    public void Without_shocks_the_exact_estimator_is_chosen_it_has_no_variance()
    {
        var model = TestModels.Model(10_000, 1, TestModels.GeneralAssembly(TestModels.SpreadProbabilities(193), estimator: OutcomeEstimator.Automatic));

        var resolved = EstimatorSelection.Resolve(model);

        Assert.That(resolved.Variants[0].Votes[0].Estimator, Is.EqualTo(OutcomeEstimator.ExactConditional));
    }

    [Test]
    public void When_shocks_dominate_the_sampled_estimator_is_chosen()
    {
        // A global shock with sd 5 decides almost everything: given the shock the outcome is nearly certain, so the
        // exact conditional probability varies almost as much as the sampled outcome and costs 3.5 times more.
        var leans = Enumerable.Range(0, 193).Select(i => new MemberLean(0, 0, -0.3, 0.3, 0)).ToArray();
        var model = TestModels.Model(10_000, 1, TestModels.GeneralAssembly(leans, estimator: OutcomeEstimator.Automatic, shocks: new ShockModel(5, [], [])));

        var resolved = EstimatorSelection.Resolve(model);

        Assert.That(resolved.Variants[0].Votes[0].Estimator, Is.EqualTo(OutcomeEstimator.Sampled));
    }

    [Test]
    public void Unresolved_automatic_estimators_are_refused_by_the_simulator()
    {
        var model = TestModels.Model(100, 1, TestModels.GeneralAssembly(TestModels.SpreadProbabilities(5), estimator: OutcomeEstimator.Automatic));

        Assert.Throws<ArgumentException>(() => MonteCarloSimulator.Run(model, new SimulationOptions()));
    }

    [Test]
    public void The_choice_depends_only_on_the_model()
    {
        var leans = Enumerable.Range(0, 193).Select(i => new MemberLean(Math.Sin(i), 0.1, -0.5, 0.2, 0.02)).ToArray();
        var model = TestModels.Model(50_000, 3, TestModels.GeneralAssembly(leans, estimator: OutcomeEstimator.Automatic, shocks: new ShockModel(0.3, [], [])));

        var first = EstimatorSelection.Resolve(model).Variants[0].Votes[0].Estimator;
        var second = EstimatorSelection.Resolve(model).Variants[0].Votes[0].Estimator;

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Is.Not.EqualTo(OutcomeEstimator.Automatic));
    }
}
