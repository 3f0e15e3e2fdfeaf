using StemSimulator.Engine.Backtesting;

namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The shock sizes a calibration ships for scenarios: bloc shocks from the last calibrated years' roll calls, and the
/// global shock matched on the count deviations of out-of-sample analog forecasts of the last
/// <c>shockYears</c> years (each forecast from a fit that stops the year before), or in sample (the last years' own
/// repeats) when <c>shockYears</c> is 0. The out-of-sample forecasts (<see cref="OutOfSample"/>) do not need the
/// calibration itself, so a caller may run them beside its fit and hand them to <see cref="Match"/>.
/// </summary>
public static class ShockMatching
{
    /// <summary>Trials per simulated roll call of the out-of-sample forecasts.</summary>
    private const int Trials = 100;

    /// <summary>Seed of the out-of-sample forecasts' count simulations.</summary>
    private const ulong Seed = 1;

    /// <summary>
    /// Matches the shocks for the year after <paramref name="run"/>'s last year: the bloc shocks from its last years,
    /// the global shock on <paramref name="outOfSample"/> (from <see cref="OutOfSample"/> for the same last year), or
    /// in sample when it is null.
    /// </summary>
    /// <param name="data">The recorded votes <paramref name="run"/> was fitted on.</param>
    /// <param name="run">The calibration whose shocks are matched (years <c>run.FirstYear</c> to <c>run.LastYear</c>).</param>
    /// <param name="previous">Each roll call's earlier occurrence (<see cref="RecurringMatcher.PreviousOccurrence"/>), -1 for none.</param>
    /// <param name="blocs">The shock groups (regional groups, EU, OIC, NAM) and their members.</param>
    /// <param name="options">The calibration options (their thread count the matching's).</param>
    /// <param name="outOfSample">The out-of-sample count deviations, or null to match in sample.</param>
    public static ShockSizes Match(UnVotingData data, CalibrationRun run, int[] previous, ShockBlocs blocs, CalibrationOptions options, IReadOnlyList<CoverageCase>? outOfSample)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var model = new YearModel(run, run.LastYear + 1, new VoteIndex(data), blocs, previous, outOfSample is null ? null : (outOfSample, outOfSample), options.Threads);
        return new ShockSizes(model.PlainShocks, outOfSample?.Count);
    }

    /// <summary>
    /// The analog forecasts' count deviations of each of the last <paramref name="shockYears"/> (1 to 10) years up to
    /// the last of <paramref name="years"/>, each from a fit that stops the year before, warm-started from the previous one.
    /// With more than one thread (<see cref="CalibrationOptions.Threads"/>) the fit for the next year runs while this
    /// year's forecasts are scored (it needs only this year's fit), so both cores stay busy; the deviations are those
    /// of doing it one step after another.
    /// </summary>
    /// <param name="data">The recorded votes.</param>
    /// <param name="years">The calibration's first and last fitted year.</param>
    /// <param name="previous">Each roll call's earlier occurrence, -1 for none.</param>
    /// <param name="blocs">The shock groups.</param>
    /// <param name="options">The calibration options the refits use.</param>
    /// <param name="shockYears">Years of out-of-sample forecasts, 1 to 10.</param>
    /// <param name="threads">Worker threads of the out-of-sample forecasts; null for all cores.</param>
    /// <param name="refit">
    /// Fits the data up to the given last year (warm-started from the given earlier refit, when not null); null for a
    /// full fit from the first year (<see cref="CalibrationRun.Fit"/>). An incremental calibration passes its own
    /// update (<see cref="CalibrationRun.Update"/>).
    /// </param>
    /// <param name="cancellationToken">Stops the refits and forecasts.</param>
    public static List<CoverageCase> OutOfSample(UnVotingData data, (int First, int Last) years, int[] previous, ShockBlocs blocs, CalibrationOptions options, int shockYears, int? threads, Func<int, CalibrationRun?, CalibrationRun>? refit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shockYears, 1);
        refit ??= (lastYear, warm) => CalibrationRun.Fit(data, years.First, lastYear, previous, options, null, cancellationToken, warm);
        var votes = new VoteIndex(data);
        var backtest = new RollingBacktest(data, blocs, new BacktestSettings { Protocols = ["recurring"], Seed = Seed, Trials = Trials, Threads = threads });
        var deviations = new List<CoverageCase>();
        int firstForecast = years.Last - shockYears + 1;
        bool ahead = options.Threads > 1;
        var next = Ahead(() => refit(firstForecast - 1, null), ahead, cancellationToken);
        for (int year = firstForecast; year <= years.Last; year++)
        {
            var chain = next!.GetAwaiter().GetResult();
            int fitTo = year;
            next = year < years.Last ? Ahead(() => refit(fitTo, chain), ahead, cancellationToken) : null;
            var yearModel = new YearModel(chain, year, votes, blocs, previous);
            deviations.AddRange(backtest.ScoreYear(yearModel, null, new Dictionary<(string Protocol, string Model), DecisionWeights>(), cancellationToken).Analog);
        }

        return deviations;
    }

    /// <summary>
    /// Starts <paramref name="fit"/> on a thread of its own (the caller blocks a pool thread while scoring), or with
    /// <paramref name="ahead"/> false (one thread asked for) runs it here and now.
    /// </summary>
    private static Task<CalibrationRun> Ahead(Func<CalibrationRun> fit, bool ahead, CancellationToken cancellationToken) =>
        ahead ? Task.Factory.StartNew(fit, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default) : Task.FromResult(fit());
}
