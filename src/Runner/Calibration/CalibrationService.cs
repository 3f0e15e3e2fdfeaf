using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;
using StemSimulator.Runner.Backtesting;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Running;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// <c>stemsim calibrate</c>: reads the shared UN data, fits the vote model (<see cref="IdealPointEstimator"/>) and
/// writes the calibration tables (<see cref="CalibrationTables"/>), reporting timings, the fit and every unusable row.
/// </summary>
internal sealed class CalibrationService(ConsoleStreams console, TimeProvider clock)
{
    public async Task<int> CalibrateAsync(CalibrateRequest request, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(request.DataDirectory))
        {
            console.Error.WriteLine($"error: the data folder '{request.DataDirectory}' does not exist (expected ../shared/data/un)");
            return ExitCodes.InvalidInput;
        }

        if (request.Threads is < 1)
        {
            console.Error.WriteLine("error: --threads must be at least 1");
            return ExitCodes.InvalidInput;
        }

        if (request.ShockYears is < 0 or > 10)
        {
            console.Error.WriteLine("error: --shock-years must be between 0 and 10");
            return ExitCodes.InvalidInput;
        }

        if (CalibrationTables.CheckWritable(request.OutputFile) is { } unwritable)
        {
            console.Error.WriteLine($"error: {unwritable}");
            return ExitCodes.InvalidInput;
        }

        var invariant = CultureInfo.InvariantCulture;
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

        double loadSeconds = total.Elapsed.TotalSeconds;
        data.Problems.WriteTo(console.Error, listRows: !request.Quiet);
        var (firstYear, lastData) = data.YearRange;
        int lastYear = Math.Min(request.Until ?? lastData, lastData);
        if (lastYear < firstYear)
        {
            console.Error.WriteLine($"error: --until {request.Until} is before the first year of the data ({firstYear})");
            return ExitCodes.InvalidInput;
        }

