using System.Globalization;

namespace StemSimulator.Engine.Drift.Backtesting;

/// <summary>
/// The evaluations of a drift backtest and their rows for <c>drift_backtest.parquet</c>: the random walk (volatilities
/// from the changes, and raised to the calibration's random-walk step), the first scenarios' attraction, each
/// attraction alone at each strength, the strengths fitted in sample, the attraction
/// kept (fitted in sample and better out of sample on the log score, the CRPS and the squared error), and the
/// volatility scale.
/// </summary>
public sealed class DriftBacktestResult
{
    /// <summary>Name in the table of the baseline: the random walk alone, every drift component at strength 0.</summary>
    public const string RandomWalk = "random_walk";

    /// <summary>Members whose volatilities are reported by name.</summary>
    public static readonly IReadOnlyList<string> NamedMembers = ["CHN", "IND", "BRA", "ZAF", "TUR", "USA", "RUS"];

    private DriftBacktestResult(DriftBacktest backtest)
    {
        Backtest = backtest;
    }

    /// <summary>The backtest evaluated.</summary>
    public DriftBacktest Backtest { get; }

    /// <summary>Out-of-sample evaluations, the random walk first.</summary>
    public List<Evaluation> OutOfSample { get; } = [];

    /// <summary>In-sample (fitting period) evaluations of the random walk (both volatility rules) and the fitted strengths.</summary>
    public List<Evaluation> InSample { get; } = [];

    /// <summary>Strengths with the best in-sample log score, per component.</summary>
    public double[] Fitted { get; private set; } = [];

    /// <summary>Strengths kept: fitted in sample and improving the out-of-sample fit alone.</summary>
    public double[] Kept { get; private set; } = [];

    /// <summary>Name of the recommended model (the random walk when no attraction is kept).</summary>
    public string Recommended { get; private set; } = RandomWalk;

    /// <summary>Volatility scales of the recommended model: out-of-sample 80% and 95% coverage right, best log score out of and in sample.</summary>
    public (double Coverage80, double Coverage95, double LogScore, double LogScoreInSample) Scale { get; private set; }

    /// <summary>The rows of <c>drift_backtest.parquet</c>: model, horizon (null for all horizons), metric and value.</summary>
    public List<(string Model, int? Horizon, string Metric, double Value)> Rows { get; } = [];

    /// <summary>The out-of-sample evaluation of the model of that name (exactly one must exist).</summary>
    public Evaluation Find(string model) => OutOfSample.Single(e => e.Model == model);

    /// <summary>Evaluates every model of the backtest, handing progress lines to <paramref name="log"/> when given.</summary>
    public static DriftBacktestResult Run(DriftBacktest backtest, Action<string>? log, CancellationToken cancellationToken)
    {
        var result = new DriftBacktestResult(backtest);
        var randomWalk = result.EvaluateRandomWalks(log, cancellationToken);
        var fitted = result.FitStrengths(log, cancellationToken);
        result.EvaluateAttractions(fitted, cancellationToken);
        var kept = result.KeepImprovingComponents(fitted, randomWalk, cancellationToken);
        result.FitVolatilityScale(kept, log, cancellationToken);
        result.BuildRows();
        return result;
    }

    /// <summary>The random walk out of sample, and with the volatilities raised to the step when the calibration gives one.</summary>
    private Evaluation EvaluateRandomWalks(Action<string>? log, CancellationToken cancellationToken)
    {
        var invariant = CultureInfo.InvariantCulture;
        var none = new double[DriftBacktest.Components.Count];
        var randomWalk = Backtest.OutOfSample(RandomWalk, none, 1, cancellationToken);
        OutOfSample.Add(randomWalk);
        log?.Invoke(string.Create(invariant, $"  random walk: coverage {randomWalk.Overall.Coverage80:P1} / {randomWalk.Overall.Coverage95:P1}, log score {randomWalk.Overall.LogScore:F4}"));
        if (double.IsFinite(Backtest.StepScale))
        {
            var step = Backtest.OutOfSample(RandomWalkStep, none, Backtest.StepScale, cancellationToken);
            OutOfSample.Add(step);
            log?.Invoke(string.Create(invariant, $"  random walk with the volatilities raised to the step (x{Backtest.StepScale:F2}): coverage {step.Overall.Coverage80:P1} / {step.Overall.Coverage95:P1}, log score {step.Overall.LogScore:F4}"));
        }

        return randomWalk;
    }

