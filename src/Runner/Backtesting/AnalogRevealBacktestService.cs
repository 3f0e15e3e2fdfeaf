using Spectre.Console;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Backtesting;

/// <summary>
/// <c>stemsim backtest --analog-kinds --reveal CODE...</c>: the conditioning backtest of <c>given:</c> in the setting a
/// scenario has. Calibrates as <see cref="AnalogSpreadBacktestService"/> does (the same origins, warm-started the same
/// way), and on every whole-text roll call after <see cref="AnalogSpreadRequest.ChooseTo"/> forecasts the yes count from
/// an analog of each kind with that kind's shipped shape, on the study's random numbers; for each revealed member that
/// voted, scores the others with its vote given, fixed and unknown (<see cref="AnalogSpreadStudy.Reveal"/>). Nothing is
/// chosen. Writes OUTDIR/backtest.parquet (protocol reveal_CODE_KIND and reveal_CODE_all, models given, fixed and
/// unknown) and OUTDIR/analog_reveal.md, and prints the Markdown.
/// </summary>
internal sealed class AnalogRevealBacktestService(ConsoleStreams console, TimeProvider clock)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<int> RunAsync(AnalogSpreadRequest request, CancellationToken cancellationToken)
    {
        if (Problem(request) is { } problem)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        var total = Stopwatch.StartNew();
        if (await BacktestInput.PrepareAsync(request.DataDirectory, request.OutputFolder, request.Force, request.TestFrom, request.TestTo, request.TrainFrom, listRows: false, console.Error, cancellationToken).ConfigureAwait(false) is not ({ } data, { } folder))
        {
            return ExitCodes.InvalidInput;
        }

        using (folder)
        {
            (List<AnalogRevealCase> Revealed, List<AnalogCase> Shipped) found;
            try
            {
                found = await ForecastAsync(request, data, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("Interrupted; nothing was written.");
                return ExitCodes.Interrupted;
            }

            var rows = new List<(string Protocol, string Model, string Metric, double Value, int? Year)>();
            string markdown = AnalogRevealReport.Build(request, found.Revealed, found.Shipped, rows);
            await using (var file = File.Create(folder.PathOf(BacktestTable.FileName)))
            {
                var provenance = new TableProvenance("backtest", [new("arguments", Arguments(request)), new("seed", request.Seed.ToString(Invariant)), new("trials", request.Trials.ToString(Invariant))], clock.GetUtcNow());
                await BacktestTable.WriteAsync(rows, file, provenance, cancellationToken).ConfigureAwait(false);
            }

            await File.WriteAllTextAsync(folder.PathOf("analog_reveal.md"), markdown, cancellationToken).ConfigureAwait(false);
            folder.Commit();
            console.Out.WriteLine(markdown);
            console.Out.WriteLine(string.Create(Invariant, $"Wrote {Path.Combine(folder.Target, BacktestTable.FileName)} and analog_reveal.md ({rows.Count:N0} rows, {total.Elapsed.TotalSeconds:F0} s)"));
        }

        return ExitCodes.Success;
    }

    private static string Arguments(AnalogSpreadRequest request) =>
        $"--analog-kinds --reveal {string.Join(' ', request.Reveal)} --data {request.DataDirectory}{(request.TrainFrom is { } from ? $" --train-from {from}" : "")} --train-until {request.TrainUntil} --test-from {request.TestFrom} --test-to {request.TestTo} --choose-to {request.ChooseTo} --origin-every {request.OriginEvery}{(request.EmbeddedShocks ? " --embedded-shocks" : "")}{(request.Kinds.Count > 0 ? " --kinds " + string.Join(',', request.Kinds) : "")} --out {request.OutputFolder}";

    /// <summary>What is wrong with the request's options, or null.</summary>
    private static string? Problem(AnalogSpreadRequest request) => request switch
    {
        _ when request.OutputFolder.Length == 0 => "--out is required (the folder for backtest.parquet and analog_reveal.md)",
        _ when !Directory.Exists(request.DataDirectory) => $"the data folder '{request.DataDirectory}' does not exist (expected ../shared/data/un)",
        _ when request.TestFrom > request.TestTo => $"--test-from {request.TestFrom} is after --test-to {request.TestTo}",
        _ when request.TrainUntil >= request.TestFrom => $"--train-until {request.TrainUntil} must be before --test-from {request.TestFrom}: the model may not see the test years",
        _ when request.ChooseTo is null => "--analog-kinds needs --choose-to YEAR (the years after it are the ones the reveal scores)",
        _ when request.ChooseTo < request.TestFrom || request.ChooseTo >= request.TestTo => $"--choose-to {request.ChooseTo} must lie in {request.TestFrom}-{request.TestTo - 1}: the reveal scores the later years",
        _ when request.TrainFrom >= request.TrainUntil => $"--train-from {request.TrainFrom} must be before --train-until {request.TrainUntil}",
        _ when request.OriginEvery is < 1 or > 5 => "--origin-every must be between 1 and 5 years",
        _ when request.Trials is < 100 or > 1_000_000 => "--trials must be between 100 and 1,000,000",
        _ when request.Threads is < 1 => "--threads must be at least 1",
        _ when request.Kinds.FirstOrDefault(k => KindOf(k) is null) is { } unknown => $"--kinds: '{unknown}' is not a kind (repeat, same_subject, same_issue)",
        _ when request.Reveal.FirstOrDefault(c => ReferenceCatalog.Embedded.FindState(c) is null) is { } unknown => $"--reveal: unknown member '{unknown}' (ISO3 codes such as USA, CHN)",
        _ => null,
    };

    private static AnalogKind? KindOf(string name) =>
        Enum.GetValues<AnalogKind>().Cast<AnalogKind?>().FirstOrDefault(k => AnalogSpreads.Name(k!.Value) == name);

    /// <summary>
    /// Calibrates once per origin (every origin of the study, so each fit starts from the one before as the study's do)
    /// and reveals on the years after the choosing years.
    /// </summary>
    private async Task<(List<AnalogRevealCase> Revealed, List<AnalogCase> Shipped)> ForecastAsync(AnalogSpreadRequest request, UnVotingData data, CancellationToken cancellationToken)
    {
        int firstYear = request.TrainFrom ?? data.YearRange.First;
        var blocs = new ShockBlocs(ReferenceCatalog.Embedded);
        var previous = RecurringMatcher.PreviousOccurrence(data.RollCalls);
        var votes = new VoteIndex(data);
        var concerns = data.RollCalls.Select(rc => RollCallConcerns.Embedded.TryGetValue(rc.Id, out var c) ? c : []).ToArray();
        var chooser = new AnalogChooser(data.RollCalls, previous, concerns);
        var settings = new BacktestSettings { Protocols = [], Seed = request.Seed, Trials = request.Trials, Threads = request.Threads };
        var kinds = request.Kinds.Count == 0 ? null : request.Kinds.Select(k => KindOf(k)!.Value).ToArray();
        var study = new AnalogSpreadStudy(data, blocs, votes, chooser, settings, AnalogSpreadBacktestService.Grid, EmbeddedShocks(request), keepSamples: false, kinds);
        var revealed = request.Reveal.Where(data.UnitIndex.ContainsKey).Select(c => data.UnitIndex[c]).ToArray();
        var options = new CalibrationOptions { Threads = request.Threads ?? Environment.ProcessorCount };
        var cases = new List<AnalogRevealCase>();
        var shipped = new List<AnalogCase>();
        CalibrationRun? warm = null;
        YearModel? model = null;
        for (int year = request.TestFrom; year <= request.TestTo; year++)
        {
            int trainEnd = request.TrainUntil + ((year - request.TestFrom) / request.OriginEvery * request.OriginEvery);
            var watch = Stopwatch.StartNew();
            if (model is null || model.Run.LastYear != trainEnd)
            {
                var start = warm;
                var run = await Task.Run(() => CalibrationRun.Fit(data, firstYear, trainEnd, previous, options, null, cancellationToken, start), cancellationToken).ConfigureAwait(false);
                model = new YearModel(run, trainEnd + 1, votes, blocs, previous, null, options.Threads);
                warm = run;
            }

            double fitSeconds = watch.Elapsed.TotalSeconds;
            if (year <= request.ChooseTo)
            {
                console.Error.WriteLine(string.Create(Invariant, $"  {year}: calibrated to {trainEnd} (fit {fitSeconds:F0} s); a choosing year, not revealed"));
                continue;
            }

            var current = model;
            var (found, all) = await Task.Run(() => study.Reveal(current, year, revealed, cancellationToken), cancellationToken).ConfigureAwait(false);
            cases.AddRange(found);
            shipped.AddRange(all);
            console.Error.WriteLine(string.Create(Invariant, $"  {year}: calibrated to {trainEnd} (fit {fitSeconds:F0} s); {all.Count} forecasts, {found.Count} with a revealed vote ({watch.Elapsed.TotalSeconds - fitSeconds:F0} s)"));
        }

        return (cases, shipped);
    }

    private double[]? EmbeddedShocks(AnalogSpreadRequest request)
    {
        if (!request.EmbeddedShocks)
        {
            return null;
        }

        var embedded = ReferenceCatalog.Embedded.CalibrationModel;
        double[] shocks = [embedded.Number("shock_sd_global") ?? 0, .. ShockBlocs.Names.Select(n => embedded.Number("shock_sd_" + n) ?? 0)];
        console.Error.WriteLine("  shocks (embedded calibration): " + string.Join(", ", shocks.Select(x => x.ToString("F2", Invariant))));
        return shocks;
    }
}
