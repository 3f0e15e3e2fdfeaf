using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Backtesting;

/// <summary>
/// What <c>backtest --analog-kinds</c> and its <c>--reveal</c> share: the options' checks, the study built on the data,
/// and the walk over the test years that calibrates once per origin, each fit warm-started from the one before.
/// </summary>
internal static class AnalogStudySetup
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One test year: the calibration it is forecast from, and whether it was fitted for this year.</summary>
    public readonly record struct OriginYear(int Year, int TrainEnd, YearModel Model, bool Refitted, double FitSeconds);

    /// <summary>What the study and the calibrations of one command share, built once from the data.</summary>
    public sealed record Inputs(UnVotingData Data, ShockBlocs Blocs, int[] Previous, VoteIndex Votes)
    {
        public static Inputs Of(UnVotingData data) =>
            new(data, new ShockBlocs(ReferenceCatalog.Embedded), RecurringMatcher.PreviousOccurrence(data.RollCalls), new VoteIndex(data));
    }

    /// <summary>
    /// What is wrong with the options both commands take, or null. <paramref name="outputs"/> names the files written,
    /// <paramref name="chooseToMeaning"/> what the years up to <c>--choose-to</c> are for.
    /// </summary>
    public static string? Problem(AnalogSpreadRequest request, string outputs, string chooseToMeaning, string chooseToRange) => request switch
    {
        _ when request.OutputFolder.Length == 0 => $"--out is required (the folder for {outputs})",
        _ when !Directory.Exists(request.DataDirectory) => $"the data folder '{request.DataDirectory}' does not exist (expected ../shared/data/un)",
        _ when request.TestFrom > request.TestTo => $"--test-from {request.TestFrom} is after --test-to {request.TestTo}",
        _ when request.TrainUntil >= request.TestFrom => $"--train-until {request.TrainUntil} must be before --test-from {request.TestFrom}: the model may not see the test years",
        _ when request.ChooseTo is null => $"--analog-kinds needs --choose-to YEAR ({chooseToMeaning})",
        _ when request.ChooseTo < request.TestFrom || request.ChooseTo >= request.TestTo => $"--choose-to {request.ChooseTo} must lie in {request.TestFrom}-{request.TestTo - 1}: {chooseToRange}",
        _ when request.TrainFrom >= request.TrainUntil => $"--train-from {request.TrainFrom} must be before --train-until {request.TrainUntil}",
        _ when request.OriginEvery is < 1 or > 5 => "--origin-every must be between 1 and 5 years",
        _ when request.Trials is < 100 or > 1_000_000 => "--trials must be between 100 and 1,000,000",
        _ when request.Threads is < 1 => "--threads must be at least 1",
        _ when request.Kinds.FirstOrDefault(k => KindOf(k) is null) is { } unknown => $"--kinds: '{unknown}' is not a kind (repeat, same_subject, same_issue)",
        _ => null,
    };

    /// <summary>The study on the data of <paramref name="inputs"/> with the request's seed, trials, threads, kinds and shocks.</summary>
    public static AnalogSpreadStudy Study(AnalogSpreadRequest request, Inputs inputs, IReadOnlyList<double> grid, bool keepSamples, TextWriter log)
    {
        var data = inputs.Data;
        var concerns = data.RollCalls.Select(rc => RollCallConcerns.Embedded.TryGetValue(rc.Id, out var c) ? c : []).ToArray();
        var chooser = new AnalogChooser(data.RollCalls, inputs.Previous, concerns);
        var settings = new BacktestSettings { Protocols = [], Seed = request.Seed, Trials = request.Trials, Threads = request.Threads };
        var kinds = request.Kinds.Count == 0 ? null : request.Kinds.Select(k => KindOf(k)!.Value).ToArray();
        return new AnalogSpreadStudy(data, inputs.Blocs, inputs.Votes, chooser, settings, grid, EmbeddedShocks(request, log), keepSamples, kinds);
    }

    /// <summary>
    /// Each test year with the calibration to its origin (<c>--train-until</c>, then every <c>--origin-every</c> years),
    /// fitted when the origin changes, warm-started from the fit before.
    /// </summary>
    public static async IAsyncEnumerable<OriginYear> OriginYears(AnalogSpreadRequest request, Inputs inputs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (data, blocs, previous, votes) = inputs;
        int firstYear = request.TrainFrom ?? data.YearRange.First;
        var options = new CalibrationOptions { Threads = request.Threads ?? Environment.ProcessorCount };
        CalibrationRun? warm = null;
        YearModel? model = null;
        for (int year = request.TestFrom; year <= request.TestTo; year++)
        {
            int trainEnd = request.TrainUntil + ((year - request.TestFrom) / request.OriginEvery * request.OriginEvery);
            var watch = Stopwatch.StartNew();
            bool refit = model is null || model.Run.LastYear != trainEnd;
            if (refit)
            {
                var start = warm;
                var run = await Task.Run(() => CalibrationRun.Fit(data, firstYear, trainEnd, previous, options, null, cancellationToken, start), cancellationToken).ConfigureAwait(false);
                model = new YearModel(run, trainEnd + 1, votes, blocs, previous, null, options.Threads);
                warm = run;
            }

            yield return new OriginYear(year, trainEnd, model!, refit, watch.Elapsed.TotalSeconds);
        }
    }

    /// <summary>The command's arguments as the provenance of backtest.parquet records them.</summary>
    public static string Arguments(AnalogSpreadRequest request) =>
        $"--analog-kinds{(request.Reveal.Count > 0 ? " --reveal " + string.Join(' ', request.Reveal) : "")} --data {request.DataDirectory}{(request.TrainFrom is { } from ? $" --train-from {from}" : "")} --train-until {request.TrainUntil} --test-from {request.TestFrom} --test-to {request.TestTo} --choose-to {request.ChooseTo} --origin-every {request.OriginEvery}{(request.EmbeddedShocks ? " --embedded-shocks" : "")}{(request.Kinds.Count > 0 ? " --kinds " + string.Join(',', request.Kinds) : "")} --out {request.OutputFolder}";

    private static AnalogKind? KindOf(string name) =>
        Enum.GetValues<AnalogKind>().Cast<AnalogKind?>().FirstOrDefault(k => AnalogSpreads.Name(k!.Value) == name);

    /// <summary>The embedded calibration's shock sizes (global, then the blocs') under <c>--embedded-shocks</c>, else null.</summary>
    private static double[]? EmbeddedShocks(AnalogSpreadRequest request, TextWriter log)
    {
        if (!request.EmbeddedShocks)
        {
            return null;
        }

        var embedded = ReferenceCatalog.Embedded.CalibrationModel;
        double[] shocks = [embedded.Number("shock_sd_global") ?? 0, .. ShockBlocs.Names.Select(n => embedded.Number("shock_sd_" + n) ?? 0)];
        log.WriteLine("  shocks (embedded calibration): " + string.Join(", ", shocks.Select(x => x.ToString("F2", Invariant))));
        return shocks;
    }
}
