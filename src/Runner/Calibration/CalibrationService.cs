using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// <c>stemsim calibrate</c>: reads the shared UN data, fits the vote model (<see cref="IdealPointEstimator"/>), sizes
/// the scenario shocks (<see cref="ShockMatching"/>) and writes the calibration tables (<see cref="CalibrationTables"/>),
/// reporting timings, the fit and every unusable row.
/// </summary>
internal sealed class CalibrationService(ConsoleStreams console, TimeProvider clock)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<int> CalibrateAsync(CalibrateRequest request, CancellationToken cancellationToken)
    {
        if (Problem(request) is { } problem)
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
        var previous = RecurringMatcher.PreviousOccurrence(data.RollCalls);
        CalibrationRun run;
        try
        {
            run = await Task.Run(() => CalibrationRun.Fit(data, firstYear, lastYear, previous, options, Progress(request), cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("Interrupted; nothing was written.");
            return ExitCodes.Interrupted;
        }

        double fitSeconds = fitWatch.Elapsed.TotalSeconds;
        var correlations = run.BsvCorrelations();
        var shockWatch = Stopwatch.StartNew();
        var blocs = new ShockBlocs(ReferenceCatalog.Embedded);
        var shocks = await Task.Run(() => ShockMatching.Match(data, run, previous, blocs, options, request.ShockYears, request.Threads, cancellationToken), cancellationToken).ConfigureAwait(false);
        var model = ModelRows(request, run, data, correlations, loadSeconds, fitSeconds);
        model.AddRange(ShockRows(run, shocks, request.ShockYears, shockWatch.Elapsed.TotalSeconds));
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
            ShowSummary(data, run, correlations, loadSeconds, fitSeconds, paths);
        }

        return ExitCodes.Success;
    }

    /// <summary>What is wrong with the request's options or output file, or null.</summary>
    private static string? Problem(CalibrateRequest request) => request switch
    {
        _ when !Directory.Exists(request.DataDirectory) => $"the data folder '{request.DataDirectory}' does not exist (expected ../shared/data/un)",
        _ when request.Threads is < 1 => "--threads must be at least 1",
        _ when request.ShockYears is < 0 or > 10 => "--shock-years must be between 0 and 10",
        _ => CalibrationTables.CheckWritable(request.OutputFile),
    };

    /// <summary>The fit's progress lines (first iteration and every tenth) on standard error, or none when quiet.</summary>
    private SynchronousProgress<CalibrationProgress>? Progress(CalibrateRequest request) => request.Quiet ? null : new SynchronousProgress<CalibrationProgress>(p =>
    {
        if (p.Iteration == 1 || p.Iteration % 10 == 0)
        {
            console.Error.WriteLine(string.Create(Invariant, $"  iteration {p.Iteration,4}: log-likelihood {p.LogLikelihood:F1}, largest position change {p.LargestPositionChange:G3}"));
        }
    });

    /// <summary>The model table's shock rows: sizes (global, then each bloc), the years they come from and the time taken.</summary>
    private static IEnumerable<(string, string)> ShockRows(CalibrationRun run, ShockSizes shocks, int shockYears, double seconds)
    {
        yield return ("shock_sd_global", CalibrationTables.Number(shocks.Sizes[0]));
        for (int b = 0; b < ShockBlocs.Names.Count; b++)
        {
            yield return ($"shock_sd_{ShockBlocs.Names[b]}", CalibrationTables.Number(shocks.Sizes[1 + b]));
        }

        yield return ("shock_bloc_years", $"{run.LastYear - YearModel.CalibrationYears + 1}-{run.LastYear}");
        yield return ("shock_global_from", shocks.OutOfSampleRollCalls is { } count
            ? $"out-of-sample analog forecasts of {run.LastYear - shockYears + 1}-{run.LastYear} ({count} roll calls)"
            : "in-sample repeats");
        yield return ("shock_seconds", seconds.ToString("F1", Invariant));
    }

    /// <summary>The fit's figures as a table on standard output, and the files written.</summary>
    private void ShowSummary(UnVotingData data, CalibrationRun run, IReadOnlyList<(int Year, int Units, double Correlation)> correlations, double loadSeconds, double fitSeconds, (string Positions, string RollCalls, string Model) paths)
    {
        var result = run.Result;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("quantity").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("years", $"{run.FirstYear}-{run.LastYear}");
        table.AddRow("units / roll calls", string.Create(Invariant, $"{data.Units.Count:N0} / {run.Input.RollCallCount:N0}"));
        table.AddRow("votes / absences", string.Create(Invariant, $"{result.Votes:N0} / {result.Absences:N0}"));
        table.AddRow("iterations", string.Create(Invariant, $"{result.Iterations}{(result.Converged ? string.Empty : " (not converged)")}"));
        table.AddRow("log-likelihood (votes)", string.Create(Invariant, $"{result.LogLikelihood:F1} ({result.LogLikelihood / Math.Max(1, result.Votes):F4} per vote)"));
        table.AddRow("log-likelihood (absence)", string.Create(Invariant, $"{result.AbsenceLogLikelihood:F1}"));
        table.AddRow("load / fit seconds", string.Create(Invariant, $"{loadSeconds:F1} / {fitSeconds:F1}"));
        var recent = correlations.Where(c => c.Year >= 2000).ToArray();
        if (recent.Length > 0)
        {
            table.AddRow("correlation with BSV 2000-2019", string.Create(Invariant, $"min {recent.Min(c => c.Correlation):F3}, mean {recent.Average(c => c.Correlation):F3}"));
        }

        console.Out.Write(table);
        console.Out.MarkupLine($"Wrote [bold]{Markup.Escape(paths.Positions)}[/], {Markup.Escape(Path.GetFileName(paths.RollCalls))} and {Markup.Escape(Path.GetFileName(paths.Model))}");
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
