using StemSimulator.Engine.Backtesting;

namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Which years an incremental calibration (<see cref="CalibrationRun.Update"/>) refits: the new years, the last
/// <see cref="OverlapYears"/> years of the earlier calibration, and earlier years still when the shock matching needs
/// them; the years before stay as the earlier calibration has them.
/// </summary>
/// <remarks>
/// <para>Why three years of overlap: new votes move the earlier years' positions only through the random walk. In a
/// Gaussian random walk observed every year, the smoother passes a change at year t back to year t - 1 multiplied by
/// the gain P / (P + s^2), P the filtered variance of a year and s the yearly step. A member that votes through a
/// session has a filtered standard error well below the step, so the gain is small and falls geometrically: three
/// years back the change is a small fraction of a standard error (docs/calibration.md measures it). The refit years
/// are fitted with the state of the year before them fixed (<see cref="MemberAnchor"/>).</para>
/// <para>Why the shock matching can widen it: the shocks (<see cref="YearModel"/>) read the roll calls of the last
/// <see cref="YearModel.PriorYears"/> fitted years, and an out-of-sample year's refit ends up to the number of shock
/// years before the last year, so the refitted years reach back that far too.</para>
/// </remarks>
public static class IncrementalWindow
{
    /// <summary>Years of the earlier calibration that are refitted with the new ones.</summary>
    public const int OverlapYears = 3;

    /// <summary>
    /// The first refitted year of an update of a calibration of <paramref name="earlierFirst"/> to
    /// <paramref name="earlierLast"/> to <paramref name="lastYear"/> with <paramref name="shockYears"/> out-of-sample
    /// shock years; never before the year after <paramref name="earlierFirst"/> (the anchor needs a year before it).
    /// </summary>
    public static int FirstRefitYear(int earlierFirst, int earlierLast, int lastYear, int shockYears)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(earlierLast, earlierFirst);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lastYear, earlierLast);
        ArgumentOutOfRangeException.ThrowIfNegative(shockYears);
        int overlap = earlierLast + 1 - OverlapYears;
        int forShocks = lastYear - shockYears - YearModel.PriorYears + 1;
        return Math.Max(earlierFirst + 1, Math.Min(overlap, forShocks));
    }
}
