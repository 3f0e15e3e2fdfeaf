using StemSimulator.Engine.Backtesting;

namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The shock sizes a calibration ships for scenarios: bloc shocks from the last calibrated years' roll calls, and the
/// global shock matched on the count deviations of out-of-sample analog forecasts of the last
/// <c>shockYears</c> years (each forecast from a fit that stops the year before), or in sample (the last years' own
/// repeats) when <c>shockYears</c> is 0.
/// </summary>
public static class ShockMatching
{
    /// <summary>Trials per simulated roll call of the out-of-sample forecasts.</summary>
    private const int Trials = 100;

    /// <summary>Seed of the out-of-sample forecasts' count simulations.</summary>
    private const ulong Seed = 1;

    /// <summary>
    /// Matches the shocks for the year after <paramref name="run"/>'s last year. <paramref name="shockYears"/> (0 to
    /// 10) out-of-sample years each refit the calibration up to the year before, warm-started from the previous refit.
    /// </summary>
    /// <param name="data">The recorded votes <paramref name="run"/> was fitted on.</param>
    /// <param name="run">The calibration whose shocks are matched (years <c>run.FirstYear</c> to <c>run.LastYear</c>).</param>
    /// <param name="previous">Each roll call's earlier occurrence (<see cref="RecurringMatcher.PreviousOccurrence"/>), -1 for none.</param>
    /// <param name="blocs">The shock groups (regional groups, EU, OIC, NAM) and their members.</param>
    /// <param name="options">The calibration options the refits use (and their thread count the matching).</param>
    /// <param name="shockYears">Years of out-of-sample forecasts; 0 matches in sample.</param>
    /// <param name="threads">Worker threads of the out-of-sample forecasts; null for all cores.</param>
    /// <param name="refit">
    /// Fits the data up to the given last year (warm-started from the given earlier refit, when not null) for the
    /// out-of-sample forecasts; null for a full fit from <c>run.FirstYear</c> (<see cref="CalibrationRun.Fit"/>). An
    /// incremental calibration passes its own update (<see cref="CalibrationRun.Update"/>).
    /// </param>
    /// <param name="cancellationToken">Stops the refits and forecasts.</param>
    public static ShockSizes Match(UnVotingData data, CalibrationRun run, int[] previous, ShockBlocs blocs, CalibrationOptions options, int shockYears, int? threads, Func<int, CalibrationRun?, CalibrationRun>? refit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var votes = new VoteIndex(data);
        refit ??= (lastYear, warm) => CalibrationRun.Fit(data, run.FirstYear, lastYear, previous, options, null, cancellationToken, warm);
        var outOfSample = shockYears > 0
            ? OutOfSampleDeviations(data, run, previous, blocs, shockYears, threads, votes, refit, cancellationToken)
            : null;
        var model = new YearModel(run, run.LastYear + 1, votes, blocs, previous, outOfSample is null ? null : (outOfSample, outOfSample), options.Threads);
        return new ShockSizes(model.PlainShocks, outOfSample?.Count);
    }

    /// <summary>The analog forecasts' count deviations of each of the last <paramref name="shockYears"/> years, each from a fit that stops the year before.</summary>
    private static List<CoverageCase> OutOfSampleDeviations(UnVotingData data, CalibrationRun run, int[] previous, ShockBlocs blocs, int shockYears, int? threads, VoteIndex votes, Func<int, CalibrationRun?, CalibrationRun> refit, CancellationToken cancellationToken)
    {
        var backtest = new RollingBacktest(data, blocs, new BacktestSettings { Protocols = ["recurring"], Seed = Seed, Trials = Trials, Threads = threads });
        var deviations = new List<CoverageCase>();
        CalibrationRun? chain = null;
        for (int year = run.LastYear - shockYears + 1; year <= run.LastYear; year++)
        {
            chain = refit(year - 1, chain);
            var yearModel = new YearModel(chain, year, votes, blocs, previous);
            deviations.AddRange(backtest.ScoreYear(yearModel, null, new Dictionary<(string Protocol, string Model), DecisionWeights>(), cancellationToken).Analog);
        }

        return deviations;
    }
}
