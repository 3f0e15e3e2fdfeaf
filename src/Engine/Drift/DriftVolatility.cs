namespace StemSimulator.Engine.Drift;

/// <summary>
/// Members' yearly volatilities calibrated from the year-to-year changes of calibrated positions (docs/design.md, section Drift over years,
/// README "Drift over years"): for member i with changes d_i1..d_in over the years <c>fromYear..toYear</c> (a change
/// counts when the member has an estimate in both years), the variance is shrunk towards the pooled one,
/// v_i = (sum_k d_ik^2 + w p^2) / (n_i + w), with p^2 = sum_ik d_ik^2 / sum_i n_i and w = <c>shrinkageYears</c>, and
/// sigma_i = f sqrt(v_i). The factor f is <c>scale</c> (the changes as they are; the default, which the drift backtest
/// supports), or <c>scale * stepSd / p</c> when a random-walk step <c>stepSd</c> is given (the pooled value raised to the
/// calibration's prior step, which the backtest found twice too wide for calibrated positions).
/// </summary>
/// <param name="PerMember">sigma_i per member, &gt;= 0.</param>
/// <param name="Changes">Year-to-year changes counted per member, n_i.</param>
/// <param name="PooledRawChange">p, the root-mean-square change over all members' changes (before the factor).</param>
/// <param name="Scale">The factor f from raw changes to volatilities (0 without changes when scaled to a step).</param>
public sealed record DriftVolatility(IReadOnlyList<double> PerMember, IReadOnlyList<int> Changes, double PooledRawChange, double Scale)
{
    /// <summary>First year of the changes scenarios calibrate volatilities from (the changes run to the calibration year).</summary>
    public const int DefaultFromYear = 2000;

    /// <summary>Prior weight w, in years of data, pulling a member's volatility towards the pooled value.</summary>
    public const double DefaultShrinkageYears = 5;

    /// <summary>Calibrates the volatilities.</summary>
    /// <param name="members">Number of members.</param>
    /// <param name="position">The calibrated position of a member in a year, or null when it has no estimate that year.</param>
    /// <param name="fromYear">First year whose position enters a change (the first change is into fromYear + 1).</param>
    /// <param name="toYear">Last year (the calibration year).</param>
    /// <param name="shrinkageYears">Prior weight w, in years of data, of the pooled value, &gt;= 0.</param>
    /// <param name="scale">Multiplier of every volatility, &gt;= 0.</param>
    /// <param name="stepSd">A random-walk step to raise the pooled value to, &gt; 0; or null to keep the changes as they are.</param>
    public static DriftVolatility Calibrate(int members, Func<int, int, double?> position, int fromYear, int toYear, double shrinkageYears, double scale = 1.0, double? stepSd = null)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentOutOfRangeException.ThrowIfNegative(members);
        if (!(shrinkageYears >= 0) || !(scale >= 0) || stepSd is { } s && !(s > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "The shrinkage and the scale must be >= 0, a step > 0.");
        }

        var sums = new double[members];
        var counts = new int[members];
        for (int i = 0; i < members; i++)
        {
            for (int year = fromYear + 1; year <= toYear; year++)
            {
                if (position(i, year) is { } now && position(i, year - 1) is { } before)
                {
                    double change = now - before;
                    sums[i] += change * change;
                    counts[i]++;
                }
            }
        }

        int total = counts.Sum();
        double pooled = Math.Sqrt(sums.Sum() / Math.Max(1, total));
        double factor = stepSd is { } step ? (pooled > 0 ? scale * step / pooled : 0) : scale;
        var volatility = new double[members];
        for (int i = 0; i < members; i++)
        {
            double weight = counts[i] + shrinkageYears;
            double variance = weight > 0 ? (sums[i] + (shrinkageYears * pooled * pooled)) / weight : pooled * pooled;
            volatility[i] = Math.Sqrt(variance) * factor;
        }

        return new DriftVolatility(volatility, counts, pooled, factor);
    }
}
