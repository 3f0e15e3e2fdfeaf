using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Calibration;

/// <summary>The estimator recovers the positions that generated synthetic roll calls.</summary>
public sealed class IdealPointRecoveryTests
{
    [Test]
    public void Recovers_known_positions_from_synthetic_roll_calls()
    {
        var data = new SyntheticRollCalls(members: 80, years: 8, rollCallsPerYear: 40, issues: 2, seed: 7);

        var result = IdealPointEstimator.Fit(data.Input, new CalibrationOptions { PolarityMember = 0, Threads = 2 });

        var estimated = new List<double>();
        var truth = new List<double>();
        for (int m = 0; m < data.Members; m++)
        {
            for (int t = 0; t < data.Years; t++)
            {
                estimated.Add(result.Estimate(m, t).Theta);
                truth.Add(data.TrueTheta[m, t]);
            }
        }

        double r = SyntheticRollCalls.Correlation(estimated, truth);
        TestContext.Out.WriteLine($"correlation {r:F4}, iterations {result.Iterations}, log-likelihood {result.LogLikelihood:F1}");
        Assert.That(r, Is.GreaterThanOrEqualTo(0.98));
        Assert.That(result.Converged, Is.True);
        Assert.That(result.Estimate(0, data.Years - 1).Theta, Is.GreaterThan(0), "polarity: member 0 is positive");
    }

    [Test]
    public void Estimates_the_random_walk_step_on_the_true_scale()
    {
        // Steps of 0.15 a year on positions whose spread is about 1: the estimate, on the normalised scale (sd 1),
        // must come out near 0.15 / sd(true positions).
        var data = new SyntheticRollCalls(members: 80, years: 8, rollCallsPerYear: 40, issues: 0, seed: 11, stepSd: 0.15);
        var truth = new List<double>();
        for (int m = 0; m < data.Members; m++)
        {
            for (int t = 0; t < data.Years; t++)
            {
                truth.Add(data.TrueTheta[m, t]);
            }
        }

        double mean = truth.Average();
        double sd = Math.Sqrt(truth.Sum(v => (v - mean) * (v - mean)) / truth.Count);

        var result = IdealPointEstimator.Fit(data.Input, new CalibrationOptions { PolarityMember = 0, Threads = 2, PositionStepSd = 0.4 });

        TestContext.Out.WriteLine($"estimated step {result.PositionStepSd:F3}, expected about {0.15 / sd:F3}");
        Assert.That(result.PositionStepSd, Is.EqualTo(0.15 / sd).Within(0.04));
    }
}
