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

        if (CalibrationTables.CheckWritable(request.OutputFile, request.Force) is { } unwritable)
        {
            console.Error.WriteLine($"error: {unwritable}");
            return ExitCodes.InvalidInput;
        }

        var total = Stopwatch.StartNew();
        EarlierTable? earlier = null;
        if (request.From is { } from)
        {
            try
            {
                earlier = EarlierTable.Read(from);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"error: --from: {e.Message}");
                return ExitCodes.InvalidInput;
            }

            if (request.Until is { } until && until <= earlier.Calibration.LastYear)
            {
                console.Error.WriteLine($"error: --until {until} is not after the last year of '{from}' ({earlier.Calibration.LastYear}); an update fits only later years");
                return ExitCodes.InvalidInput;
            }
        }

        if (await DataFolderInput.LoadAsync(request.DataDirectory, console.Error, cancellationToken).ConfigureAwait(false) is not { } data)
        {
            return ExitCodes.InvalidInput;
        }

        double loadSeconds = total.Elapsed.TotalSeconds;
        var cpuAfterLoad = Environment.CpuUsage.TotalTime;
        data.Problems.WriteTo(console.Error, listRows: !request.Quiet);
        var (firstYear, lastData) = data.YearRange;
        int lastYear = Math.Min(request.Until ?? lastData, lastData);
        if (lastYear < firstYear)
        {
            console.Error.WriteLine($"error: --until {request.Until} is before the first year of the data ({firstYear})");
            return ExitCodes.InvalidInput;
        }

        int refitFrom = firstYear;
        if (earlier is not null)
        {
            if (IncrementalProblem(request, earlier, data, lastYear) is { } incremental)
            {
                console.Error.WriteLine($"error: {incremental}");
                return ExitCodes.InvalidInput;
            }

            refitFrom = IncrementalWindow.FirstRefitYear(earlier.Calibration.FirstYear, earlier.Calibration.LastYear, lastYear, request.ShockYears);
        }

        var options = new CalibrationOptions { Threads = request.Threads ?? Environment.ProcessorCount };
        var fitWatch = Stopwatch.StartNew();
        var previous = RecurringMatcher.PreviousOccurrence(data.RollCalls);
        Func<int, CalibrationRun?, CalibrationRun>? refit = earlier is null
            ? null
            : (last, _) => CalibrationRun.Update(data, earlier.Calibration, refitFrom, last, previous, options, null, cancellationToken);
        CalibrationRun run;
        try
        {
            run = await Task.Run(
                () => earlier is null
                    ? CalibrationRun.Fit(data, firstYear, lastYear, previous, options, Progress(request), cancellationToken)
                    : CalibrationRun.Update(data, earlier.Calibration, refitFrom, lastYear, previous, options, Progress(request), cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("Interrupted; nothing was written.");
            return ExitCodes.Interrupted;
        }

        double fitSeconds = fitWatch.Elapsed.TotalSeconds;
        var cpuAfterFit = Environment.CpuUsage.TotalTime;
        var correlations = run.BsvCorrelations();
        var shockWatch = Stopwatch.StartNew();
        var blocs = new ShockBlocs(ReferenceCatalog.Embedded);
        var shocks = await Task.Run(() => ShockMatching.Match(data, run, previous, blocs, options, request.ShockYears, request.Threads, refit, cancellationToken), cancellationToken).ConfigureAwait(false);
        var model = ModelRows(request, run, data, correlations, loadSeconds, fitSeconds, earlier);
        model.AddRange(ShockRows(run, shocks, request.ShockYears, shockWatch.Elapsed.TotalSeconds));
        var cpu = (cpuAfterLoad.TotalSeconds, (cpuAfterFit - cpuAfterLoad).TotalSeconds, (Environment.CpuUsage.TotalTime - cpuAfterFit).TotalSeconds);
        var paths = CalibrationTables.PathsFor(request.OutputFile);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(paths.Positions)!);
            CalibrationTables.Write(request.OutputFile, run, model, earlier);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: cannot write the tables: {e.Message}");
            return ExitCodes.RuntimeFailure;
        }

        if (!request.Quiet)
        {
            ShowSummary(data, run, correlations, (loadSeconds, fitSeconds, cpu), paths, earlier);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// What makes <paramref name="earlier"/> unusable as the start of an update of <paramref name="data"/> to
    /// <paramref name="lastYear"/>, or null: an end not before <paramref name="lastYear"/>, too many out-of-sample
    /// shock years, or a table made from other data (a unit the data lack, or a roll call of its years missing from
    /// either or counted differently).
    /// </summary>
    private static string? IncrementalProblem(CalibrateRequest request, EarlierTable earlier, UnVotingData data, int lastYear)
    {
        var (first, last) = (earlier.Calibration.FirstYear, earlier.Calibration.LastYear);
        string table = request.From!;
        if (lastYear <= last)
        {
            return $"'{request.DataDirectory}' has no votes after the last year of '{table}' ({last}): nothing to update";
        }

        if (request.ShockYears > lastYear - last)
        {
            return $"--shock-years {request.ShockYears} with --from: at most {lastYear - last} (the years after '{table}'), since an out-of-sample refit must not end before the table, whose positions have seen the later votes";
        }

        foreach (var row in earlier.PositionRows)
        {
            if (!data.UnitIndex.ContainsKey(row[0]))
            {
                return $"'{table}' has unit {row[0]}, which '{request.DataDirectory}' does not have: the table was made from other data (calibrate without --from)";
            }
        }

        var counts = new Dictionary<int, (int Yes, int Abstain, int No, int Absent)>();
        for (int k = 0; k < data.RecordRollCall.Length; k++)
        {
            int r = data.RecordRollCall[k];
            var c = counts.GetValueOrDefault(r);
            counts[r] = data.RecordChoice[k] switch
            {
                Engine.Rules.VoteChoice.Yes => c with { Yes = c.Yes + 1 },
                Engine.Rules.VoteChoice.Abstain => c with { Abstain = c.Abstain + 1 },
                Engine.Rules.VoteChoice.No => c with { No = c.No + 1 },
                _ => c with { Absent = c.Absent + 1 },
            };
        }

        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < data.RollCalls.Count; r++)
        {
            byId.TryAdd(data.RollCalls[r].Id, r);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, line) in earlier.RollCallRows)
        {
            string where = $"{earlier.RollCallsFile}:{line}";
            if (!byId.TryGetValue(row[0], out int r))
            {
                return $"{where}: roll call {row[0]} is not in '{request.DataDirectory}': the table was made from other data (calibrate without --from)";
            }

            var expected = EarlierTable.CountsOf(row);
            var actual = counts.GetValueOrDefault(r);
            if (data.RollCalls[r].Year != EarlierTable.YearOf(row) || expected != actual)
            {
                return $"{where}: roll call {row[0]} ({row[2]}) has yes/abstain/no/absent {expected.Yes}/{expected.Abstain}/{expected.No}/{expected.Absent} in the table but {actual.Yes}/{actual.Abstain}/{actual.No}/{actual.Absent} ({data.RollCalls[r].Year}) in '{request.DataDirectory}': the table was made from other data (calibrate without --from)";
            }

            seen.Add(row[0]);
        }

        var missing = data.RollCalls.FirstOrDefault(rc => rc.Year >= first && rc.Year <= last && !seen.Contains(rc.Id));
        return missing is null
            ? null
            : $"'{request.DataDirectory}' has roll call {missing.Id} ({missing.Year}) that '{earlier.RollCallsFile}' lacks: the table was made from other data (calibrate without --from)";
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
