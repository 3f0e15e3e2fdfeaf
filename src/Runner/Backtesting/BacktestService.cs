using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Backtesting;

/// <summary>
/// <c>stemsim backtest</c>: the rolling-origin evaluation of <see cref="RollingBacktest"/>, written to
/// <c>OUTDIR/backtest.parquet</c> (whole or not at all, with the summary as a Markdown table in <c>backtest.md</c>) and
/// shown as a table. Besides the scores it records per test
/// year the fitted shock sizes and rho (protocol <c>parameters</c>) and the correlation of the last calibration's
/// positions with the Bailey-Strezhnev-Voeten ideal points per year (protocol <c>positions</c>, metric
/// <c>bsv_correlation</c>). The hard classes of <see cref="RollingBacktest.WeightedModels"/> are decided with
/// <see cref="DecisionWeights"/> fitted, per protocol and model, to maximise macro-F1 on the out-of-sample forecasts of
/// every earlier fitted year (the burn-in years and the earlier test years; never the year scored); the weights and the
/// size of their fitting set are recorded per test year (protocol <c>parameters</c>, metrics
/// <c>decision_weight_no_PROTOCOL</c>, <c>decision_weight_abstain_PROTOCOL</c>, <c>decision_fit_votes_PROTOCOL</c>).
/// </summary>
internal sealed class BacktestService(ConsoleStreams console, TimeProvider clock)
{
    /// <summary>Test years whose out-of-sample count deviations match the next year's global shocks (and burn-in years before the first).</summary>
    private const int BurnInYears = 3;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<int> BacktestAsync(BacktestRequest request, CancellationToken cancellationToken)
    {
        if (Problem(request) is { } problem)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        var total = Stopwatch.StartNew();
        if (await BacktestInput.PrepareAsync(request.DataDirectory, request.OutputFolder, request.Force, request.TestFrom, request.TestTo, null, !request.Quiet, console.Error, cancellationToken).ConfigureAwait(false) is not ({ } data, { } folder))
        {
            return ExitCodes.InvalidInput;
        }

        using (folder)
        {
            var board = new ScoreBoard();
            CalibrationRun last;
            try
            {
                last = await ScoreYearsAsync(request, data, board, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("Interrupted; nothing was written.");
                return ExitCodes.Interrupted;
            }

            AddBsvCorrelations(board, last);
            var rows = board.Rows();
            await WriteAsync(request, folder, rows, cancellationToken).ConfigureAwait(false);
            if (!request.Quiet)
            {
                ReportTotals(request, folder, rows, total);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>The correlation of the last calibration's positions with the Bailey-Strezhnev-Voeten ideal points, per year (protocol <c>positions</c>).</summary>
    private static void AddBsvCorrelations(ScoreBoard board, CalibrationRun last)
    {
        foreach (var (year, units, correlation) in last.BsvCorrelations())
        {
            board.AddValue("positions", "stemsim", "bsv_correlation", correlation, year);
        }
    }

    /// <summary>The overall table and the file written, on standard output.</summary>
    private void ReportTotals(BacktestRequest request, RunFolder folder, IReadOnlyList<(string Protocol, string Model, string Metric, double Value, int? Year)> rows, Stopwatch total)
    {
        console.Out.MarkupLine(string.Create(Invariant, $"[bold]Backtest[/] {request.TestFrom}-{request.TestTo} (rolling origin, first training year end {request.TrainUntil}):"));
        console.Out.Write(BacktestReport.Build(rows));
        console.Out.MarkupLine(string.Create(Invariant, $"Wrote [bold]{Markup.Escape(Path.Combine(folder.Target, BacktestTable.FileName))}[/] ({rows.Count:N0} rows, {total.Elapsed.TotalSeconds:F0} s)"));
    }

    /// <summary>What is wrong with the request's options, or null.</summary>
    private static string? Problem(BacktestRequest request) => request switch
    {
        _ when request.OutputFolder.Length == 0 => "--out is required (the folder for backtest.parquet)",
        _ when !Directory.Exists(request.DataDirectory) => $"the data folder '{request.DataDirectory}' does not exist (expected ../shared/data/un)",
        _ when request.TestFrom > request.TestTo => $"--test-from {request.TestFrom} is after --test-to {request.TestTo}",
        _ when request.TrainUntil >= request.TestFrom => $"--train-until {request.TrainUntil} must be before --test-from {request.TestFrom}: the model may not see the test years",
        _ when request.Protocols.Count == 0 || request.Protocols.Any(p => p is not ("recurring" or "new")) => "--protocols takes recurring, new or both",
        _ when request.Trials is < 100 or > 1_000_000 => "--trials must be between 100 and 1,000,000",
        _ when request.Reveal.FirstOrDefault(c => ReferenceCatalog.Embedded.FindState(c) is null) is { } unknown => $"--reveal: unknown member '{unknown}' (ISO3 codes such as USA, CHN)",
        _ when request.Threads is < 1 => "--threads must be at least 1",
        _ => null,
    };

    /// <summary>
    /// Fits and scores every year from the burn-in years to the last test year into <paramref name="board"/>, and
    /// returns the last year's calibration.
    /// </summary>
    private async Task<CalibrationRun> ScoreYearsAsync(BacktestRequest request, UnVotingData data, ScoreBoard board, CancellationToken cancellationToken)
    {
        var (firstYear, _) = data.YearRange;
        var blocs = new ShockBlocs(ReferenceCatalog.Embedded);
        var backtest = new RollingBacktest(data, blocs, new BacktestSettings { Protocols = request.Protocols, Reveal = request.Reveal, Seed = request.Seed, Trials = request.Trials, Threads = request.Threads });
        var options = new CalibrationOptions { Threads = request.Threads ?? Environment.ProcessorCount };
        var history = new History();
        CalibrationRun? warm = null;

        // Each year's fit starts from the previous year's (warm) and needs nothing else, so with more than one
        // thread the next year's fit runs while this year is scored; the scores are those of one step after another.
        Task<(CalibrationRun Run, double Seconds)> FitTo(int trainEnd, CalibrationRun? start) => Task.Factory.StartNew(
            () =>
            {
                var watch = Stopwatch.StartNew();
                var fitted = CalibrationRun.Fit(data, firstYear, trainEnd, backtest.Previous, options, null, cancellationToken, start);
                return (fitted, watch.Elapsed.TotalSeconds);
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Task<(CalibrationRun Run, double Seconds)>? ahead = null;

        // Burn-in years before the first test year (not scored) give the out-of-sample count deviations that
        // the global shocks of the first test years are matched on; later years use the previous test years'.
        int burnIn = Math.Clamp(request.TrainUntil - (firstYear + 1), 0, BurnInYears);
        for (int year = request.TestFrom - burnIn; year <= request.TestTo; year++)
        {
            int trainEnd = request.TrainUntil + (year - request.TestFrom);
            bool scored = year >= request.TestFrom;
            var (run, fitSeconds) = await (ahead ?? FitTo(trainEnd, warm)).ConfigureAwait(false);
            ahead = options.Threads > 1 && year < request.TestTo ? FitTo(trainEnd + 1, run) : null;
            var model = new YearModel(run, year, backtest.Votes, blocs, backtest.Previous, history.RecentDeviations(), options.Threads);

            // Decision weights fitted on the out-of-sample forecasts of every earlier fitted year (burn-in years
            // and earlier test years), never on the year scored.
            // (stemsim always gets a row: the plain argmax while no earlier year has been fitted.)
            var weighted = history.Forecasts.Keys.Union(request.Protocols.Select(p => (Protocol: p, Model: "stemsim"))).ToArray();
            var weights = scored
                ? weighted.ToDictionary(k => k, k => DecisionWeights.Fit(history.Forecasts.GetValueOrDefault(k) ?? []))
                : new Dictionary<(string Protocol, string Model), DecisionWeights>();
            var fitVotes = weighted.ToDictionary(k => k, k => history.Forecasts.GetValueOrDefault(k)?.Count ?? 0);
            history.Add(backtest.ScoreYear(model, scored ? board : null, weights, cancellationToken));
            warm = run;
            if (scored)
            {
                AddParameters(board, year, model, fitSeconds, weights, fitVotes);
            }

            if (!request.Quiet)
            {
                ReportYear(board, year, trainEnd, scored, model, fitSeconds, weights);
            }
        }

        return warm!;
    }

    /// <summary>The test year's fitted parameters as <c>parameters</c> rows: decision weights, repeat probabilities, fit and shock sizes.</summary>
    private static void AddParameters(ScoreBoard board, int year, YearModel model, double fitSeconds, Dictionary<(string Protocol, string Model), DecisionWeights> weights, Dictionary<(string Protocol, string Model), int> fitVotes)
    {
        var run = model.Run;
        foreach (var ((protocol, name), w) in weights.OrderBy(w => w.Key.Protocol, StringComparer.Ordinal).ThenBy(w => ScoreBoard.ModelOrder(w.Key.Model)))
        {
            board.AddValue("parameters", name, $"decision_weight_no_{protocol}", w.No, year);
            board.AddValue("parameters", name, $"decision_weight_abstain_{protocol}", w.Abstain, year);
            board.AddValue("parameters", name, $"decision_fit_votes_{protocol}", fitVotes[(protocol, name)], year);
        }

        board.AddValue("parameters", "stemsim", "repeat_after_no", model.RepeatProbability[0], year);
        board.AddValue("parameters", "stemsim", "repeat_after_abstain", model.RepeatProbability[1], year);
        board.AddValue("parameters", "stemsim", "repeat_after_yes", model.RepeatProbability[2], year);
        board.AddValue("parameters", "stemsim", "position_step_sd", run.Result.PositionStepSd, year);
        board.AddValue("parameters", "stemsim", "fit_iterations", run.Result.Iterations, year);
        board.AddValue("parameters", "stemsim", "fit_seconds", fitSeconds, year);
        board.AddValue("parameters", "stemsim", "log_likelihood", run.Result.LogLikelihood, year);
        for (int k = 0; k < model.RecurringShocks.Length; k++)
        {
            string name = k == 0 ? "global" : ShockBlocs.Names[k - 1];
            board.AddValue("parameters", "stemsim", $"shock_sd_{name}", model.PlainShocks[k], year);
            board.AddValue("parameters", "stemsim", $"shock_sd_recurring_{name}", model.RecurringShocks[k], year);
        }
    }

    /// <summary>The progress lines of one fitted year on standard error.</summary>
    private static readonly string[] RevealModels = ["given", "fixed", "unknown"];

    private void ReportYear(ScoreBoard board, int year, int trainEnd, bool scored, YearModel model, double fitSeconds, Dictionary<(string Protocol, string Model), DecisionWeights> weights)
    {
        var run = model.Run;
        if (!scored)
        {
            console.Error.WriteLine(string.Create(Invariant, $"  {year}: burn-in, trained to {trainEnd} ({run.Result.Iterations} iterations, {fitSeconds:F0} s)"));
            return;
        }

        var rec = board.Votes("recurring", "stemsim", year);
        var fresh = board.Votes("new", "stemsim", year);
        console.Error.WriteLine(string.Create(Invariant,
            $"  {year}: trained to {trainEnd} ({run.Result.Iterations} iterations, {fitSeconds:F0} s, step {run.Result.PositionStepSd:F3}); recurring accuracy {rec?.Accuracy:F3}, new accuracy {fresh?.Accuracy:F3}; repeat {string.Join('/', model.RepeatProbability.Select(l => l.ToString("F3", Invariant)))}"));
        console.Error.WriteLine("    decision weights (no / abstain, fitted on earlier years): " + string.Join(", ", weights
            .Where(w => w.Key.Model == "stemsim")
            .Select(w => string.Create(Invariant, $"{w.Key.Protocol} {w.Value.No:F2} / {w.Value.Abstain:F2}"))));
        console.Error.WriteLine(string.Create(Invariant, $"    global shock (analog / repeat, {(model.GlobalFromOutOfSample ? "out of sample" : "in sample")}): {model.PlainShocks[0]:F2} / {model.RecurringShocks[0]:F2}; blocs: ")
            + string.Join(", ", ShockBlocs.Names.Select((name, b) => string.Create(Invariant, $"{name} {model.BlocSds[b]:F2}"))));
        foreach (string protocol in board.Rows().Select(r => r.Protocol).Where(p => p.StartsWith("reveal_", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            // The conditioning backtest's year, as it goes: the others' log loss with the revealed vote given, fixed and unknown.
            var loss = RevealModels.Select(m => board.Votes(protocol, m, year)).ToArray();
            if (loss.All(l => l is not null))
            {
                console.Error.WriteLine(string.Create(Invariant, $"    {protocol}: log loss given {loss[0]!.LogLoss:F4}, fixed {loss[1]!.LogLoss:F4}, unknown {loss[2]!.LogLoss:F4} ({loss[0]!.Count:N0} votes)"));
            }
        }
    }

    /// <summary>Writes backtest.parquet (with the provenance) and backtest.md into the folder and commits it.</summary>
    private async Task WriteAsync(BacktestRequest request, RunFolder folder, IReadOnlyList<(string Protocol, string Model, string Metric, double Value, int? Year)> rows, CancellationToken cancellationToken)
    {
        var provenance = new TableProvenance(
            "backtest",
            [
                new("arguments", $"--data {request.DataDirectory} --train-until {request.TrainUntil} --test-from {request.TestFrom} --test-to {request.TestTo} --out {request.OutputFolder}"),
                new("seed", request.Seed.ToString(Invariant)),
                new("trials", request.Trials.ToString(Invariant)),
            ],
            clock.GetUtcNow());
        await using (var file = File.Create(folder.PathOf(BacktestTable.FileName)))
        {
            await BacktestTable.WriteAsync(rows, file, provenance, cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(folder.PathOf("backtest.md"), BacktestReport.Markdown(rows) + "\n", cancellationToken).ConfigureAwait(false);
        folder.Commit();
    }

    /// <summary>What the earlier fitted years leave for the later ones: recurring count deviations and weighted forecasts.</summary>
    private sealed class History
    {
        private readonly List<List<CoverageCase>> _analog = [];
        private readonly List<List<CoverageCase>> _repeat = [];

        /// <summary>Every earlier year's forecasts of the weighted models, per protocol and model.</summary>
        public Dictionary<(string Protocol, string Model), List<(double No, double Abstain, double Yes, OrdinalVote Actual)>> Forecasts { get; } = [];

        /// <summary>The count deviations (analog alone, repeat mixture) of the last <see cref="BurnInYears"/> fitted years.</summary>
        public (IReadOnlyList<CoverageCase> Analog, IReadOnlyList<CoverageCase> Repeat) RecentDeviations() =>
            (_analog.TakeLast(BurnInYears).SelectMany(h => h).ToArray(), _repeat.TakeLast(BurnInYears).SelectMany(h => h).ToArray());

        /// <summary>Adds one fitted year's outcome.</summary>
        public void Add((List<CoverageCase> Analog, List<CoverageCase> Repeat, Dictionary<(string Protocol, string Model), List<(double No, double Abstain, double Yes, OrdinalVote Actual)>> Forecasts) year)
        {
            foreach (var (key, list) in year.Forecasts)
            {
                if (!Forecasts.TryGetValue(key, out var all))
                {
                    Forecasts[key] = all = [];
                }

                all.AddRange(list);
            }

            _analog.Add(year.Analog);
            _repeat.Add(year.Repeat);
        }
    }
}
