using StemSimulator.Engine.Model;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// Chooses each kind's spread on the choosing years' cases by the mean interval score of the 90% yes-count ranges,
/// and summarises forecasts (coverage, width, interval score) of the model and of the baseline that adds the choosing
/// cases' empirical quantiles of the yes-count change (roll call minus analog) to the analog's own yes count.
/// </summary>
public static class AnalogSpreadEvaluation
{
    /// <summary>The level whose interval score chooses the spread.</summary>
    public const double ScoredLevel = 0.9;

    /// <summary>Coverage per level (<see cref="AnalogSpreadStudy.Levels"/> order), mean width and mean interval score at <see cref="ScoredLevel"/>.</summary>
    /// <param name="Cases">Number of roll calls.</param>
    /// <param name="Coverage">Share of roll calls whose recorded yes count lies in the range, per level.</param>
    /// <param name="MeanWidth">Mean width of the 90% range.</param>
    /// <param name="MeanIntervalScore">Mean interval score of the 90% range.</param>
    public sealed record Summary(int Cases, double[] Coverage, double MeanWidth, double MeanIntervalScore);

    /// <summary>The mean 90% interval score of spread index <paramref name="spread"/> over <paramref name="cases"/>.</summary>
    public static double MeanScore(IReadOnlyList<AnalogCase> cases, int spread)
    {
        return cases.Count == 0 ? double.NaN : cases.Average(c => Score(c, spread));
    }

    /// <summary>The 90% interval score of one case with spread index <paramref name="spread"/>.</summary>
    public static double Score(AnalogCase c, int spread) => c.Ranges[spread][LevelIndex(ScoredLevel)].Score(c.Actual, ScoredLevel);

    /// <summary>The spread index with the lowest mean 90% interval score over <paramref name="cases"/> (ties to the smaller spread).</summary>
    public static int Choose(IReadOnlyList<AnalogCase> cases, int spreads)
    {
        if (cases.Count == 0)
        {
            throw new ArgumentException("No cases to choose a spread on.", nameof(cases));
        }

        int best = 0;
        double bestScore = double.PositiveInfinity;
        for (int s = 0; s < spreads; s++)
        {
            double score = MeanScore(cases, s);
            if (score < bestScore - 1e-12)
            {
                (best, bestScore) = (s, score);
            }
        }

        return best;
    }

    /// <summary>The model's figures over <paramref name="cases"/> with spread index <paramref name="spread"/>.</summary>
    public static Summary Model(IReadOnlyList<AnalogCase> cases, int spread) =>
        Summarise(cases.Select(c => (c.Actual, c.Ranges[spread])).ToArray());

    /// <summary>
    /// The baseline's figures over <paramref name="cases"/>: each range is the analog's own yes count plus the central
    /// quantiles of (yes count minus the analog's) over <paramref name="choosing"/> (floored at 0).
    /// </summary>
    public static Summary Baseline(IReadOnlyList<AnalogCase> choosing, IReadOnlyList<AnalogCase> cases)
    {
        var changes = choosing.Select(c => c.Actual - c.AnalogYes).Order().ToArray();
        return Summarise(cases.Select(c => (c.Actual, BaselineRanges(changes, c.AnalogYes))).ToArray());
    }

    /// <summary>The baseline's ranges per level: <paramref name="analogYes"/> plus the central quantiles of the ascending <paramref name="changes"/>.</summary>
    public static CountInterval[] BaselineRanges(int[] changes, int analogYes) =>
        AnalogSpreadStudy.Levels.Select(l => CountInterval.Central(changes, l)).Select(r => new CountInterval(Math.Max(0, analogYes + r.Lower), Math.Max(0, analogYes + r.Upper))).ToArray();

    /// <summary>Coverage per level, mean width and mean interval score at 90% of (recorded count, ranges per level) pairs.</summary>
    public static Summary Summarise(IReadOnlyList<(int Actual, CountInterval[] Ranges)> forecasts)
    {
        int level = LevelIndex(ScoredLevel);
        if (forecasts.Count == 0)
        {
            return new Summary(0, AnalogSpreadStudy.Levels.Select(_ => double.NaN).ToArray(), double.NaN, double.NaN);
        }

        var coverage = AnalogSpreadStudy.Levels.Select((_, l) => forecasts.Average(f => f.Ranges[l].Covers(f.Actual) ? 1.0 : 0.0)).ToArray();
        return new Summary(forecasts.Count, coverage, forecasts.Average(f => (double)f.Ranges[level].Width), forecasts.Average(f => f.Ranges[level].Score(f.Actual, ScoredLevel)));
    }

    /// <summary>The cases of one kind.</summary>
    public static AnalogCase[] OfKind(IEnumerable<AnalogCase> cases, AnalogKind kind) => cases.Where(c => c.Kind == kind).ToArray();

    /// <summary>
    /// The cases of one kind split at <paramref name="chooseTo"/>: those of the choosing years (up to and including it),
    /// on which a shape is chosen, and those of the later years, on which it is reported.
    /// </summary>
    public static (AnalogCase[] Choosing, AnalogCase[] Reporting) Periods(IEnumerable<AnalogCase> cases, AnalogKind kind, int chooseTo)
    {
        var all = OfKind(cases, kind);
        return (all.Where(c => c.Year <= chooseTo).ToArray(), all.Where(c => c.Year > chooseTo).ToArray());
    }

    private static int LevelIndex(double level)
    {
        for (int l = 0; l < AnalogSpreadStudy.Levels.Count; l++)
        {
            if (Math.Abs(AnalogSpreadStudy.Levels[l] - level) < 1e-12)
            {
                return l;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(level), level, "Not one of the study's levels.");
    }
}
