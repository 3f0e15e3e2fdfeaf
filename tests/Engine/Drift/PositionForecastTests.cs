using StemSimulator.Engine.Drift;
using StemSimulator.Engine.Randomness;

namespace StemSimulator.Tests.Engine.Drift;

public sealed class PositionForecastTests
{
    [Test]
    public void Quantiles_interpolate_between_order_statistics_like_numpy()
    {
        // numpy.quantile([1, 2, 3, 4, 10], [0.1, 0.5, 0.9]) = [1.4, 3.0, 7.6]
        double[] sorted = [1, 2, 3, 4, 10];

        Assert.That(PositionForecast.Quantile(sorted, 0.1), Is.EqualTo(1.4).Within(1e-12));
        Assert.That(PositionForecast.Quantile(sorted, 0.5), Is.EqualTo(3.0).Within(1e-12));
        Assert.That(PositionForecast.Quantile(sorted, 0.9), Is.EqualTo(7.6).Within(1e-12));
    }

    [Test]
    public void A_point_realization_is_scored_by_hand()
    {
        // Samples 4, 1, 3, 2, 10: mean 4, sd sqrt(50 / 4), 80% interval [1.4, 7.6]; realized 8 lies outside it but inside the 95% one [1.1, 9.4].
        double[] samples = [4, 1, 3, 2, 10];
        var scratch = new double[5];

        var f = PositionForecast.Score(samples, 8, 0, scratch);

        double sd = Math.Sqrt(50.0 / 4);
        Assert.That(f.Mean, Is.EqualTo(4).Within(1e-12));
        Assert.That(f.Sd, Is.EqualTo(sd).Within(1e-12));
        Assert.That(f.Lower80, Is.EqualTo(1.4).Within(1e-12));
        Assert.That(f.Upper80, Is.EqualTo(7.6).Within(1e-12));
        Assert.That(f.Inside80, Is.False);
        Assert.That(f.Inside95, Is.True);
        Assert.That(f.Coverage80, Is.EqualTo(0));
        Assert.That(f.Coverage95, Is.EqualTo(1));
        Assert.That(f.SquaredError, Is.EqualTo(16).Within(1e-12));
        Assert.That(f.LogScore, Is.EqualTo(-Math.Log(sd * Math.Sqrt(2 * Math.PI)) - (16 / (2 * sd * sd))).Within(1e-12));
        Assert.That(scratch, Is.EqualTo(new double[] { 1, 2, 3, 4, 10 }));
    }

    [Test]
    public void The_crps_of_a_point_matches_its_closed_form()
    {
        // CRPS(N(m, s^2), x) = s [z (2 Phi(z) - 1) + 2 phi(z) - 1 / sqrt(pi)], z = (x - m) / s.
        double m = 0.3, s = 0.7, x = 1.2;
        double z = (x - m) / s;
        double expected = s * ((z * ((2 * StandardNormal.Cdf(z)) - 1)) + (2 * Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI)) - (1 / Math.Sqrt(Math.PI)));

        Assert.That(PositionForecast.ExpectedCrps(m, s, x, 0), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Scores_of_an_uncertain_realization_are_expectations_over_its_distribution()
    {
        // theta ~ N(0.9, 0.25^2): average the point scores over a fine quadrature of theta.
        double m = 0.2, s = 0.5, centre = 0.9, se = 0.25, lower = -0.4, upper = 0.85;
        double crps = 0, log = 0, inside = 0, weight = 0;
        for (int k = -4000; k <= 4000; k++)
        {
            double theta = centre + (se * k / 500.0);
            double w = Math.Exp(-0.5 * (k / 500.0) * (k / 500.0));
            weight += w;
            crps += w * PositionForecast.ExpectedCrps(m, s, theta, 0);
            log += w * PositionForecast.GaussianLogScore(theta, m, s);
            inside += w * (theta >= lower && theta <= upper ? 1 : 0);
        }

        Assert.That(PositionForecast.ExpectedCrps(m, s, centre, se), Is.EqualTo(crps / weight).Within(1e-6));
        Assert.That(PositionForecast.ProbabilityInside(lower, upper, centre, se), Is.EqualTo(inside / weight).Within(1e-3));
        var samples = Enumerable.Range(0, 20_001).Select(i => m + (s * StandardNormal.InverseCdf((i + 0.5) / 20_001))).ToArray();
        var f = PositionForecast.Score(samples, centre, se, new double[samples.Length]);
        Assert.That(f.LogScore, Is.EqualTo(log / weight).Within(2e-3), "the log score with the simulated mean and sd");
        Assert.That(f.SquaredError, Is.EqualTo(((centre - f.Mean) * (centre - f.Mean)) + (se * se)).Within(1e-12));
    }

    [Test]
    public void A_correct_forecast_has_nominal_expected_coverage_while_smoothed_estimates_overcover()
    {
        // Forecast N(0, 1) of the truth theta; the realized estimate is the posterior mean of theta given y = theta + e,
        // e ~ N(0, 0.6^2): theta_hat = y / (1 + 0.36), se^2 = 0.36 / 1.36. Averaged over draws, the expected coverage is
        // the nominal 80%; the indicator of theta_hat in the interval is far above it.
        var samples = Enumerable.Range(0, 4_001).Select(i => StandardNormal.InverseCdf((i + 0.5) / 4_001)).ToArray();
        var scratch = new double[samples.Length];
        var random = new CounterRandom(11, 0);
        double se = Math.Sqrt(0.36 / 1.36), expected = 0, point = 0;
        const int draws = 20_000;
        for (int d = 0; d < draws; d++)
        {
            double theta = random.Normal(RandomPurpose.DriftStep, d, 0);
            double y = theta + (0.6 * random.Normal(RandomPurpose.DriftStep, d, 1));
            var f = PositionForecast.Score(samples, y / 1.36, se, scratch);
            expected += f.Coverage80;
            point += f.Inside80 ? 1 : 0;
        }

        Assert.That(expected / draws, Is.EqualTo(0.80).Within(0.01));
        Assert.That(point / draws, Is.GreaterThan(0.85));
    }
}
