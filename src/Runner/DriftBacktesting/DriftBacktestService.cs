using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Drift.Backtesting;
using StemSimulator.Engine.Drift;
using StemSimulator.Runner.Calibration;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.DriftBacktesting;

/// <summary>
/// <c>stemsim drift-backtest</c>: calibrates on the roll calls up to the origin, runs <see cref="DriftBacktest"/>
/// (random walk, bloc attraction, fitted strengths, the volatility scale), prints the tables and writes
/// <c>OUTDIR/drift_backtest.parquet</c> (whole or not at all).
/// </summary>
internal sealed class DriftBacktestService(ConsoleStreams console, TimeProvider clock)
{
    public async Task<int> RunAsync(DriftBacktestRequest request, CancellationToken cancellationToken)
    {
        var catalog = ReferenceCatalog.Embedded;
        if (Problem(request, catalog) is { } problem)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        var total = Stopwatch.StartNew();
        int threads = request.Threads ?? Environment.ProcessorCount;
        var (origin, failure) = await LoadOriginAsync(request, threads, cancellationToken).ConfigureAwait(false);
        if (origin is null)
        {
            return failure;
        }

        if (origin.LastYear != request.From || Math.Min(request.FitFrom, request.AlignFrom) < origin.FirstYear)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: the calibration covers {origin.FirstYear}-{origin.LastYear}; the backtest needs one that ends at --from {request.From} (no later data) and starts by --fit-from {request.FitFrom} and --align-from {request.AlignFrom}"));
            return ExitCodes.InvalidInput;
        }

        if (!TryPrepareFolder(request, out var folder))
        {
            return ExitCodes.InvalidInput;
        }

