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
                var provenance = new TableProvenance("backtest", [new("arguments", AnalogStudySetup.Arguments(request)), new("seed", request.Seed.ToString(Invariant)), new("trials", request.Trials.ToString(Invariant))], clock.GetUtcNow());
                await BacktestTable.WriteAsync(rows, file, provenance, cancellationToken).ConfigureAwait(false);
            }

            await File.WriteAllTextAsync(folder.PathOf("analog_reveal.md"), markdown, cancellationToken).ConfigureAwait(false);
            folder.Commit();
            console.Out.WriteLine(markdown);
            console.Out.WriteLine(string.Create(Invariant, $"Wrote {Path.Combine(folder.Target, BacktestTable.FileName)} and analog_reveal.md ({rows.Count:N0} rows, {total.Elapsed.TotalSeconds:F0} s)"));
        }

        return ExitCodes.Success;
    }

    /// <summary>What is wrong with the request's options, or null.</summary>
    private static string? Problem(AnalogSpreadRequest request) =>
        AnalogStudySetup.Problem(request, "backtest.parquet and analog_reveal.md", "the years after it are the ones the reveal scores", "the reveal scores the later years")
        ?? (request.Reveal.FirstOrDefault(c => ReferenceCatalog.Embedded.FindState(c) is null) is { } unknown ? $"--reveal: unknown member '{unknown}' (ISO3 codes such as USA, CHN)" : null);

    /// <summary>
    /// Calibrates once per origin (every origin of the study, so each fit starts from the one before as the study's do)
    /// and reveals on the years after the choosing years.
    /// </summary>
    private async Task<(List<AnalogRevealCase> Revealed, List<AnalogCase> Shipped)> ForecastAsync(AnalogSpreadRequest request, UnVotingData data, CancellationToken cancellationToken)
    {
        var inputs = AnalogStudySetup.Inputs.Of(data);
        var study = AnalogStudySetup.Study(request, inputs, AnalogSpreadBacktestService.Grid, keepSamples: false, console.Error);
        var revealed = request.Reveal.Where(data.UnitIndex.ContainsKey).Select(c => data.UnitIndex[c]).ToArray();
        var cases = new List<AnalogRevealCase>();
        var shipped = new List<AnalogCase>();
        await foreach (var origin in AnalogStudySetup.OriginYears(request, inputs, cancellationToken).ConfigureAwait(false))
        {
            var (year, trainEnd, model, _, fitSeconds) = origin;
            if (year <= request.ChooseTo)
            {
                console.Error.WriteLine(string.Create(Invariant, $"  {year}: calibrated to {trainEnd} (fit {fitSeconds:F0} s); a choosing year, not revealed"));
                continue;
            }

            var watch = Stopwatch.StartNew();
            var (found, all) = await Task.Run(() => study.Reveal(model, year, revealed, cancellationToken), cancellationToken).ConfigureAwait(false);
            cases.AddRange(found);
            shipped.AddRange(all);
            console.Error.WriteLine(string.Create(Invariant, $"  {year}: calibrated to {trainEnd} (fit {fitSeconds:F0} s); {all.Count} forecasts, {found.Count} with a revealed vote ({watch.Elapsed.TotalSeconds:F0} s)"));
        }

        return (cases, shipped);
    }
}
