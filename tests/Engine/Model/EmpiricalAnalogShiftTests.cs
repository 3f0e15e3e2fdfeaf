using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Tests.Engine.Simulation;

namespace StemSimulator.Tests.Engine.Model;

/// <summary>
/// The empirical analog shift (<see cref="AnalogShiftDistribution.Empirical"/>): one of a population's anchor offsets per
/// trial plus a normal jitter. Its moments and CDF against hand-computed values, its pick, and the kernel's yes-count
/// distribution against the exact mixture of Poisson-binomial distributions computed apart from the simulation.
/// </summary>
public sealed class EmpiricalAnalogShiftTests
{
    [Test]
    public void Moments_and_cdf_are_those_of_the_offsets_plus_the_jitter()
    {
        var shift = AnalogShiftDistribution.Empirical([-1.0, 1.0], 0.5);

        Assert.That(shift.IsEmpirical, Is.True);
        Assert.That(shift.IsMixture, Is.False);
        Assert.That(shift.Mean, Is.EqualTo(0));
        // Var = mean (o - m)^2 + sd^2 = 1 + 0.25; fourth = 1 + 6 * 1 * 0.25 + 3 * 0.0625.
        Assert.That(shift.Variance, Is.EqualTo(1.25).Within(1e-15));
        Assert.That(shift.FourthMoment, Is.EqualTo(2.6875).Within(1e-12));
        // P(shift <= 1) = (Phi(4) + Phi(0)) / 2.
        Assert.That(shift.Cdf(1), Is.EqualTo((StandardNormal.Cdf(4) + 0.5) / 2).Within(1e-12));
        Assert.That(shift.Cdf(shift.Quantile(0.9)), Is.EqualTo(0.9).Within(1e-9));
    }

    [Test]
    public void The_uniform_picks_each_offset_for_its_share_of_the_unit_interval()
    {
        var shift = AnalogShiftDistribution.Empirical([0.3, -0.2, 1.1], 0);

        Assert.That(shift.Pick(0), Is.EqualTo(0));
        Assert.That(shift.Pick(0.3333), Is.EqualTo(0));
        Assert.That(shift.Pick(0.3334), Is.EqualTo(1));
        Assert.That(shift.Pick(0.9999999), Is.EqualTo(2));
        Assert.That(shift.Draw(2.0, 0.5), Is.EqualTo(-0.2), "no jitter: the offset alone");
        Assert.That(AnalogShiftDistribution.Empirical([0.3], 0.5).Draw(2.0, 0.9), Is.EqualTo(0.3 + 1.0));
    }

    [Test]
    public void Rescaling_spreads_the_offsets_about_their_mean()
    {
        var scaled = AnalogShiftDistribution.Empirical([1.0, 3.0], 0.3).Rescaled(3.0, 2.5);

        Assert.That(scaled.Offsets, Is.EqualTo(new[] { 2 - (2.5 / 3), 2 + (2.5 / 3) }).Within(1e-12));
        Assert.That(scaled.NarrowSd, Is.EqualTo(0.25).Within(1e-12));
    }

    [Test]
    public void A_normal_and_a_mixture_shift_are_not_empirical()
    {
        Assert.That(AnalogShiftDistribution.Normal(0.6).IsEmpirical, Is.False);
        Assert.That(new AnalogShiftDistribution(0.2, 1.5, 0.1).IsEmpirical, Is.False);
        Assert.That(new AnalogShiftDistribution(0.2, 1.5, 0.1).Draw(1.0, 0.05), Is.EqualTo(1.5), "a mixture draws as before");
    }

    [Test]
    public void A_population_of_two_without_jitter_gives_the_even_mixture_of_the_two_anchored_count_distributions()
    {
        // Five members, no shocks, no position uncertainty: given the offset d each votes yes independently with
        // Phi(mean + d - yesFrom), no below noBelow, so the yes count is Poisson-binomial; the population of two offsets
        // picked with probability 1/2 each gives the even mixture of the two. Computed exactly below, apart from the kernel.
        var leans = new[]
        {
            new MemberLean(1.2, 0, -1.0, 0.0, 0), new MemberLean(-0.4, 0, -1.0, 0.0, 0), new MemberLean(0.3, 0, -1.0, 0.0, 0),
            new MemberLean(-1.5, 0, -1.0, 0.0, 0), new MemberLean(0.8, 0, -1.0, 0.0, 0),
        };
        double[] offsets = [-0.9, 0.7];
        var vote = new VoteModel("ga", 0, Body.GeneralAssembly, new DateOnly(2026, 3, 1), MajorityRule.Simple, CouncilDecision.Substantive, OutcomeEstimator.Sampled, ShockModel.None,
            leans.Select((l, i) => TestModels.Member(i, l)).ToArray()) { AnalogShift = AnalogShiftDistribution.Empirical(offsets, 0) };
        const int trials = 200_000;
        var stats = MonteCarloSimulator.Run(TestModels.Model(trials, 5, vote), new SimulationOptions()).Votes[0];

        var exact = new double[leans.Length + 1];
        foreach (double d in offsets)
        {
            var pb = PoissonBinomial(leans.Select(l => StandardNormal.Cdf(l.Mean + d - l.YesFrom)).ToArray());
            for (int k = 0; k < exact.Length; k++)
            {
                exact[k] += 0.5 * pb[k];
            }
        }

        for (int k = 0; k < exact.Length; k++)
        {
            double observed = (double)stats.YesHistogram[k] / trials;
            Assert.That(observed, Is.EqualTo(exact[k]).Within((4 * Math.Sqrt(exact[k] * (1 - exact[k]) / trials)) + 1e-9), $"P(yes = {k})");
        }
    }

    /// <summary>P(k successes) of independent trials with success probabilities <paramref name="p"/>, by the usual recursion.</summary>
    private static double[] PoissonBinomial(double[] p)
    {
        var dist = new double[p.Length + 1];
        dist[0] = 1;
        for (int i = 0; i < p.Length; i++)
        {
            for (int k = i + 1; k >= 1; k--)
            {
                dist[k] = (dist[k] * (1 - p[i])) + (dist[k - 1] * p[i]);
            }

            dist[0] *= 1 - p[i];
        }

        return dist;
    }
}
