namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// A trend-aware population draw (docs/calibration.md, "Round 8"): each population text's anchor shift d_j moved by
/// an estimated drift per session times the sessions between the text and the forecast,
/// d_j' = d_j + λ · δ · (S₀ − s_j). The drift is estimated on anchor shifts (the latent shift the kernel draws), from
/// the two sessions before the forecast's only.
/// </summary>
public static class PopulationDrift
{
    /// <summary>Where the drift per session is estimated.</summary>
    public enum Source
    {
        /// <summary>No drift (the population draw of rounds 5-7).</summary>
        None,

        /// <summary>Mean anchor of the population's texts one session before the forecast minus that of two sessions before.</summary>
        Population,

        /// <summary>Median change of anchor between the recurring pairs (a text and the one it repeats) of those two sessions.</summary>
        Assembly,
    }

    /// <summary>
    /// The population's drift per session: the mean of <paramref name="shifts"/> whose text lies 1 session before the
    /// forecast minus the mean of those 2 sessions before (<paramref name="sessionsBefore"/>, aligned, each &gt;= 1); 0
    /// when either session has no text.
    /// </summary>
    public static double WithinPopulation(IReadOnlyList<double> shifts, IReadOnlyList<int> sessionsBefore)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(sessionsBefore.Count, shifts.Count, nameof(sessionsBefore));
        double newer = 0, older = 0;
        int newerCount = 0, olderCount = 0;
        for (int j = 0; j < shifts.Count; j++)
        {
            if (sessionsBefore[j] == 1)
            {
                (newer, newerCount) = (newer + shifts[j], newerCount + 1);
            }
            else if (sessionsBefore[j] == 2)
            {
                (older, olderCount) = (older + shifts[j], olderCount + 1);
            }
        }

        return newerCount == 0 || olderCount == 0 ? 0 : (newer / newerCount) - (older / olderCount);
    }

    /// <summary>
    /// The Assembly's drift per session: the median of newer − older over <paramref name="pairs"/> (each a text's anchor
    /// shift and that of the text it repeats, a session earlier); 0 when there is none.
    /// </summary>
    public static double MedianChange(IReadOnlyList<(double Newer, double Older)> pairs)
    {
        if (pairs.Count == 0)
        {
            return 0;
        }

        var changes = pairs.Select(p => p.Newer - p.Older).Order().ToArray();
        int m = changes.Length / 2;
        return changes.Length % 2 == 1 ? changes[m] : (changes[m - 1] + changes[m]) / 2;
    }

    /// <summary>
    /// The drifted shifts d_j + <paramref name="shrink"/> · <paramref name="drift"/> · sessionsBefore_j
    /// (<paramref name="shrink"/> λ in [0, 1]; <paramref name="sessionsBefore"/> aligned with <paramref name="shifts"/>).
    /// </summary>
    public static double[] Apply(IReadOnlyList<double> shifts, IReadOnlyList<int> sessionsBefore, double drift, double shrink)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(sessionsBefore.Count, shifts.Count, nameof(sessionsBefore));
        ArgumentOutOfRangeException.ThrowIfNegative(shrink);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shrink, 1);
        var drifted = new double[shifts.Count];
        for (int j = 0; j < shifts.Count; j++)
        {
            drifted[j] = shifts[j] + (shrink * drift * sessionsBefore[j]);
        }

        return drifted;
    }
}
