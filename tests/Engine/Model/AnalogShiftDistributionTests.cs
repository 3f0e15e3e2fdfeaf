using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Tests.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Model;

/// <summary>
/// The analog's shift as a scale mixture of two normals (<see cref="AnalogShiftDistribution"/>): its closed-form CDF,
/// quantiles and moments, the draws that produce it, and the kernel's member probabilities under it.
/// </summary>
public sealed class AnalogShiftDistributionTests
{
    private static readonly AnalogShiftDistribution Mixture = new(0.2, 1.5, 0.1);

    [Test]
    public void A_normal_shift_has_the_normal_quantiles()
    {
        var normal = AnalogShiftDistribution.Normal(0.6);

        Assert.That(normal.IsMixture, Is.False);
        Assert.That(normal.Quantile(0.95), Is.EqualTo(0.6 * 1.6448536269514722).Within(1e-9));
        Assert.That(normal.Quantile(0.5), Is.EqualTo(0).Within(1e-9));
        Assert.That(normal.StandardDeviation, Is.EqualTo(0.6));
    }

    [Test]
    public void The_mixture_cdf_and_moments_are_the_closed_forms()
    {
        // At x = 0.2 * 1.959964 the narrow component's CDF is 0.975; the wide one's is Phi(0.3919928 / 1.5) = Phi(0.2613286).
        double x = 0.2 * 1.959963984540054;
        double wide = 0.6030804; // Phi(0.2613286)
        Assert.That(Mixture.Cdf(x), Is.EqualTo((0.9 * 0.975) + (0.1 * wide)).Within(1e-6));
        Assert.That(Mixture.Cdf(0), Is.EqualTo(0.5).Within(1e-15));
        Assert.That(Mixture.Variance, Is.EqualTo((0.9 * 0.04) + (0.1 * 2.25)).Within(1e-15));
        Assert.That(Mixture.FourthMoment, Is.EqualTo(3 * ((0.9 * 0.0016) + (0.1 * 5.0625))).Within(1e-12));
    }

    [TestCase(0.05)]
    [TestCase(0.5)]
    [TestCase(0.9)]
    [TestCase(0.99)]
    public void Quantiles_invert_the_cdf(double q)
    {
        Assert.That(Mixture.Cdf(Mixture.Quantile(q)), Is.EqualTo(q).Within(1e-9));
        Assert.That(Mixture.Quantile(q), Is.EqualTo(-Mixture.Quantile(1 - q)).Within(1e-9), "symmetric about 0");
    }

    [Test]
    public void Draws_have_the_closed_form_variance_kurtosis_and_quantiles()
    {
        const int n = 400_000;
        var draws = new double[n];
        for (int t = 0; t < n; t++)
        {
            var random = new CounterRandom(7, t);
            draws[t] = Mixture.Draw(random.Normal(RandomPurpose.AnalogShift, 3, 0), random.Uniform(RandomPurpose.AnalogShift, 3, 1));
        }

        double variance = draws.Average(d => d * d);
        double fourth = draws.Average(d => d * d * d * d);
        Assert.That(variance, Is.EqualTo(Mixture.Variance).Within(0.02 * Mixture.Variance));
        Assert.That(fourth / (variance * variance), Is.EqualTo(Mixture.FourthMoment / (Mixture.Variance * Mixture.Variance)).Within(0.6), "kurtosis far above a normal's 3");
        Array.Sort(draws);
        foreach (double q in new[] { 0.05, 0.25, 0.75, 0.95, 0.99 })
        {
            double empirical = draws[(int)(q * n)];
            Assert.That(Mixture.Cdf(empirical), Is.EqualTo(q).Within(0.004), $"quantile {q}");
        }
    }

    [Test]
    public void The_kernel_gives_each_member_the_probability_integrated_over_the_mixture()
    {
        // Without other shocks a member votes yes when mean + shift + e >= yesFrom, e ~ N(0, 1): under the mixture
        // P(yes) = (1 - p) Phi((mean - yesFrom) / sqrt(1 + narrow^2)) + p Phi((mean - yesFrom) / sqrt(1 + wide^2)).
        var leans = new[] { new MemberLean(1.2, 0, -1.0, 0.0, 0), new MemberLean(-0.4, 0, -1.0, 0.0, 0), new MemberLean(2.5, 0, -1.0, 0.0, 0) };
        var mixed = new VoteModel("ga", 0, Body.GeneralAssembly, new DateOnly(2026, 3, 1), MajorityRule.Simple, CouncilDecision.Substantive, OutcomeEstimator.Sampled, ShockModel.None,
            leans.Select((l, i) => TestModels.Member(i, l)).ToArray()) { AnalogShift = Mixture };
        const int trials = 200_000;
        var stats = MonteCarloSimulator.Run(TestModels.Model(trials, 11, mixed), new SimulationOptions()).Votes[0];

        for (int i = 0; i < leans.Length; i++)
        {
            double d = leans[i].Mean - leans[i].YesFrom;
            double expected = (0.9 * StandardNormal.Cdf(d / Math.Sqrt(1 + 0.04))) + (0.1 * StandardNormal.Cdf(d / Math.Sqrt(1 + 2.25)));
            Assert.That(stats.Member(i).PYes, Is.EqualTo(expected).Within(4 * Math.Sqrt(expected * (1 - expected) / trials)), $"member {i}");
        }
    }
}
