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
        if (await LoadAsync(request, cancellationToken).ConfigureAwait(false) is not { } loaded)
        {
            return ExitCodes.InvalidInput;
        }

        var (data, earlier, window) = loaded;
        double loadSeconds = total.Elapsed.TotalSeconds;
        var cpuAfterLoad = Environment.CpuUsage.TotalTime;
        data.Problems.WriteTo(console.Error, listRows: !request.Quiet);
        if (Years(request, data, window, earlier) is not { } years)
        {
            return ExitCodes.InvalidInput;
        }

        var options = new CalibrationOptions { Threads = request.Threads ?? Environment.ProcessorCount };
        var fitWatch = Stopwatch.StartNew();
        var previous = Repeats(data, earlier, years.RefitFrom);
        var blocs = new ShockBlocs(ReferenceCatalog.Embedded);

        // The out-of-sample refits of the shock matching do not need the fit: with more than one thread they run beside it.
        var outOfSample = options.Threads > 1 ? OutOfSampleAsync(request, data, earlier, years, previous, blocs, options, cancellationToken) : null;
        if (await FitAsync(request, data, earlier, years, previous, options, cancellationToken).ConfigureAwait(false) is not { } run)
        {
            await Quietly(outOfSample).ConfigureAwait(false);
            console.Error.WriteLine("Interrupted; nothing was written.");
            return ExitCodes.Interrupted;
        }

        double fitSeconds = fitWatch.Elapsed.TotalSeconds;
        var cpuAfterFit = Environment.CpuUsage.TotalTime;
        var correlations = run.BsvCorrelations();
        // The positions and roll-call tables do not depend on the shocks: with more than one thread they are compressed while the shocks are matched.
        using var writing = options.Threads > 1 ? StartWriting(request, run, earlier) : null;
        var shockWatch = Stopwatch.StartNew();
        var shocks = await MatchShocksAsync(outOfSample ?? OutOfSampleAsync(request, data, earlier, years, previous, blocs, options, cancellationToken), data, run, previous, blocs, options, cancellationToken).ConfigureAwait(false);
        var model = ModelRows(request, run, data, correlations, loadSeconds, fitSeconds, earlier);
        model.AddRange(ShockRows(run, shocks, request.ShockYears, shockWatch.Elapsed.TotalSeconds));
        var cpu = (cpuAfterLoad.TotalSeconds, (cpuAfterFit - cpuAfterLoad).TotalSeconds, (Environment.CpuUsage.TotalTime - cpuAfterFit).TotalSeconds);
        if (!TryWrite(request, (run, model, earlier), writing, out var paths))
        {
            return ExitCodes.RuntimeFailure;
        }

        if (!request.Quiet)
        {
            ShowSummary(data, run, correlations, (loadSeconds, fitSeconds, cpu), paths, earlier);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The data folder and, for an update, the earlier table and what the update reads, or null after printing why
    /// they cannot be used. The earlier table is read beside the data folder: the loader needs only its years.
    /// </summary>
    private async Task<(UnVotingData Data, EarlierTable? Earlier, IncrementalVotes? Window)?> LoadAsync(CalibrateRequest request, CancellationToken cancellationToken)
    {
        if (!TryReadEarlierYears(request, out var earlierYears))
        {
            return null;
        }

        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = earlierYears is { } y ? new IncrementalVotes(y, request) : null;

        // The load first, on a thread of its own (the longest step); the earlier table and the shocks' groups beside it.
        // The load's error waits until the table's is known: a table that cannot be used is the one error reported.
        using var loadError = new StringWriter();
        var load = DataFolderInput.LoadAsync(request.DataDirectory, window is null ? null : window.VotesFrom, loadError, stopReading.Token);
        var readEarlier = request.From is { } from ? Task.Run(() => EarlierTable.Read(from), stopReading.Token) : null;
        _ = Task.Run(() => ReferenceCatalog.Embedded, cancellationToken);
        var earlier = readEarlier is null ? null : await EarlierOrNull(readEarlier).ConfigureAwait(false);
        if (readEarlier is not null && earlier is null)
        {
            await stopReading.CancelAsync().ConfigureAwait(false);
            await load.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
            return null;
        }

        var data = await load.ConfigureAwait(false);
        console.Error.Write(loadError.ToString());
        return data is null ? null : (data, earlier, window);
    }

    /// <summary>
    /// The years of the earlier table of <c>--from</c> (null without it), or false after printing why it cannot be
    /// used: a missing or malformed model file, or <c>--until</c> not after its last year.
    /// </summary>
    private bool TryReadEarlierYears(CalibrateRequest request, out (int FirstYear, int LastYear)? years)
    {
        years = null;
        if (request.From is not { } from)
        {
            return true;
        }

        try
        {
            years = EarlierTable.ReadYears(from);
        }
        catch (Exception e) when (IsTableProblem(e))
        {
            console.Error.WriteLine($"error: --from: {e.Message}");
            return false;
        }

        if (request.Until is { } until && until <= years.Value.LastYear)
        {
            console.Error.WriteLine($"error: --until {until} is not after the last year of '{from}' ({years.Value.LastYear}); an update fits only later years");
            return false;
        }

        return true;
    }

    /// <summary>The earlier table read by <paramref name="reading"/>, or null after printing why it cannot be used.</summary>
    private async Task<EarlierTable?> EarlierOrNull(Task<EarlierTable> reading)
    {
        try
        {
            return await reading.ConfigureAwait(false);
        }
        catch (Exception e) when (IsTableProblem(e))
        {
            console.Error.WriteLine($"error: --from: {e.Message}");
            return null;
        }
    }

    private static bool IsTableProblem(Exception e) => e is FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException;

    /// <summary>
    /// The years to fit: all the data's to the last (<c>--until</c>), or for an update the refitted ones; null after
    /// printing why there are none or why the earlier table does not fit the data.
    /// </summary>
    private (int First, int Last, int RefitFrom)? Years(CalibrateRequest request, UnVotingData data, IncrementalVotes? window, EarlierTable? earlier)
    {
        var (firstYear, lastData) = data.YearRange;
        int lastYear = Math.Min(request.Until ?? lastData, lastData);
        if (lastYear < firstYear)
        {
            console.Error.WriteLine($"error: --until {request.Until} is before the first year of the data ({firstYear})");
            return null;
        }

        if (window is null)
        {
            return (firstYear, lastYear, firstYear);
        }

        if (window.Problem(earlier!, data, lastYear) is { } incremental)
        {
            console.Error.WriteLine($"error: {incremental}");
            return null;
        }

        return (firstYear, lastYear, window.FirstRefitYear(lastYear));
    }

    /// <summary>
    /// Each roll call's earlier occurrence (<see cref="RecurringMatcher"/>); for an update only those of the sessions
    /// from the first refitted year's on (only their titles are read), since the update fits nothing before them.
    /// </summary>
    private static int[] Repeats(UnVotingData data, EarlierTable? earlier, int refitFrom) => earlier is null
        ? RecurringMatcher.PreviousOccurrence(data.RollCalls)
        : RecurringMatcher.PreviousOccurrenceFrom(data.RollCalls, data.RollCalls.Where(r => r.Year >= refitFrom).Select(r => r.Session).DefaultIfEmpty(int.MaxValue).Min());

    /// <summary>The full fit or the update, off the calling thread; null when interrupted.</summary>
    private async Task<CalibrationRun?> FitAsync(CalibrateRequest request, UnVotingData data, EarlierTable? earlier, (int First, int Last, int RefitFrom) years, int[] previous, CalibrationOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(
                () => earlier is null
                    ? CalibrationRun.Fit(data, years.First, years.Last, previous, options, Progress(request), cancellationToken)
                    : CalibrationRun.Update(data, earlier.Calibration, years.RefitFrom, years.Last, previous, options, Progress(request), cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The out-of-sample count deviations of the shock matching (<see cref="ShockMatching.OutOfSample"/>), null without
    /// <c>--shock-years</c>, off the calling thread; an update's out-of-sample refits are updates too.
    /// </summary>
    private static Task<List<CoverageCase>?> OutOfSampleAsync(CalibrateRequest request, UnVotingData data, EarlierTable? earlier, (int First, int Last, int RefitFrom) years, int[] previous, ShockBlocs blocs, CalibrationOptions options, CancellationToken cancellationToken)
    {
        if (request.ShockYears == 0)
        {
            return Task.FromResult<List<CoverageCase>?>(null);
        }

        Func<int, CalibrationRun?, CalibrationRun>? refit = earlier is null
            ? null
            : (last, _) => CalibrationRun.Update(data, earlier.Calibration, years.RefitFrom, last, previous, options, null, cancellationToken);
        return Task.Run<List<CoverageCase>?>(() => ShockMatching.OutOfSample(data, (years.First, years.Last), previous, blocs, options, request.ShockYears, request.Threads, refit, cancellationToken), cancellationToken);
    }

    /// <summary>The shock sizes (<see cref="ShockMatching.Match"/>) once the out-of-sample deviations are in, off the calling thread.</summary>
    private static async Task<ShockSizes> MatchShocksAsync(Task<List<CoverageCase>?> outOfSample, UnVotingData data, CalibrationRun run, int[] previous, ShockBlocs blocs, CalibrationOptions options, CancellationToken cancellationToken)
    {
        var deviations = await outOfSample.ConfigureAwait(false);
        return await Task.Run(() => ShockMatching.Match(data, run, previous, blocs, options, deviations), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until <paramref name="task"/> (null for none) has ended, however it ended.</summary>
    private static Task Quietly(Task? task) =>
        task is null ? Task.CompletedTask : task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    /// <summary>
    /// Starts writing the positions and roll-call tables (<see cref="CalibrationTables.Start"/>), or null when their
    /// folder cannot be made (<see cref="TryWrite"/> then writes them after all and says why it cannot).
    /// </summary>
    private static TableWriting? StartWriting(CalibrateRequest request, CalibrationRun run, EarlierTable? earlier)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CalibrationTables.PathsFor(request.OutputFile).Positions)!);
            return CalibrationTables.Start(request.OutputFile, run, earlier);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the three tables (finishing <paramref name="writing"/>, the two started beside the shock matching, when
    /// there is one), or returns false after printing why they cannot be written.
    /// </summary>
    private bool TryWrite(CalibrateRequest request, (CalibrationRun Run, List<(string, string)> Model, EarlierTable? Earlier) tables, TableWriting? writing, out (string Positions, string RollCalls, string Model) paths)
    {
        paths = CalibrationTables.PathsFor(request.OutputFile);
        try
        {
            if (writing is not null)
            {
                writing.Finish(tables.Model);
                return true;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(paths.Positions)!);
            CalibrationTables.Write(request.OutputFile, tables.Run, tables.Model, tables.Earlier);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: cannot write the tables: {e.Message}");
            return false;
        }
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>What is wrong with the request's options or output file, or null.</summary>
    private static string? Problem(CalibrateRequest request) => request switch
    {
        _ when !Directory.Exists(request.DataDirectory) => $"the data folder '{request.DataDirectory}' does not exist (expected ../shared/data/un)",
        _ when request.Threads is < 1 => "--threads must be at least 1",
        _ when request.ShockYears is < 0 or > 10 => "--shock-years must be between 0 and 10",
        _ when request.From is { } from && SamePath(from, request.OutputFile) => $"--out '{request.OutputFile}' is the --from table: write the update to another file",
        _ => CalibrationTables.CheckWritable(request.OutputFile, request.Force),
    };

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

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
    private void ShowSummary(UnVotingData data, CalibrationRun run, IReadOnlyList<(int Year, int Units, double Correlation)> correlations, (double Load, double Fit, (double Load, double Fit, double Shocks) Cpu) seconds, (string Positions, string RollCalls, string Model) paths, EarlierTable? earlier)
    {
        var result = run.Result;
        var table = new Table().Border(TableBorders.For(console.Out)).AddColumn("quantity").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("years", earlier is null
            ? $"{run.FirstYear}-{run.LastYear}"
            : $"{earlier.Calibration.FirstYear}-{run.LastYear} ({earlier.Calibration.FirstYear}-{run.FirstYear - 1} kept, {run.FirstYear}-{run.LastYear} fitted)");
        table.AddRow("units / roll calls", string.Create(Invariant, $"{data.Units.Count:N0} / {run.Input.RollCallCount:N0}"));
        table.AddRow("votes / absences", string.Create(Invariant, $"{result.Votes:N0} / {result.Absences:N0}"));
        table.AddRow("iterations", string.Create(Invariant, $"{result.Iterations}{(result.Converged ? string.Empty : " (not converged)")}"));
        table.AddRow("log-likelihood (votes)", string.Create(Invariant, $"{result.LogLikelihood:F1} ({result.LogLikelihood / Math.Max(1, result.Votes):F4} per vote)"));
        table.AddRow("log-likelihood (absence)", string.Create(Invariant, $"{result.AbsenceLogLikelihood:F1}"));
        table.AddRow("load / fit seconds", string.Create(Invariant, $"{seconds.Load:F1} / {seconds.Fit:F1}"));
        table.AddRow("CPU seconds: load / fit / shocks", string.Create(Invariant, $"{seconds.Cpu.Load:F1} / {seconds.Cpu.Fit:F1} / {seconds.Cpu.Shocks:F1}"));
        var recent = correlations.Where(c => c.Year >= 2000).ToArray();
        if (recent.Length > 0)
        {
            table.AddRow("correlation with BSV 2000-2019", string.Create(Invariant, $"min {recent.Min(c => c.Correlation):F3}, mean {recent.Average(c => c.Correlation):F3}"));
        }

        console.Out.Write(table);
        console.Out.MarkupLine($"Wrote [bold]{Markup.Escape(paths.Positions)}[/], {Markup.Escape(Path.GetFileName(paths.RollCalls))} and {Markup.Escape(Path.GetFileName(paths.Model))}");
    }

    private List<(string, string)> ModelRows(CalibrateRequest request, CalibrationRun run, UnVotingData data, IReadOnlyList<(int Year, int Units, double Correlation)> correlations, double loadSeconds, double fitSeconds, EarlierTable? earlier)
    {
        var invariant = CultureInfo.InvariantCulture;
        var o = run.Options;
        var result = run.Result;
        string from = request.From is null ? string.Empty : $" --from {request.From}";
        string command = $"stemsim calibrate{from} --data {request.DataDirectory} --until {run.LastYear} --shock-years {request.ShockYears} --out {request.OutputFile}";
        var rows = new List<(string, string)>
        {
            ("command", command),
            ("created_utc", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", invariant)),
            ("engine_version", Provenance.EngineVersion),
            ("git_commit", Provenance.GitCommit),
            ("first_year", (earlier?.Calibration.FirstYear ?? run.FirstYear).ToString(invariant)),
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
        if (earlier is not null)
        {
            // Counts above (roll calls, votes, iterations, log-likelihoods) are the refitted years'.
            rows.Add(("updated_from", request.From!));
            rows.Add(("updated_from_sha256", Sha256(CalibrationTables.PathsFor(request.From!).Positions)));
            rows.Add(("updated_from_last_year", earlier.Calibration.LastYear.ToString(invariant)));
            rows.Add(("refit_years", $"{run.FirstYear}-{run.LastYear}"));
            rows.Add(("kept_years", $"{earlier.Calibration.FirstYear}-{run.FirstYear - 1}"));
        }

        foreach (var (year, units, correlation) in correlations)
        {
            rows.Add(($"bsv_correlation_{year}", string.Create(invariant, $"{CalibrationTables.Number(correlation)} ({units} units)")));
        }

        return rows;
    }
}
