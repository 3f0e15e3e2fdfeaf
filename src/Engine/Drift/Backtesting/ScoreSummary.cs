namespace StemSimulator.Engine.Drift.Backtesting;

/// <summary>
/// Scores averaged over member-years (overall or for one horizon). Coverage is the expected coverage given the
/// realized positions' standard errors (<see cref="Engine.Drift.PositionForecast"/>); the point coverage counts the
/// realized estimates inside the intervals. Standard errors are clustered by member: a member's years share one path.
/// </summary>
/// <param name="Count">Member-years scored.</param>
/// <param name="Members">Members among them.</param>
/// <param name="Coverage80">Mean expected coverage of the 80% intervals.</param>
/// <param name="Coverage80Se">Its member-clustered standard error.</param>
/// <param name="Coverage95">Mean expected coverage of the 95% intervals.</param>
/// <param name="Coverage95Se">Its member-clustered standard error.</param>
/// <param name="PointCoverage80">Share of realized estimates inside the 80% intervals.</param>
/// <param name="PointCoverage95">Share inside the 95% intervals.</param>
/// <param name="Mse">Mean expected squared error.</param>
/// <param name="LogScore">Mean expected log score (higher is better).</param>
/// <param name="Crps">Mean expected CRPS (lower is better).</param>
/// <param name="Width80">Mean width of the 80% intervals.</param>
internal sealed record ScoreSummary(
    int Count,
    int Members,
    double Coverage80,
    double Coverage80Se,
    double Coverage95,
    double Coverage95Se,
    double PointCoverage80,
    double PointCoverage95,
    double Mse,
    double LogScore,
    double Crps,
    double Width80)
{
    /// <summary>The summary of <paramref name="rows"/> (NaN figures when empty).</summary>
    public static ScoreSummary Of(IReadOnlyCollection<ScoredYear> rows)
    {
        int n = rows.Count;
        if (n == 0)
        {
            return new ScoreSummary(0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var (c80, c80Se) = ClusteredMean(rows.Select(r => (r.Member, r.Forecast.Coverage80)));
        var (c95, c95Se) = ClusteredMean(rows.Select(r => (r.Member, r.Forecast.Coverage95)));
        return new ScoreSummary(
            n,
            rows.Select(r => r.Member).Distinct().Count(),
            c80,
            c80Se,
            c95,
            c95Se,
            rows.Count(r => r.Forecast.Inside80) / (double)n,
            rows.Count(r => r.Forecast.Inside95) / (double)n,
            rows.Average(r => r.Forecast.SquaredError),
            rows.Average(r => r.Forecast.LogScore),
            rows.Average(r => r.Forecast.Crps),
            rows.Average(r => r.Forecast.Width80));
    }

    /// <summary>
    /// The mean of the values x_r and its member-clustered standard error:
    /// se^2 = G / (G - 1) * sum_g (sum_{r in g} (x_r - mean))^2 / n^2 over the G members g (the sandwich estimator).
    /// </summary>
    public static (double Mean, double StandardError) ClusteredMean(IEnumerable<(int Member, double X)> rows)
    {
        var values = rows.ToArray();
        if (values.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        double mean = values.Average(v => v.X);
        var clusters = values.GroupBy(v => v.Member).Select(g => g.Sum(v => v.X - mean)).ToArray();
        if (clusters.Length < 2)
        {
            return (mean, double.NaN);
        }

        double variance = clusters.Sum(c => c * c) * clusters.Length / (clusters.Length - 1.0);
        return (mean, Math.Sqrt(variance) / values.Length);
    }
}
