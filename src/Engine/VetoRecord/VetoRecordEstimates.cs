using MathNet.Numerics.Distributions;

namespace StemSimulator.Engine.VetoRecord;

/// <summary>
/// The two defaults estimated from matched veto events: the probability that a follow-up is tabled (voted) and the
/// backlash, the shift of latent support of the follow-up against the last comparable vote.
/// </summary>
/// <param name="Events">Veto events in the period.</param>
/// <param name="FollowedUp">Events with at least one follow-up.</param>
/// <param name="TablingProbability">FollowedUp / Events.</param>
/// <param name="TablingLow90">Lower end of the 90% Jeffreys interval (Beta(k + ½, n − k + ½) quantile 0.05).</param>
/// <param name="TablingHigh90">Upper end of the 90% Jeffreys interval (quantile 0.95).</param>
/// <param name="BacklashPairs">Followed-up events that also have a comparison vote.</param>
/// <param name="BacklashMean">Mean probit shift (latent-support units; positive = more support after the veto).</param>
/// <param name="BacklashSd">Standard deviation of the probit shifts across events (the spread of one event's backlash).</param>
/// <param name="BacklashLow90">Lower end of the 90% Student-t interval of the mean.</param>
/// <param name="BacklashHigh90">Upper end of the 90% Student-t interval of the mean.</param>
internal sealed record VetoRecordEstimates(
    int Events,
    int FollowedUp,
    double TablingProbability,
    double TablingLow90,
    double TablingHigh90,
    int BacklashPairs,
    double BacklashMean,
    double BacklashSd,
    double BacklashLow90,
    double BacklashHigh90)
{
    /// <summary>Whether the data identify a backlash: the 90% interval of the mean excludes zero.</summary>
    public bool BacklashIdentified => BacklashPairs >= 2 && (BacklashLow90 > 0 || BacklashHigh90 < 0);

    /// <summary>Estimates from the events dated <paramref name="firstYear"/> to <paramref name="lastYear"/>.</summary>
    /// <exception cref="ArgumentException">No event lies in the period.</exception>
    public static VetoRecordEstimates From(IEnumerable<VetoEvent> events, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(events);
        var inPeriod = events.Where(e => e.Date.Year >= firstYear && e.Date.Year <= lastYear).ToArray();
        if (inPeriod.Length == 0)
        {
            throw new ArgumentException($"No veto event between {firstYear} and {lastYear}.", nameof(events));
        }

        int n = inPeriod.Length;
        int k = inPeriod.Count(e => e.FollowedUp);
        double low = k == 0 ? 0 : Beta.InvCDF(k + 0.5, n - k + 0.5, 0.05);
        double high = k == n ? 1 : Beta.InvCDF(k + 0.5, n - k + 0.5, 0.95);
        var shifts = inPeriod.Select(e => e.ProbitShift).OfType<double>().ToArray();
        double mean = shifts.Length > 0 ? shifts.Average() : 0;
        double sd = shifts.Length > 1 ? Math.Sqrt(shifts.Sum(s => (s - mean) * (s - mean)) / (shifts.Length - 1)) : double.NaN;
        double half = shifts.Length > 1 ? StudentT.InvCDF(0, 1, shifts.Length - 1, 0.95) * sd / Math.Sqrt(shifts.Length) : double.NaN;
        return new VetoRecordEstimates(n, k, (double)k / n, low, high, shifts.Length, mean, sd, mean - half, mean + half);
    }
}
