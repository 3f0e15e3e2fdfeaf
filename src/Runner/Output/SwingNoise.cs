namespace StemSimulator.Runner.Output;

/// <summary>
/// The Monte Carlo error of a member's swing and whether the run can rank the members with the largest swings. A
/// swing is the share of the held trials in which the member's vote was pivotal, so its standard error is binomial,
/// sqrt(s (1 - s) / held). Two members are not ranked when their swings differ by less than twice the standard error
/// of the difference, taken as sqrt(se1^2 + se2^2) (the swings come from the same trials; the figure ignores their
/// correlation).
/// </summary>
internal static class SwingNoise
{
    /// <summary>The standard error of <paramref name="swing"/> over <paramref name="held"/> trials; NaN with fewer than two.</summary>
    public static double StandardError(double swing, long held) =>
        held > 1 ? Math.Sqrt(swing * (1 - swing) / held) : double.NaN;

    /// <summary>
    /// How many of the members after the first of <paramref name="swings"/> (largest first) are within noise of the
    /// first: the length of the run of members whose swing differs from the first's by less than twice the error.
    /// </summary>
    public static int WithinNoiseOfTop(IReadOnlyList<double> swings, long held)
    {
        if (swings.Count < 2 || held < 2)
        {
            return 0;
        }

        double top = swings[0], topSe = StandardError(top, held);
        int count = 0;
        for (int i = 1; i < swings.Count; i++)
        {
            double se = StandardError(swings[i], held);
            if (Math.Abs(top - swings[i]) >= 2 * Math.Sqrt((topSe * topSe) + (se * se)))
            {
                break;
            }

            count++;
        }

        return count;
    }
}
