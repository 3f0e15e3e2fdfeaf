using StemSimulator.Engine.Model;

namespace StemSimulator.Tests.Engine.Model;

/// <summary>
/// The population draw's jitter rule against hand-computed values: the shifts 0, 1, 2 have sample sd 1 (n − 1 in the
/// denominator), so Silverman's form gives h · 3^(−1/5) and the predictive form h / sqrt(3); a population of one text
/// takes its own sd; a fixed jitter ignores the shifts.
/// </summary>
public sealed class PopulationJitterTests
{
    private static readonly double[] Three = [0, 1, 2];

    [Test]
    public void The_kernel_density_form_follows_Silverman()
    {
        Assert.That(PopulationJitter.Bandwidth(1.06, 0.2, 0.4).JitterFor(Three), Is.EqualTo(1.06 * 0.802741561).Within(1e-8));
    }

    [Test]
    public void The_predictive_form_at_h_1_gives_the_variance_s2_times_1_plus_1_over_n()
    {
        double jitter = PopulationJitter.Bandwidth(1, 0.5, 0.4).JitterFor(Three);

        // s_d^2 (1 + 1/n) = s_d^2 + jitter^2 with s_d = 1, n = 3: the jitter's variance is 1/3.
        Assert.That(jitter * jitter, Is.EqualTo(1.0 / 3).Within(1e-12));
    }

    [Test]
    public void A_population_of_one_text_takes_its_own_sd_whatever_the_form()
    {
        Assert.That(PopulationJitter.Bandwidth(2, 0.2, 0.1).JitterFor([1.7]), Is.EqualTo(0.1));
        Assert.That(PopulationJitter.Fixed(0, 0.1).JitterFor([1.7]), Is.EqualTo(0.1));
    }

    [Test]
    public void A_fixed_jitter_ignores_the_populations_spread()
    {
        Assert.That(PopulationJitter.Fixed(0.6, 0).JitterFor(Three), Is.EqualTo(0.6));
        Assert.That(PopulationJitter.Fixed(0.6, 0).JitterFor([-5, 5]), Is.EqualTo(0.6));
    }

    [Test]
    public void Identical_texts_take_no_jitter_under_a_form_that_follows_the_spread()
    {
        Assert.That(PopulationJitter.Bandwidth(3, 0.2, 0.5).JitterFor([0.4, 0.4]), Is.EqualTo(0));
    }

    [Test]
    public void An_empty_population_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationJitter.Fixed(0, 0).JitterFor([]));
    }

    [Test]
    public void Only_a_repeat_voted_once_takes_a_jitter_of_its_own()
    {
        Assert.That(AnalogSpreads.Of(AnalogKind.Repeat).PopulationJitter, Is.EqualTo(PopulationJitter.Fixed(0, 0.1)));
        foreach (var kind in new[] { AnalogKind.SameSubject, AnalogKind.SameIssue })
        {
            var measured = AnalogSpreads.Of(kind);
            Assert.That(measured.PopulationJitter, Is.EqualTo(PopulationJitter.Fixed(measured.Shift.NarrowSd, measured.Shift.NarrowSd)));
        }
    }
}
