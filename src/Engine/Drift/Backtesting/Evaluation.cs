namespace StemSimulator.Engine.Drift.Backtesting;

/// <summary>A drift model's scores on the member-years of one period.</summary>
/// <param name="model">Name in outputs.</param>
/// <param name="strengths">Strength per <see cref="DriftBacktest.Components"/> entry.</param>
/// <param name="volatilityScale">Multiplier of every member's calibrated volatility.</param>
/// <param name="rows">The scored member-years.</param>
/// <param name="horizons">Years simulated after the origin.</param>
public sealed class Evaluation(string model, IReadOnlyList<double> strengths, double volatilityScale, IReadOnlyList<ScoredYear> rows, int horizons)
{
    /// <summary>Name in outputs.</summary>
    public string Model { get; } = model;

    /// <summary>Strength per <see cref="DriftBacktest.Components"/> entry.</summary>
    public IReadOnlyList<double> Strengths { get; } = strengths;

    /// <summary>Multiplier of every member's calibrated volatility (above 0).</summary>
    public double VolatilityScale { get; } = volatilityScale;

    /// <summary>The scored member-years.</summary>
    public IReadOnlyList<ScoredYear> Rows { get; } = rows;

    /// <summary>Years simulated after the origin (at least 1).</summary>
    public int Horizons { get; } = horizons;

    /// <summary>Scores over every member-year and horizon.</summary>
    public ScoreSummary Overall => ScoreSummary.Of(Rows.ToArray());

    /// <summary>Scores of the member-years at horizon <paramref name="h"/> (1 to <see cref="Horizons"/>).</summary>
    public ScoreSummary AtHorizon(int h) => ScoreSummary.Of(Rows.Where(r => r.Horizon == h).ToArray());

    /// <summary>
    /// Mean log-score difference to <paramref name="baseline"/> (same member-years, common random numbers; positive:
    /// this model is better) and its standard error, clustered by member (a member's years are far from independent).
    /// </summary>
    public (double Difference, double StandardError) LogScoreDifference(Evaluation baseline) => Difference(baseline, f => f.LogScore);

    /// <summary>Mean squared-error difference to <paramref name="baseline"/> (negative: this model is better) and its member-clustered standard error.</summary>
    public (double Difference, double StandardError) MseDifference(Evaluation baseline) => Difference(baseline, f => f.SquaredError);

    /// <summary>Mean CRPS difference to <paramref name="baseline"/> (negative: this model is better) and its member-clustered standard error.</summary>
    public (double Difference, double StandardError) CrpsDifference(Evaluation baseline) => Difference(baseline, f => f.Crps);

    private (double, double) Difference(Evaluation baseline, Func<PositionForecast, double> score)
    {
        var theirs = baseline.Rows.ToDictionary(r => (r.Member, r.Horizon), r => score(r.Forecast));
        return ScoreSummary.ClusteredMean(Rows.Select(r => (r.Member, score(r.Forecast) - theirs[(r.Member, r.Horizon)])));
    }
}