        using (folder)
        {
            var watch = Stopwatch.StartNew();
            DriftBacktestResult result;
            try
            {
                result = await BacktestAsync(request, catalog, origin, threads, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("Interrupted; nothing was written.");
                return ExitCodes.Interrupted;
            }

            if (folder is not null)
            {
                await WriteTableAsync(folder, request, result, cancellationToken).ConfigureAwait(false);
                folder.Commit();
            }

            if (!request.Quiet)
            {
                ReportResult(request, result, origin, folder, watch, total);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The output folder prepared when <c>--out</c> is given (null when it is not); false, after printing why, when it
    /// may not be written.
    /// </summary>
    private bool TryPrepareFolder(DriftBacktestRequest request, out RunFolder? folder)
    {
        folder = null;
        if (request.OutputFolder is null)
        {
            return true;
        }

        (folder, var folderProblem) = RunFolder.Prepare(request.OutputFolder, request.Force, "drift-backtest", new[] { request.DataDirectory, request.CalibrationFile }.OfType<string>().ToArray());
        if (folder is null)
        {
            console.Error.WriteLine($"error: {folderProblem}");
            return false;
        }

        return true;
    }

    /// <summary>The tables, the times taken and the file written, on standard output.</summary>
    private void ReportResult(DriftBacktestRequest request, DriftBacktestResult result, Origin origin, RunFolder? folder, Stopwatch simulation, Stopwatch total)
    {
        DriftBacktestReport.Write(console.Out, result, request);
        console.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Calibration {origin.Seconds:F0} s, simulations {simulation.Elapsed.TotalSeconds:F0} s, total {total.Elapsed.TotalSeconds:F0} s."));
        if (folder is not null)
        {
            console.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Wrote [bold]{Markup.Escape(Path.Combine(folder.Target, DriftBacktestTable.FileName))}[/] ({result.Rows.Count:N0} rows)"));
        }
    }

    /// <summary>What is wrong with the request before anything is read, or null.</summary>
    private static string? Problem(DriftBacktestRequest request, ReferenceCatalog catalog) => request switch
    {
        { CalibrationFile: null, DataDirectory: null } => "give --data (to calibrate up to --from) or --calibration (a table stemsim calibrate wrote up to --from)",
        { CalibrationFile: null } when !Directory.Exists(request.DataDirectory) => $"the data folder '{request.DataDirectory}' does not exist (expected ../shared/data/un)",
        _ when request.To <= request.From => $"--to {request.To} must be after --from {request.From}",
        _ when request.To > catalog.Calibration.LatestYear => $"--to {request.To} is after the embedded calibration's last year ({catalog.Calibration.LatestYear}); the realized positions come from it",
        _ when request.FitFrom >= request.From => $"--fit-from {request.FitFrom} must be before --from {request.From}",
        _ when request.AlignFrom >= request.From => $"--align-from {request.AlignFrom} must be before --from {request.From}",
        _ when request.Trials is < 50 or > 1_000_000 => "--trials must be between 50 and 1,000,000",
        _ when request.Threads is < 1 => "--threads must be at least 1",
        _ => null,
    };

    /// <summary>The calibration at the origin, read from --calibration or fitted on --data; null with the exit code when that failed.</summary>
    private async Task<(Origin? Origin, int ExitCode)> LoadOriginAsync(DriftBacktestRequest request, int threads, CancellationToken cancellationToken)
    {
        try
        {
            var origin = request.CalibrationFile is { } file
                ? await Task.Run(() => ReadOrigin(file), cancellationToken).ConfigureAwait(false)
                : await CalibrateOriginAsync(request, threads, cancellationToken).ConfigureAwait(false);
            return (origin, ExitCodes.Success);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return (null, ExitCodes.InvalidInput);
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("Interrupted; nothing was written.");
            return (null, ExitCodes.Interrupted);
        }
    }

    /// <summary>Runs every model of the drift backtest from the origin and adds the run's own rows (calibration, volatility).</summary>
    private async Task<DriftBacktestResult> BacktestAsync(DriftBacktestRequest request, ReferenceCatalog catalog, Origin origin, int threads, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var embedded = catalog.Calibration;
        PositionLookup realized = (code, year) => embedded.Find(code, year) is { } p && p.SourceYear == year ? (p.Theta, p.ThetaStandardError) : null;
        var settings = new DriftBacktestSettings
        {
            From = request.From,
            To = request.To,
            FitFrom = request.FitFrom,
            AlignFrom = request.AlignFrom,
            Trials = request.Trials,
            Seed = request.Seed,
            Threads = threads,
        };
        var positions = origin.Positions;
        var backtest = new DriftBacktest(catalog, (code, year) => positions.TryGetValue((code, year), out var p) ? p : null, origin.PositionStepSd, realized, origin.Units, settings);
        Action<string>? log = request.Quiet ? null : console.Error.WriteLine;
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"  scale map onto the embedded table: {backtest.Alignment.Intercept:F4} + {backtest.Alignment.Slope:F4} x (R2 {backtest.Alignment.RSquared:F4}, {backtest.Alignment.Pairs:N0} member-years {request.AlignFrom}-{request.From})"));
        var result = await Task.Run(() => DriftBacktestResult.Run(backtest, log, cancellationToken), cancellationToken).ConfigureAwait(false);
        result.Rows.Add(("run", null, "calibration_seconds", origin.Seconds));
        result.Rows.Add(("run", null, "simulation_seconds", watch.Elapsed.TotalSeconds));
        result.Rows.Add(("run", null, "calibration_iterations", origin.Iterations));
        result.Rows.Add(("run", null, "position_step_sd_own_scale", origin.PositionStepSd));
        DriftBacktestResult.AddVolatilityRows(result.Rows, "volatility_embedded", EmbeddedVolatility(catalog), catalog.States.Where(s => !s.IsObserver).Select(s => s.Code).ToArray(), catalog.Calibration.PositionStepSd);
        return result;
    }

    /// <summary>Writes drift_backtest.parquet with the run's arguments as provenance.</summary>
    private async Task WriteTableAsync(RunFolder folder, DriftBacktestRequest request, DriftBacktestResult result, CancellationToken cancellationToken)
    {
        var invariant = CultureInfo.InvariantCulture;
        string source = request.CalibrationFile is { } table ? $"--calibration {table}" : $"--data {request.DataDirectory}";
        var provenance = new TableProvenance(
            "drift-backtest",
            [
                new("arguments", string.Create(invariant, $"{source} --from {request.From} --to {request.To} --fit-from {request.FitFrom} --align-from {request.AlignFrom} --trials {request.Trials} --seed {request.Seed} --out {request.OutputFolder}")),
                new("seed", request.Seed.ToString(invariant)),
                new("trials", request.Trials.ToString(invariant)),
            ],
            clock.GetUtcNow());
        await using var file = File.Create(folder.PathOf(DriftBacktestTable.FileName));
        await DriftBacktestTable.WriteAsync(result.Rows, file, provenance, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The calibration at the origin: positions and standard errors per (unit, year), its years, step and units.</summary>
    private sealed record Origin(IReadOnlyDictionary<(string Code, int Year), (double Theta, double Se)> Positions, int FirstYear, int LastYear, double PositionStepSd, IReadOnlyList<string> Units, double Seconds, int Iterations);

    private static Origin ReadOrigin(string file)
    {
        var watch = Stopwatch.StartNew();
        var table = CalibrationTableReader.Read(file);
        int iterations = table.Model.TryGetValue("iterations", out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : 0;
        return new Origin(table.Positions, table.FirstYear, table.LastYear, table.PositionStepSd, table.Units.ToArray(), watch.Elapsed.TotalSeconds, iterations);
    }

    private async Task<Origin> CalibrateOriginAsync(DriftBacktestRequest request, int threads, CancellationToken cancellationToken)
    {
        var invariant = CultureInfo.InvariantCulture;
        var watch = Stopwatch.StartNew();
        var data = await Task.Run(() => UnVotingDataLoader.Load(request.DataDirectory!, cancellationToken), cancellationToken).ConfigureAwait(false);
        data.Problems.WriteTo(console.Error, listRows: !request.Quiet);

        var (firstYear, lastYear) = data.YearRange;
        if (request.FitFrom < firstYear || request.From > lastYear)
        {
            throw new InvalidDataException($"the data hold the years {firstYear}-{lastYear}; --fit-from and --from must lie within them");
        }

        var progress = request.Quiet ? null : new SynchronousProgress<CalibrationProgress>(p =>
        {
            if (p.Iteration % 25 == 0)
            {
                console.Error.WriteLine(string.Create(invariant, $"  calibration iteration {p.Iteration,4}: largest position change {p.LargestPositionChange:G3}"));
            }
        });
        if (!request.Quiet)
        {
            console.Error.WriteLine(string.Create(invariant, $"Calibrating {firstYear}-{request.From} ..."));
        }

        var previous = RecurringMatcher.PreviousOccurrence(data.RollCalls);
        var run = await Task.Run(() => CalibrationRun.Fit(data, firstYear, request.From, previous, new CalibrationOptions { Threads = threads }, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new Origin(Positions(run), run.FirstYear, run.LastYear, run.Result.PositionStepSd, data.Units, watch.Elapsed.TotalSeconds, run.Result.Iterations);
    }

    /// <summary>The volatilities scenarios use: the embedded table's changes from 2000 to its last year, as they are.</summary>
    internal static DriftVolatility EmbeddedVolatility(ReferenceCatalog catalog)
    {
        var codes = catalog.States.Where(s => !s.IsObserver).Select(s => s.Code).ToArray();
        var table = catalog.Calibration;
        return DriftVolatility.Calibrate(
            codes.Length,
            (i, year) => table.Find(codes[i], year) is { } p && p.SourceYear == year ? p.Theta : null,
            DriftVolatility.DefaultFromYear,
            table.LatestYear,
            DriftVolatility.DefaultShrinkageYears);
    }

    private static Dictionary<(string Code, int Year), (double Theta, double Se)> Positions(CalibrationRun run)
    {
        var positions = new Dictionary<(string, int), (double, double)>();
        for (int u = 0; u < run.Data.Units.Count; u++)
        {
            var (first, count) = run.Result.YearsOf(u);
            for (int t = first; t < first + count; t++)
            {
                var e = run.Result.Estimate(u, t);
                positions[(run.Data.Units[u], run.YearOf(t))] = (e.Theta, e.ThetaSe);
            }
        }

        return positions;
    }
}
