using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;
using StemSimulator.Runner.Calibration;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Running;
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

    public async Task<int> BacktestAsync(BacktestRequest request, CancellationToken cancellationToken)
    {
        var invariant = CultureInfo.InvariantCulture;
        string? problem = request switch
        {
            _ when request.OutputFolder.Length == 0 => "--out is required (the folder for backtest.parquet)",
            _ when !Directory.Exists(request.DataDirectory) => $"the data folder '{request.DataDirectory}' does not exist (expected ../shared/data/un)",
            _ when request.TestFrom > request.TestTo => $"--test-from {request.TestFrom} is after --test-to {request.TestTo}",
            _ when request.TrainUntil >= request.TestFrom => $"--train-until {request.TrainUntil} must be before --test-from {request.TestFrom}: the model may not see the test years",
            _ when request.Protocols.Count == 0 || request.Protocols.Any(p => p is not ("recurring" or "new")) => "--protocols takes recurring, new or both",
            _ when request.Trials is < 100 or > 1_000_000 => "--trials must be between 100 and 1,000,000",
            _ when request.Threads is < 1 => "--threads must be at least 1",
            _ => null,
        };
        if (problem is not null)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        var total = Stopwatch.StartNew();
        UnVotingData data;
        try
        {
            data = await Task.Run(() => UnVotingDataLoader.Load(request.DataDirectory, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        data.Problems.WriteTo(console.Error, listRows: !request.Quiet);

        var (firstYear, lastYear) = data.YearRange;
        if (request.TestTo > lastYear || request.TestFrom <= firstYear)
        {
            console.Error.WriteLine($"error: the data hold the years {firstYear}-{lastYear}; test years must lie after {firstYear} and up to {lastYear}");
            return ExitCodes.InvalidInput;
        }

        var (folder, folderProblem) = RunFolder.Prepare(request.OutputFolder, request.Force);
        if (folder is null)
        {
            console.Error.WriteLine($"error: {folderProblem}");
            return ExitCodes.InvalidInput;
        }

        using (folder)
        {
            var blocs = new ShockBlocs(ReferenceCatalog.Embedded);
            var backtest = new RollingBacktest(data, blocs, new BacktestSettings { Protocols = request.Protocols, Seed = request.Seed, Trials = request.Trials, Threads = request.Threads });
            var board = new ScoreBoard();
            var options = new CalibrationOptions { Threads = request.Threads ?? Environment.ProcessorCount };
            CalibrationRun? warm = null;
            var analogHistory = new List<List<CoverageCase>>();
            var repeatHistory = new List<List<CoverageCase>>();
            var forecastHistory = new Dictionary<(string Protocol, string Model), List<(double No, double Abstain, double Yes, OrdinalVote Actual)>>();
            try
            {
                // Burn-in years before the first test year (not scored) give the out-of-sample count deviations that
                // the global shocks of the first test years are matched on; later years use the previous test years'.
                int burnIn = Math.Clamp(request.TrainUntil - (firstYear + 1), 0, BurnInYears);
                int firstFitted = request.TestFrom - burnIn;
                for (int year = firstFitted; year <= request.TestTo; year++)
                {
                    int trainEnd = request.TrainUntil + (year - request.TestFrom);
                    bool scored = year >= request.TestFrom;
                    var watch = Stopwatch.StartNew();
                    var previous = warm;
                    var run = await Task.Run(() => CalibrationRun.Fit(data, firstYear, trainEnd, backtest.Previous, options, null, cancellationToken, previous), cancellationToken).ConfigureAwait(false);
                    double fitSeconds = watch.Elapsed.TotalSeconds;
                    var history = (Analog: (IReadOnlyList<CoverageCase>)analogHistory.TakeLast(BurnInYears).SelectMany(h => h).ToArray(),
                        Repeat: (IReadOnlyList<CoverageCase>)repeatHistory.TakeLast(BurnInYears).SelectMany(h => h).ToArray());
                    var model = new YearModel(run, year, backtest.Votes, blocs, backtest.Previous, history, options.Threads);

                    // Decision weights fitted on the out-of-sample forecasts of every earlier fitted year (burn-in years
                    // and earlier test years), never on the year scored.
                    // (stemsim always gets a row: the plain argmax while no earlier year has been fitted.)
                    var weighted = forecastHistory.Keys.Union(request.Protocols.Select(p => (Protocol: p, Model: "stemsim"))).ToArray();
                    var weights = scored
                        ? weighted.ToDictionary(k => k, k => DecisionWeights.Fit(forecastHistory.GetValueOrDefault(k) ?? []))
                        : new Dictionary<(string Protocol, string Model), DecisionWeights>();
                    var fitVotes = weighted.ToDictionary(k => k, k => forecastHistory.GetValueOrDefault(k)?.Count ?? 0);
                    var (analogDeviations, repeatDeviations, forecasts) = backtest.ScoreYear(model, scored ? board : null, weights, cancellationToken);
                    foreach (var (key, list) in forecasts)
                    {
                        if (!forecastHistory.TryGetValue(key, out var all))
                        {
                            forecastHistory[key] = all = [];
                        }

                        all.AddRange(list);
                    }

                    analogHistory.Add(analogDeviations);
                    repeatHistory.Add(repeatDeviations);
                    warm = run;
                    if (!scored)
                    {
                        if (!request.Quiet)
                        {
                            console.Error.WriteLine(string.Create(invariant, $"  {year}: burn-in, trained to {trainEnd} ({run.Result.Iterations} iterations, {fitSeconds:F0} s)"));
                        }

                        continue;
                    }

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

                    if (!request.Quiet)
                    {
                        var rec = board.Votes("recurring", "stemsim", year);
                        var fresh = board.Votes("new", "stemsim", year);
                        console.Error.WriteLine(string.Create(invariant,
                            $"  {year}: trained to {trainEnd} ({run.Result.Iterations} iterations, {fitSeconds:F0} s, step {run.Result.PositionStepSd:F3}); recurring accuracy {rec?.Accuracy:F3}, new accuracy {fresh?.Accuracy:F3}; repeat {string.Join('/', model.RepeatProbability.Select(l => l.ToString("F3", invariant)))}"));
                        console.Error.WriteLine("    decision weights (no / abstain, fitted on earlier years): " + string.Join(", ", weights
                            .Where(w => w.Key.Model == "stemsim")
                            .Select(w => string.Create(invariant, $"{w.Key.Protocol} {w.Value.No:F2} / {w.Value.Abstain:F2}"))));
                        console.Error.WriteLine(string.Create(invariant, $"    global shock (analog / repeat, {(model.GlobalFromOutOfSample ? "out of sample" : "in sample")}): {model.PlainShocks[0]:F2} / {model.RecurringShocks[0]:F2}; blocs: ")
                            + string.Join(", ", ShockBlocs.Names.Select((name, b) => string.Create(invariant, $"{name} {model.BlocSds[b]:F2}"))));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("Interrupted; nothing was written.");
                return ExitCodes.Interrupted;
            }

            foreach (var (year, units, correlation) in warm!.BsvCorrelations())
            {
                board.AddValue("positions", "stemsim", "bsv_correlation", correlation, year);
            }

            var rows = board.Rows();
            var metadata = new Dictionary<string, string>
            {
                ["stemsim.command"] = $"stemsim backtest --data {request.DataDirectory} --train-until {request.TrainUntil} --test-from {request.TestFrom} --test-to {request.TestTo} --out {request.OutputFolder}",
                ["stemsim.seed"] = request.Seed.ToString(invariant),
                ["stemsim.trials"] = request.Trials.ToString(invariant),
                ["stemsim.engine_version"] = Provenance.EngineVersion,
                ["stemsim.git_commit"] = Provenance.GitCommit,
                ["stemsim.created_utc"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", invariant),
            };
            await using (var file = File.Create(folder.PathOf(BacktestTable.FileName)))
            {
                await BacktestTable.WriteAsync(rows, file, metadata, cancellationToken).ConfigureAwait(false);
            }

            await File.WriteAllTextAsync(folder.PathOf("backtest.md"), BacktestReport.Markdown(rows) + "\n", cancellationToken).ConfigureAwait(false);
            folder.Commit();
            if (!request.Quiet)
            {
                console.Out.MarkupLine(string.Create(invariant, $"[bold]Backtest[/] {request.TestFrom}-{request.TestTo} (rolling origin, first training year end {request.TrainUntil}):"));
                console.Out.Write(BacktestReport.Build(rows));
                console.Out.MarkupLine(string.Create(invariant, $"Wrote [bold]{Markup.Escape(Path.Combine(folder.Target, BacktestTable.FileName))}[/] ({rows.Count:N0} rows, {total.Elapsed.TotalSeconds:F0} s)"));
            }
        }

        return ExitCodes.Success;
    }
}
