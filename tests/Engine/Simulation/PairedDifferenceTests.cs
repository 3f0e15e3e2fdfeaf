using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Simulation;

/// <summary>What-if variants run on the baseline's random numbers, so their difference is measured sharply.</summary>
public sealed class PairedDifferenceTests
{
    private static SimulationModel SmallEffect()
    {
        var shocks = new ShockModel(0.3, [], []);
        var leans = Enumerable.Range(0, 193).Select(i => new MemberLean(Math.Sin(i) * 0.8, 0.1, -0.4, 0.05, 0.02)).ToArray();
        // The variant wins over five members a little: a small effect on P(adopted).
        var shifted = leans.Select((l, i) => i < 5 ? l with { Mean = l.Mean + 0.3 } : l).ToArray();
        return new SimulationModel(17, 40_000, [
            new VariantModel("baseline", [TestModels.GeneralAssembly(leans, shocks: shocks)]),
            new VariantModel("outreach", [TestModels.GeneralAssembly(shifted, shocks: shocks)]),
        ]);
    }

    [Test]
    public void Paired_standard_error_is_far_below_the_unpaired_one_for_a_small_effect()
    {
        var votes = MonteCarloSimulator.Run(SmallEffect(), new SimulationOptions()).Votes;
        var baseline = votes[0];
        var variant = votes[1];

        double unpaired = Math.Sqrt((variant.PAdoptedStandardError * variant.PAdoptedStandardError) + (baseline.PAdoptedStandardError * baseline.PAdoptedStandardError));
        Assert.That(variant.DifferenceFromBaseline, Is.EqualTo(variant.PAdopted - baseline.PAdopted).Within(1e-12));
        Assert.That(variant.DifferenceFromBaseline, Is.GreaterThan(0), "winning members over cannot lower adoption trial by trial");
        Assert.That(variant.DifferenceStandardErrorPaired, Is.LessThan(unpaired / 3));
        Assert.That(baseline.HasPairedDifference, Is.False);
    }

    [Test]
    public void Paired_standard_error_matches_the_per_trial_differences_computed_directly()
    {
        var model = SmallEffect();
        var sink = new AdoptionSink();
        var variant = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 2 }, sink).Votes[1];

        var differences = sink.Baseline.Zip(sink.Variant, (b, v) => (v ? 1.0 : 0.0) - (b ? 1.0 : 0.0)).ToArray();
        double mean = differences.Average();
        double sd = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Length - 1));
        Assert.That(variant.DifferenceFromBaseline, Is.EqualTo(mean).Within(1e-12));
        Assert.That(variant.DifferenceStandardErrorPaired, Is.EqualTo(sd / Math.Sqrt(differences.Length)).Within(1e-9));
    }

    private sealed class AdoptionSink : ITrialBlockSink
    {
        public List<bool> Baseline { get; } = [];

        public List<bool> Variant { get; } = [];

        public void Write(TrialBlock block)
        {
            Baseline.AddRange(block[0, 0].Adopted.Take(block.Count));
            Variant.AddRange(block[1, 0].Adopted.Take(block.Count));
        }
    }
}