    /// <summary>The strengths fitted in sample, with the in-sample evaluations of the random walks and the fitted strengths.</summary>
    private double[] FitStrengths(Action<string>? log, CancellationToken cancellationToken)
    {
        var components = DriftBacktest.Components;
        var none = new double[components.Count];
        var (fitted, _) = Backtest.FitStrengths(cancellationToken: cancellationToken);
        Fitted = fitted;
        log?.Invoke($"  strengths fitted on {Backtest.Settings.FitFrom}-{Backtest.Settings.From}: " + string.Join(", ", components.Select((c, k) => string.Create(CultureInfo.InvariantCulture, $"{c.Name} {fitted[k]:0.00}"))));
        InSample.Add(Backtest.InSample(RandomWalk, none, 1, cancellationToken));
        if (double.IsFinite(Backtest.StepScale))
        {
            InSample.Add(Backtest.InSample(RandomWalkStep, none, Backtest.StepScale, cancellationToken));
        }

        InSample.Add(Backtest.InSample("attraction_fitted", fitted, 1, cancellationToken));
        return fitted;
    }

    /// <summary>Out of sample: the first scenarios' attraction, each component alone at each strength, and the fitted strengths.</summary>
    private void EvaluateAttractions(double[] fitted, CancellationToken cancellationToken)
    {
        var components = DriftBacktest.Components;
        OutOfSample.Add(Backtest.OutOfSample("scenario_baseline", DriftBacktest.ScenarioBaseline, 1, cancellationToken));
        for (int c = 0; c < components.Count; c++)
        {
            foreach (double strength in Backtest.Settings.Strengths)
            {
                var strengths = new double[components.Count];
                strengths[c] = strength;
                OutOfSample.Add(Backtest.OutOfSample(SingleName(c, strength), strengths, 1, cancellationToken));
            }
        }

        OutOfSample.Add(Backtest.OutOfSample("attraction_fitted", fitted, 1, cancellationToken));
    }

    /// <summary>
    /// Keeps a component only when its fitted strength is positive and, alone at that strength, it beats the random
    /// walk out of sample on the log score, the CRPS and the squared error; evaluates the kept strengths together.
    /// </summary>
    private double[] KeepImprovingComponents(double[] fitted, Evaluation randomWalk, CancellationToken cancellationToken)
    {
        int count = DriftBacktest.Components.Count;
        var kept = new double[count];
        for (int c = 0; c < count; c++)
        {
            if (fitted[c] <= 0)
            {
                continue;
            }

            var alone = OutOfSample.FirstOrDefault(e => e.Model == SingleName(c, fitted[c]))
                ?? Add(this, Backtest.OutOfSample(SingleName(c, fitted[c]), Only(c, fitted[c], count), 1, cancellationToken));
            if (ImprovesOn(alone, randomWalk))
            {
                kept[c] = fitted[c];
            }
        }

        Kept = kept;
        if (kept.Any(s => s > 0))
        {
            Recommended = "attraction_kept";
            OutOfSample.Add(Backtest.OutOfSample(Recommended, kept, 1, cancellationToken));
        }

        return kept;
    }