        var options = new CalibrationOptions { Threads = request.Threads ?? Environment.ProcessorCount };
        var fitWatch = Stopwatch.StartNew();
        var progress = request.Quiet ? null : new SynchronousProgress<CalibrationProgress>(p =>
        {
            if (p.Iteration == 1 || p.Iteration % 10 == 0)
            {
                console.Error.WriteLine(string.Create(invariant, $"  iteration {p.Iteration,4}: log-likelihood {p.LogLikelihood:F1}, largest position change {p.LargestPositionChange:G3}"));
            }
        });
        var previous = RecurringMatcher.PreviousOccurrence(data.RollCalls);
        CalibrationRun run;
        try
        {
            run = await Task.Run(() => CalibrationRun.Fit(data, firstYear, lastYear, previous, options, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("Interrupted; nothing was written.");
            return ExitCodes.Interrupted;
        }

        double fitSeconds = fitWatch.Elapsed.TotalSeconds;
        var correlations = run.BsvCorrelations();

        // Shock sizes for scenarios: bloc shocks from the last years' roll calls; the global shock matched on the count
        // deviations of out-of-sample analog forecasts for the last --shock-years years (each forecast from a fit that
        // stops the year before), or in sample (the last years' own repeats, too close) when --shock-years is 0.
        var votes = new VoteIndex(data);
        var blocs = new ShockBlocs(ReferenceCatalog.Embedded);
        var outOfSample = new List<CoverageCase>();
        var shockWatch = Stopwatch.StartNew();
        if (request.ShockYears > 0)
        {
            var backtest = new RollingBacktest(data, blocs, new BacktestSettings
            {
                Protocols = ["recurring"],
                Seed = 1,
                Trials = 100,
                Threads = request.Threads,
            });
            CalibrationRun? chain = null;
            for (int year = lastYear - request.ShockYears + 1; year <= lastYear; year++)
            {
                var earlier = chain;
                chain = await Task.Run(() => CalibrationRun.Fit(data, firstYear, year - 1, previous, options, null, cancellationToken, earlier), cancellationToken).ConfigureAwait(false);
                var yearModel = new YearModel(chain, year, votes, blocs, previous);
                outOfSample.AddRange(backtest.ScoreYear(yearModel, null, new Dictionary<(string Protocol, string Model), DecisionWeights>(), cancellationToken).Analog);
            }
        }

        var shocks = new YearModel(run, run.LastYear + 1, votes, blocs, previous, request.ShockYears > 0 ? (outOfSample, outOfSample) : null, options.Threads);
        var model = ModelRows(request, run, data, correlations, loadSeconds, fitSeconds);
        model.Add(("shock_sd_global", CalibrationTables.Number(shocks.PlainShocks[0])));
        for (int b = 0; b < ShockBlocs.Names.Count; b++)
        {
            model.Add(($"shock_sd_{ShockBlocs.Names[b]}", CalibrationTables.Number(shocks.PlainShocks[1 + b])));
        }

        model.Add(("shock_bloc_years", $"{run.LastYear - YearModel.CalibrationYears + 1}-{run.LastYear}"));
        model.Add(("shock_global_from", request.ShockYears > 0
            ? $"out-of-sample analog forecasts of {lastYear - request.ShockYears + 1}-{lastYear} ({outOfSample.Count} roll calls)"
            : "in-sample repeats"));
        model.Add(("shock_seconds", shockWatch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)));
        var paths = CalibrationTables.PathsFor(request.OutputFile);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(paths.Positions)!);
            CalibrationTables.Write(request.OutputFile, run, model);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: cannot write the tables: {e.Message}");
            return ExitCodes.RuntimeFailure;
        }

        if (!request.Quiet)
        {
            var result = run.Result;
            var table = new Table().Border(TableBorder.Rounded).AddColumn("quantity").AddColumn(new TableColumn("value").RightAligned());
            table.AddRow("years", $"{firstYear}-{lastYear}");
            table.AddRow("units / roll calls", string.Create(invariant, $"{data.Units.Count:N0} / {run.Input.RollCallCount:N0}"));
            table.AddRow("votes / absences", string.Create(invariant, $"{result.Votes:N0} / {result.Absences:N0}"));
            table.AddRow("iterations", string.Create(invariant, $"{result.Iterations}{(result.Converged ? string.Empty : " (not converged)")}"));
            table.AddRow("log-likelihood (votes)", string.Create(invariant, $"{result.LogLikelihood:F1} ({result.LogLikelihood / Math.Max(1, result.Votes):F4} per vote)"));
            table.AddRow("log-likelihood (absence)", string.Create(invariant, $"{result.AbsenceLogLikelihood:F1}"));
            table.AddRow("load / fit seconds", string.Create(invariant, $"{loadSeconds:F1} / {fitSeconds:F1}"));
            var recent = correlations.Where(c => c.Year >= 2000).ToArray();
            if (recent.Length > 0)
            {
                table.AddRow("correlation with BSV 2000-2019", string.Create(invariant, $"min {recent.Min(c => c.Correlation):F3}, mean {recent.Average(c => c.Correlation):F3}"));
            }

            console.Out.Write(table);
            console.Out.MarkupLine($"Wrote [bold]{Markup.Escape(paths.Positions)}[/], {Markup.Escape(Path.GetFileName(paths.RollCalls))} and {Markup.Escape(Path.GetFileName(paths.Model))}");
        }

        return ExitCodes.Success;
    }

    private List<(string, string)> ModelRows(CalibrateRequest request, CalibrationRun run, UnVotingData data, IReadOnlyList<(int Year, int Units, double Correlation)> correlations, double loadSeconds, double fitSeconds)
    {
        var invariant = CultureInfo.InvariantCulture;
        var o = run.Options;
        var result = run.Result;
        string command = $"stemsim calibrate --data {request.DataDirectory} --until {run.LastYear} --shock-years {request.ShockYears} --out {request.OutputFile}";
        var rows = new List<(string, string)>
        {
            ("command", command),
            ("created_utc", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", invariant)),
            ("engine_version", Provenance.EngineVersion),
            ("git_commit", Provenance.GitCommit),
            ("first_year", run.FirstYear.ToString(invariant)),
            ("last_year", run.LastYear.ToString(invariant)),
            ("units", data.Units.Count.ToString(invariant)),
            ("roll_calls", run.Input.RollCallCount.ToString(invariant)),
            ("bridges", run.Input.Bridges.Count.ToString(invariant)),
            ("votes", result.Votes.ToString(invariant)),
            ("absences", result.Absences.ToString(invariant)),
            ("unused_rows", data.Problems.Count.ToString(invariant)),
            ("iterations", result.Iterations.ToString(invariant)),
            ("converged", result.Converged ? "true" : "false"),
            ("log_likelihood", result.LogLikelihood.ToString("F2", invariant)),
            ("absence_log_likelihood", result.AbsenceLogLikelihood.ToString("F2", invariant)),
            ("load_seconds", loadSeconds.ToString("F1", invariant)),
            ("fit_seconds", fitSeconds.ToString("F1", invariant)),
            ("position_step_sd", CalibrationTables.Number(result.PositionStepSd)),
            ("initial_position_sd", CalibrationTables.Number(o.InitialPositionSd)),
            ("issue_offset_sd", CalibrationTables.Number(o.IssueOffsetSd)),
            ("issue_offset_step_sd", CalibrationTables.Number(o.IssueOffsetStepSd)),
            ("discrimination_sd", CalibrationTables.Number(o.DiscriminationSd)),
            ("cutpoint_sd", CalibrationTables.Number(o.CutpointSd)),
            ("minimum_cutpoint_gap", CalibrationTables.Number(o.MinimumCutpointGap)),
            ("bridge_sd", CalibrationTables.Number(o.BridgeSd)),
            ("absence_step_sd", CalibrationTables.Number(o.AbsenceStepSd)),
        };
        foreach (var (year, units, correlation) in correlations)
        {
            rows.Add(($"bsv_correlation_{year}", string.Create(invariant, $"{CalibrationTables.Number(correlation)} ({units} units)")));
        }

        return rows;
    }
}
