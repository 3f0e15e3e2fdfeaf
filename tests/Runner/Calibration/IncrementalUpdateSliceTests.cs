using StemSimulator.Engine.Calibration;
using StemSimulator.Runner.Calibration;
using StemSimulator.Tests.ReferenceData;

namespace StemSimulator.Tests.Runner.Calibration;

/// <summary>
/// On a real slice of ../shared/data/un (skipped when it is missing): an update of a fit of 2013-2017 to 2019 agrees
/// with a full fit of 2013-2019 on the new years.
/// </summary>
public sealed class IncrementalUpdateSliceTests
{
    [Test]
    public void An_update_to_2019_agrees_with_the_full_fit_on_the_new_years()
    {
        var data = UnVotingDataLoader.Load(SharedData.RequireUnDataDirectory());
        var previous = RecurringMatcher.PreviousOccurrence(data.RollCalls);
        var options = new CalibrationOptions { Threads = 2 };
        var to2017 = CalibrationRun.Fit(data, 2013, 2017, previous, options, null, CancellationToken.None);
        var to2019 = CalibrationRun.Fit(data, 2013, 2019, previous, options, null, CancellationToken.None);
        int refitFrom = IncrementalWindow.FirstRefitYear(2013, 2017, 2019, 0);

        var update = CalibrationRun.Update(data, Earlier(to2017), refitFrom, 2019, previous, options, null, CancellationToken.None);

        Assert.That(refitFrom, Is.EqualTo(2015));
        Assert.That(update.Result.Converged, Is.True);
        var pairs = new List<(double Update, double Full)>();
        int within = 0;
        for (int u = 0; u < data.Units.Count; u++)
        {
            foreach (int year in new[] { 2018, 2019 })
            {
                if (to2019.Result.Has(u, year - 2013) && update.Result.Has(u, year - refitFrom) && to2019.Result.Estimate(u, year - 2013) is { Votes: > 0 } full)
                {
                    double theta = update.Result.Estimate(u, year - refitFrom).Theta;
                    pairs.Add((theta, full.Theta));
                    within += Math.Abs(theta - full.Theta) < full.ThetaSe ? 1 : 0;
                }
            }
        }

        double r = Correlation(pairs);
        double share = (double)within / pairs.Count;
        TestContext.Out.WriteLine($"{pairs.Count} member-years, correlation {r:F5}, within the full fit's standard error {share:P1}, update iterations {update.Result.Iterations}");
        Assert.That(pairs.Count, Is.GreaterThan(350));
        Assert.That(r, Is.GreaterThanOrEqualTo(0.99));
        Assert.That(share, Is.GreaterThanOrEqualTo(0.95));
    }

    /// <summary>A fit as an earlier calibration, as the table reader builds it (without the tables' rounding).</summary>
    private static EarlierCalibration Earlier(CalibrationRun run)
    {
        var states = new Dictionary<(string, int), EarlierState>();
        for (int u = 0; u < run.Data.Units.Count; u++)
        {
            var (first, count) = run.Result.YearsOf(u);
            for (int t = first; t < first + count; t++)
            {
                var e = run.Result.Estimate(u, t);
                states[(run.Data.Units[u], run.YearOf(t))] = new EarlierState([e.Theta, .. e.Offsets], e.ThetaSe, e.AbsenceRate, e.Votes);
            }
        }

        var rollCalls = new Dictionary<string, RollCallParameters>(StringComparer.Ordinal);
        for (int r = 0; r < run.RollCallMap.Length; r++)
        {
            if (run.RollCallMap[r] >= 0)
            {
                rollCalls[run.Data.RollCalls[r].Id] = run.Result.RollCalls[run.RollCallMap[r]];
            }
        }

        return new EarlierCalibration(run.FirstYear, run.LastYear, run.Result.PositionStepSd, states, rollCalls);
    }

    private static double Correlation(List<(double A, double B)> pairs)
    {
        double ma = pairs.Average(p => p.A), mb = pairs.Average(p => p.B);
        double sab = pairs.Sum(p => (p.A - ma) * (p.B - mb));
        double saa = pairs.Sum(p => (p.A - ma) * (p.A - ma));
        double sbb = pairs.Sum(p => (p.B - mb) * (p.B - mb));
        return sab / Math.Sqrt(saa * sbb);
    }
}