    /// <summary>The volatility scales of the kept model, and the scale chosen in sample scored out of sample.</summary>
    private void FitVolatilityScale(double[] kept, Action<string>? log, CancellationToken cancellationToken)
    {
        var backtest = Backtest;
        Func<DriftBacktest, double, Evaluation> outOfSample = (b, s) => b.OutOfSample("scale", kept, s, cancellationToken);
        Func<DriftBacktest, double, Evaluation> inSample = (b, s) => b.InSample("scale", kept, s, cancellationToken);
        Scale = (
            backtest.ScaleFor(outOfSample, e => e.Overall.Coverage80, 0.80),
            backtest.ScaleFor(outOfSample, e => e.Overall.Coverage95, 0.95),
            backtest.BestLogScoreScale(outOfSample),
            backtest.BestLogScoreScale(inSample));
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"  volatility scale: coverage 80% right at {Scale.Coverage80:F2}, 95% at {Scale.Coverage95:F2}; best log score at {Scale.LogScore:F2} (in sample {Scale.LogScoreInSample:F2})"));
        if (double.IsFinite(Scale.LogScoreInSample))
        {
            // The scale chosen in sample, scored out of sample: an honest test of tuning the volatilities.
            OutOfSample.Add(backtest.OutOfSample(Recommended + "_in_sample_scale", kept, Scale.LogScoreInSample, cancellationToken));
        }
    }

    /// <summary>Whether <paramref name="model"/> beats <paramref name="baseline"/> on all three scores: a higher log score, a lower CRPS and a lower squared error.</summary>
    public static bool ImprovesOn(Evaluation model, Evaluation baseline) =>
        model.LogScoreDifference(baseline).Difference > 0 && model.CrpsDifference(baseline).Difference < 0 && model.MseDifference(baseline).Difference < 0;

    /// <summary>The random walk with the volatilities raised to the calibration's random-walk step.</summary>
    public const string RandomWalkStep = "random_walk_step";

    /// <summary>Name in the table of one attraction component alone at one strength, e.g. <c>NAME_0.50</c>.</summary>
    public static string SingleName(int component, double strength) =>
        string.Create(CultureInfo.InvariantCulture, $"{DriftBacktest.Components[component].Name}_{strength:0.00}");

    private static double[] Only(int component, double strength, int count)
    {
        var strengths = new double[count];
        strengths[component] = strength;
        return strengths;
    }

    private static Evaluation Add(DriftBacktestResult result, Evaluation evaluation)
    {
        result.OutOfSample.Add(evaluation);
        return evaluation;
    }

    private void BuildRows()
    {
        var randomWalk = OutOfSample[0];
        foreach (var e in OutOfSample)
        {
            AddScores(e.Model, e, randomWalk, true);
        }

        foreach (var e in InSample)
        {
            AddScores("in_sample_" + e.Model, e, InSample[0], false);
        }

        var components = DriftBacktest.Components;
        for (int c = 0; c < components.Count; c++)
        {
            Rows.Add(("fitted_strength", null, components[c].Name, Fitted[c]));
            Rows.Add(("kept_strength", null, components[c].Name, Kept[c]));
        }

        Rows.Add(("volatility_scale", null, "coverage80", Scale.Coverage80));
        Rows.Add(("volatility_scale", null, "coverage95", Scale.Coverage95));
        Rows.Add(("volatility_scale", null, "log_score", Scale.LogScore));
        Rows.Add(("volatility_scale", null, "log_score_in_sample", Scale.LogScoreInSample));
        var a = Backtest.Alignment;
        Rows.Add(("alignment", null, "intercept", a.Intercept));
        Rows.Add(("alignment", null, "slope", a.Slope));
        Rows.Add(("alignment", null, "residual_sd", a.ResidualSd));
        Rows.Add(("alignment", null, "r_squared", a.RSquared));
        Rows.Add(("alignment", null, "pairs", a.Pairs));
        AddVolatilityRows(Rows, "volatility_backtest", Backtest.Volatility, Backtest.StateCodes, Backtest.StepSd);
        Rows.Add(("volatility_backtest", null, "step_scale", Backtest.StepScale));
        Rows.Add(("run", null, "trials", Backtest.Settings.Trials));
        Rows.Add(("run", null, "members", randomWalk.Rows.Select(r => r.Member).Distinct().Count()));
    }

    private void AddScores(string model, Evaluation e, Evaluation baseline, bool horizons)
    {
        var components = DriftBacktest.Components;
        if (horizons)
        {
            for (int h = 1; h <= e.Horizons; h++)
            {
                AddSummary(model, h, e.AtHorizon(h));
            }
        }

        AddSummary(model, null, e.Overall);
        var (ls, lsSe) = e.LogScoreDifference(baseline);
        var (mse, mseSe) = e.MseDifference(baseline);
        var (crps, crpsSe) = e.CrpsDifference(baseline);
        Rows.Add((model, null, "log_score_diff_vs_random_walk", ls));
        Rows.Add((model, null, "log_score_diff_se", lsSe));
        Rows.Add((model, null, "crps_diff_vs_random_walk", crps));
        Rows.Add((model, null, "crps_diff_se", crpsSe));
        Rows.Add((model, null, "mse_diff_vs_random_walk", mse));
        Rows.Add((model, null, "mse_diff_se", mseSe));
        Rows.Add((model, null, "volatility_scale", e.VolatilityScale));
        for (int c = 0; c < components.Count; c++)
        {
            Rows.Add((model, null, "strength_" + components[c].Name, e.Strengths[c]));
        }
    }

    private void AddSummary(string model, int? horizon, ScoreSummary s)
    {
        Rows.Add((model, horizon, "coverage80", s.Coverage80));
        Rows.Add((model, horizon, "coverage80_se", s.Coverage80Se));
        Rows.Add((model, horizon, "coverage95", s.Coverage95));
        Rows.Add((model, horizon, "coverage95_se", s.Coverage95Se));
        Rows.Add((model, horizon, "point_coverage80", s.PointCoverage80));
        Rows.Add((model, horizon, "point_coverage95", s.PointCoverage95));
        Rows.Add((model, horizon, "mse", s.Mse));
        Rows.Add((model, horizon, "log_score", s.LogScore));
        Rows.Add((model, horizon, "crps", s.Crps));
        Rows.Add((model, horizon, "width80", s.Width80));
        Rows.Add((model, horizon, "member_years", s.Count));
        Rows.Add((model, horizon, "members", s.Members));
    }

    /// <summary>Rows summarising volatilities: the step they are scaled to, the raw pooled change, range, quartiles and named members.</summary>
    public static void AddVolatilityRows(List<(string Model, int? Horizon, string Metric, double Value)> rows, string model, DriftVolatility volatility, IReadOnlyList<string> codes, double stepSd)
    {
        var measured = Enumerable.Range(0, codes.Count).Where(i => volatility.Changes[i] > 0).Select(i => volatility.PerMember[i]).Order().ToArray();
        rows.Add((model, null, "position_step_sd", stepSd));
        rows.Add((model, null, "pooled_raw_change", volatility.PooledRawChange));
        rows.Add((model, null, "scale_factor", volatility.Scale));
        rows.Add((model, null, "members", measured.Length));
        if (measured.Length > 0)
        {
            rows.Add((model, null, "min", measured[0]));
            rows.Add((model, null, "q25", PositionForecast.Quantile(measured, 0.25)));
            rows.Add((model, null, "median", PositionForecast.Quantile(measured, 0.5)));
            rows.Add((model, null, "q75", PositionForecast.Quantile(measured, 0.75)));
            rows.Add((model, null, "max", measured[^1]));
            var withChanges = Enumerable.Range(0, codes.Count).Where(i => volatility.Changes[i] > 0).ToArray();
            int lowest = withChanges.MinBy(i => volatility.PerMember[i]), highest = withChanges.MaxBy(i => volatility.PerMember[i]);
            rows.Add((model, null, "min_" + codes[lowest], volatility.PerMember[lowest]));
            rows.Add((model, null, "max_" + codes[highest], volatility.PerMember[highest]));
        }

        foreach (var code in NamedMembers)
        {
            int i = codes.ToList().IndexOf(code);
            if (i >= 0)
            {
                rows.Add((model, null, "sigma_" + code, volatility.PerMember[i]));
            }
        }
    }
}
