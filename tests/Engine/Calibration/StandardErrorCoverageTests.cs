using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Calibration;

/// <summary>
/// Are the Laplace standard errors honest? On synthetic roll calls with known positions, the 90% intervals
/// theta +- 1.645 se must cover about 90% of the true positions (after putting the truth on the estimate's scale).
/// </summary>
public sealed class StandardErrorCoverageTests
{
    [Test]
    public void Ninety_percent_intervals_cover_about_ninety_percent_of_true_positions()
    {
        var data = new SyntheticRollCalls(members: 80, years: 8, rollCallsPerYear: 30, issues: 0, seed: 23);
        var result = IdealPointEstimator.Fit(data.Input, new CalibrationOptions { PolarityMember = 0, Threads = 2 });

        // The estimate has mean 0 and sd 1 over member-years; put the truth on that scale.
        var truth = new List<double>();
        var estimates = new List<MemberYearEstimate>();
        for (int m = 0; m < data.Members; m++)
        {
            for (int t = 0; t < data.Years; t++)
            {
                truth.Add(data.TrueTheta[m, t]);
                estimates.Add(result.Estimate(m, t));
            }
        }

        double mean = truth.Average();
        double sd = Math.Sqrt(truth.Sum(v => (v - mean) * (v - mean)) / truth.Count);
        int covered = 0;
        for (int k = 0; k < truth.Count; k++)
        {
            double scaled = (truth[k] - mean) / sd;
            covered += Math.Abs(estimates[k].Theta - scaled) <= 1.645 * estimates[k].ThetaSe ? 1 : 0;
        }

        double coverage = (double)covered / truth.Count;
        TestContext.Out.WriteLine($"coverage of the 90% intervals: {coverage:F3}");
        Assert.That(coverage, Is.InRange(0.80, 0.97));
    }
}
