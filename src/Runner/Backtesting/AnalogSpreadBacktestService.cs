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
/// <c>stemsim backtest --analog-kinds</c>: measures the analog spread per <see cref="AnalogKind"/>. Calibrates on the
/// years before each origin (one origin every <see cref="AnalogSpreadRequest.OriginEvery"/> years, positions carried
/// forward by the random walk), forecasts every whole-text roll call of the test years from an analog of each kind
/// (<see cref="AnalogChooser"/>) for a grid of spreads (<see cref="AnalogSpreadStudy"/>), chooses each kind's spread
/// by the mean 90% interval score on the years up to <see cref="AnalogSpreadRequest.ChooseTo"/>, and reports the later
/// years against the count-change baseline (<see cref="AnalogSpreadEvaluation"/>). Writes OUTDIR/backtest.parquet
/// (protocol = kind) and OUTDIR/analog_spreads.md, and prints the Markdown.
/// </summary>
internal sealed class AnalogSpreadBacktestService(ConsoleStreams console, TimeProvider clock)
{
    /// <summary>The candidate spreads.</summary>
    public static IReadOnlyList<double> Grid { get; } = [0, 0.1, 0.18, 0.3, 0.45, 0.6, 0.8, 1.0, 1.3, 1.6, 2.0, 2.5, 3.0];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private AnalogSpreadStudy? _study;

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
            List<AnalogCase> cases;
            var rows = new List<(string Protocol, string Model, string Metric, double Value, int? Year)>();
            try
            {
                cases = await ForecastAsync(request, data, rows, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("Interrupted; nothing was written.");
                return ExitCodes.Interrupted;
            }

            string markdown = Report(request, request.ChooseTo!.Value, cases, rows, _study!) + CandidateReport(request.ChooseTo!.Value, cases, _study!) + CoverageRuleReport(request.ChooseTo!.Value, cases, _study!);
            await WriteAsync(request, folder, cases, rows, markdown, cancellationToken).ConfigureAwait(false);
            console.Out.WriteLine(markdown);
            console.Out.WriteLine(string.Create(Invariant, $"Wrote {Path.Combine(folder.Target, BacktestTable.FileName)} and analog_spreads.md ({rows.Count:N0} rows, {total.Elapsed.TotalSeconds:F0} s)"));
        }

        return ExitCodes.Success;
    }

    /// <summary>What is wrong with the request's options, or null.</summary>
    private static string? Problem(AnalogSpreadRequest request) =>
        AnalogStudySetup.Problem(request, "backtest.parquet and analog_spreads.md", "the last year whose roll calls choose the spreads", "the years up to it choose the spreads, the later ones report");

    /// <summary>Writes analog_samples.csv.gz, backtest.parquet (with the provenance) and analog_spreads.md into the folder and commits it.</summary>
    private async Task WriteAsync(AnalogSpreadRequest request, RunFolder folder, List<AnalogCase> cases, List<(string Protocol, string Model, string Metric, double Value, int? Year)> rows, string markdown, CancellationToken cancellationToken)
    {
        await WriteSamplesAsync(folder.PathOf("analog_samples.csv.gz"), cases, _study!, cancellationToken).ConfigureAwait(false);
        await using (var file = File.Create(folder.PathOf(BacktestTable.FileName)))
        {
            var provenance = new TableProvenance(
                "backtest",
                [
                    new("arguments", AnalogStudySetup.Arguments(request)),
                    new("seed", request.Seed.ToString(Invariant)),
                    new("trials", request.Trials.ToString(Invariant)),
                ],
                clock.GetUtcNow());
            await BacktestTable.WriteAsync(rows, file, provenance, cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(folder.PathOf("analog_spreads.md"), markdown, cancellationToken).ConfigureAwait(false);
        folder.Commit();
    }

    /// <summary>Calibrates once per origin and forecasts every test year's roll calls from it.</summary>
    private async Task<List<AnalogCase>> ForecastAsync(AnalogSpreadRequest request, UnVotingData data, List<(string Protocol, string Model, string Metric, double Value, int? Year)> rows, CancellationToken cancellationToken)
    {
        var inputs = AnalogStudySetup.Inputs.Of(data);
        var study = AnalogStudySetup.Study(request, inputs, Grid, keepSamples: true, console.Error);
        _study = study;
        var cases = new List<AnalogCase>();
        await foreach (var (year, trainEnd, model, refitted, fitSeconds) in AnalogStudySetup.OriginYears(request, inputs, cancellationToken).ConfigureAwait(false))
        {
            if (refitted)
            {
                rows.Add(("parameters", "stemsim", "shock_sd_global", model.PlainShocks[0], year));
                for (int b = 0; b < ShockBlocs.Names.Count; b++)
                {
                    rows.Add(("parameters", "stemsim", $"shock_sd_{ShockBlocs.Names[b]}", model.PlainShocks[1 + b], year));
                }
            }

            var watch = Stopwatch.StartNew();
            var found = await Task.Run(() => study.Forecast(model, year, cancellationToken), cancellationToken).ConfigureAwait(false);
            cases.AddRange(found);
            console.Error.WriteLine(string.Create(Invariant,
                $"  {year}: calibrated to {trainEnd} (fit {fitSeconds:F0} s), the calibration's global shock {model.PlainShocks[0]:F2}{(request.EmbeddedShocks ? " (not used: embedded shocks)" : "")}; forecast {string.Join(", ", Enum.GetValues<AnalogKind>().Select(k => $"{found.Count(c => c.Kind == k)} {AnalogSpreads.Name(k)}"))} ({watch.Elapsed.TotalSeconds:F0} s)"));
        }

        return cases;
    }

    /// <summary>Per kind and candidate family: the candidate with the lowest choosing score, its figures on both periods.</summary>
    private static string CandidateReport(int chooseTo, List<AnalogCase> cases, AnalogSpreadStudy study)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Candidates by family (the one of each family with the lowest mean 90% interval score on the choosing years; groups: an independent normal shift of each regional group added to the common one, flip: beta's sign flipped with probability q; population: per trial one text of the analog's population of the last K sessions, anchored on its recorded yes count, plus a normal jitter; population-mixture: with probability w a measured shape instead; of these only population is implemented in the vote kernel):");
        text.AppendLine();
        AppendCandidateHeader(text);
        foreach (var kind in Enum.GetValues<AnalogKind>())
        {
            var (train, test) = AnalogSpreadEvaluation.Periods(cases, kind, chooseTo);
            if (train.Length == 0)
            {
                continue;
            }

            foreach (var family in study.Candidates.Select(c => c.Family).Distinct())
            {
                int best = BestCandidate(study, train, c => c.Family == family);
                AppendCandidateRows(text, kind, study.Candidates[best].Name, CandidateSummary(train, best), CandidateSummary(test, best));
            }
        }

        AppendPopulationSizes(text, cases);
        return text.ToString();
    }

    /// <summary>Most points by which a choosing-years coverage may differ from its nominal level under the coverage rule.</summary>
    public const double CoverageTolerance = 0.05;

    /// <summary>
    /// Per kind, the second written rule: among the implemented candidates whose coverage on the choosing years lies
    /// within <see cref="CoverageTolerance"/> of nominal at 80% and at 90%, the one with the lowest mean 90% interval
    /// score there (the done-when's own test, applied to the choosing years only); its figures on both periods.
    /// </summary>
    private static string CoverageRuleReport(int chooseTo, List<AnalogCase> cases, AnalogSpreadStudy study)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Coverage rule (the lowest mean 90% interval score on the choosing years among the implemented candidates whose choosing coverage at 80% and at 90% is within {CoverageTolerance * 100:F0} points of nominal):");
        text.AppendLine();
        AppendCandidateHeader(text);
        foreach (var kind in Enum.GetValues<AnalogKind>())
        {
            var (train, test) = AnalogSpreadEvaluation.Periods(cases, kind, chooseTo);
            if (train.Length == 0)
            {
                continue;
            }

            var eligible = Enumerable.Range(0, study.Candidates.Count)
                .Where(c => study.Candidates[c].Implemented && WithinTolerance(CandidateSummary(train, c)))
                .Select(c => study.Candidates[c])
                .ToHashSet();
            if (eligible.Count == 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {AnalogSpreads.Name(kind)} | (no candidate within {CoverageTolerance * 100:F0} points) | | | | | | | | |");
                continue;
            }

            int best = BestCandidate(study, train, eligible.Contains);
            AppendCandidateRows(text, kind, study.Candidates[best].Name, CandidateSummary(train, best), CandidateSummary(test, best));
        }

        return text.ToString();
    }

    private static void AppendCandidateHeader(StringBuilder text)
    {
        text.AppendLine("| kind | candidate | years | roll calls | coverage50 | coverage80 | coverage90 | coverage95 | mean width90 | mean interval score90 |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
    }

    /// <summary>A candidate's two rows: its figures on the choosing years, then on the reporting years.</summary>
    private static void AppendCandidateRows(StringBuilder text, AnalogKind kind, string candidate, AnalogSpreadEvaluation.Summary choosing, AnalogSpreadEvaluation.Summary reporting)
    {
        foreach (var (years, summary) in new[] { ("choosing", choosing), ("reporting", reporting) })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {AnalogSpreads.Name(kind)} | {candidate} | {years} | {summary.Cases} | {string.Join(" | ", summary.Coverage.Select(c => c.ToString("F3", Invariant)))} | {summary.MeanWidth:F1} | {summary.MeanIntervalScore:F1} |");
        }
    }

    /// <summary>Whether a summary's 80% and 90% coverage lie within <see cref="CoverageTolerance"/> of nominal.</summary>
    private static bool WithinTolerance(AnalogSpreadEvaluation.Summary summary) =>
        Math.Abs(summary.Coverage[1] - 0.8) <= CoverageTolerance + 1e-12 && Math.Abs(summary.Coverage[2] - 0.9) <= CoverageTolerance + 1e-12;

    /// <summary>The mean and range of the population sizes per kind and number of sessions.</summary>
    private static void AppendPopulationSizes(StringBuilder text, List<AnalogCase> cases)
    {
        text.AppendLine();
        text.AppendLine("Texts in the analog's population (the analog included; mean, min-max over the roll calls):");
        text.AppendLine();
        text.AppendLine("| kind | " + string.Join(" | ", AnalogSpreadStudy.PopulationSessions.Select(k => $"{k} sessions")) + " |");
        text.AppendLine("|---|" + string.Concat(AnalogSpreadStudy.PopulationSessions.Select(_ => "---:|")));
        foreach (var kind in Enum.GetValues<AnalogKind>())
        {
            var all = AnalogSpreadEvaluation.OfKind(cases, kind).Where(c => c.PopulationSizes.Length > 0).ToArray();
            if (all.Length > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {AnalogSpreads.Name(kind)} | {string.Join(" | ", AnalogSpreadStudy.PopulationSessions.Select((_, k) => string.Create(Invariant, $"{all.Average(c => c.PopulationSizes[k]):F1} ({all.Min(c => c.PopulationSizes[k])}-{all.Max(c => c.PopulationSizes[k])})")))} |");
            }
        }
    }

    /// <summary>The candidate passing <paramref name="include"/> with the lowest mean 90% interval score over <paramref name="cases"/> (ties to the earlier).</summary>
    private static int BestCandidate(AnalogSpreadStudy study, IReadOnlyList<AnalogCase> cases, Func<AnalogSpreadStudy.Candidate, bool> include)
    {
        int best = -1;
        double bestScore = double.PositiveInfinity;
        for (int c = 0; c < study.Candidates.Count; c++)
        {
            if (!include(study.Candidates[c]))
            {
                continue;
            }

            double score = cases.Average(x => x.CandidateRanges[c][2].Score(x.Actual, AnalogSpreadEvaluation.ScoredLevel));
            if (score < bestScore - 1e-12)
            {
                (best, bestScore) = (c, score);
            }
        }

        return best;
    }

    private static AnalogSpreadEvaluation.Summary CandidateSummary(IReadOnlyList<AnalogCase> cases, int candidate) =>
        AnalogSpreadEvaluation.Summarise(cases.Select(x => (x.Actual, x.CandidateRanges[candidate])).ToArray());

    /// <summary>Every case's simulated yes counts per simulation, for study outside stemsim.</summary>
    private static async Task WriteSamplesAsync(string path, List<AnalogCase> cases, AnalogSpreadStudy study, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await using var zip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest);
        await using var writer = new StreamWriter(zip);
        await writer.WriteLineAsync("kind,year,roll_call,analog,actual,analog_yes,simulation,yes").ConfigureAwait(false);
        foreach (var c in cases)
        {
            for (int k = 0; k < c.Samples.Length; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.WriteLineAsync(string.Create(Invariant, $"{AnalogSpreads.Name(c.Kind)},{c.Year},{c.RollCall},{c.Analog},{c.Actual},{c.AnalogYes},{study.Simulations[k].Name},{string.Join(' ', c.Samples[k])}")).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Chooses each kind's spread, adds the figures to <paramref name="rows"/> and returns the Markdown report.</summary>
    private static string Report(AnalogSpreadRequest request, int chooseTo, List<AnalogCase> cases, List<(string Protocol, string Model, string Metric, double Value, int? Year)> rows, AnalogSpreadStudy study)
    {
        var text = new StringBuilder();
        string choosing = $"{request.TestFrom}-{chooseTo}", reporting = $"{chooseTo + 1}-{request.TestTo}";
        text.AppendLine(CultureInfo.InvariantCulture, $"Analog shift chosen per kind by the mean interval score of the 90% yes-count ranges on {choosing}, among the shapes scenarios can take (a normal or a mixed common shift, anchored on the analog's recorded yes count or not, or a population draw); figures on {reporting} (never used for the choice). 'normal' is the best normal shift alone, as chosen before. Baseline: the analog's own yes count plus the {choosing} quantiles of the yes-count change between roll call and analog.");
        text.AppendLine();
        text.AppendLine("| kind | model | analog shift | years | roll calls | coverage50 | coverage80 | coverage90 | coverage95 | mean width90 | mean interval score90 |");
        text.AppendLine("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        var bootstraps = new List<(string Kind, AnalogSpreadBootstrap.Result Result)>();
        foreach (var kind in Enum.GetValues<AnalogKind>())
        {
            var (train, test) = AnalogSpreadEvaluation.Periods(cases, kind, chooseTo);
            string name = AnalogSpreads.Name(kind);
            if (train.Length == 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | (no roll calls in {choosing}) | | | | | | | | | |");
                continue;
            }

            bootstraps.Add((name, ReportKind(text, rows, study, request.Seed, name, train, test, choosing, reporting)));
        }

        AppendScoresBySpread(text, cases, chooseTo, choosing, reporting);
        AppendBootstraps(text, bootstraps, choosing);
        return text.ToString();
    }

    /// <summary>
    /// One kind's choice: the spread chosen and its plausible range, every spread's mean scores, and the report lines
    /// of the chosen candidate, the best normal one and the baseline; returns the bootstrap of the normal spread.
    /// </summary>
    private static AnalogSpreadBootstrap.Result ReportKind(StringBuilder text, List<(string Protocol, string Model, string Metric, double Value, int? Year)> rows, AnalogSpreadStudy study, ulong seed, string name, AnalogCase[] train, AnalogCase[] test, string choosing, string reporting)
    {
        int chosen = BestCandidate(study, train, c => c.Implemented);
        int normal = BestCandidate(study, train, c => c.Family == "normal");
        int spread = AnalogSpreadEvaluation.Choose(train, Grid.Count);
        rows.Add((name, "stemsim", "spread_chosen", Grid[spread], null));
        var bootstrap = AnalogSpreadBootstrap.Run(train, Grid.Count, seed);
        rows.Add((name, "stemsim", "spread_plausible_low", Grid[bootstrap.Low], null));
        rows.Add((name, "stemsim", "spread_plausible_high", Grid[bootstrap.High], null));
        for (int s = 0; s < Grid.Count; s++)
        {
            rows.Add((name, string.Create(Invariant, $"spread_{Grid[s]:F2}"), "choosing_interval_score90", AnalogSpreadEvaluation.MeanScore(train, s), null));
            rows.Add((name, string.Create(Invariant, $"spread_{Grid[s]:F2}"), "reporting_interval_score90", AnalogSpreadEvaluation.MeanScore(test, s), null));
        }

        Line(text, rows, name, "stemsim", study.Candidates[chosen].Name, choosing, CandidateSummary(train, chosen), "choosing");
        Line(text, rows, name, "stemsim", study.Candidates[chosen].Name, reporting, CandidateSummary(test, chosen), "reporting");
        if (normal != chosen)
        {
            Line(text, rows, name, "stemsim", study.Candidates[normal].Name, reporting, CandidateSummary(test, normal), "reporting_normal");
        }

        Line(text, rows, name, "baseline", "", reporting, AnalogSpreadEvaluation.Baseline(train, test), "reporting");
        return bootstrap;
    }

    /// <summary>One line of the report's first table, and its figures as rows (the best normal shift as model stemsim_normal).</summary>
    private static void Line(StringBuilder text, List<(string Protocol, string Model, string Metric, double Value, int? Year)> rows, string kind, string model, string shift, string years, AnalogSpreadEvaluation.Summary summary, string tag)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {model} | {shift} | {years} | {summary.Cases} | {string.Join(" | ", summary.Coverage.Select(c => c.ToString("F3", Invariant)))} | {summary.MeanWidth:F1} | {summary.MeanIntervalScore:F1} |");
        string modelName = model == "stemsim" && tag == "reporting_normal" ? "stemsim_normal" : model;
        string prefix = tag.StartsWith("choosing", StringComparison.Ordinal) ? "choosing_" : "reporting_";
        for (int l = 0; l < AnalogSpreadStudy.Levels.Count; l++)
        {
            rows.Add((kind, modelName, string.Create(Invariant, $"{prefix}coverage{AnalogSpreadStudy.Levels[l] * 100:F0}"), summary.Coverage[l], null));
        }

        rows.Add((kind, modelName, prefix + "width90", summary.MeanWidth, null));
        rows.Add((kind, modelName, prefix + "interval_score90", summary.MeanIntervalScore, null));
        rows.Add((kind, modelName, prefix + "roll_calls", summary.Cases, null));
    }

    /// <summary>The mean 90% interval score of every spread of the grid per kind, on the choosing years (the reporting years in brackets).</summary>
    private static void AppendScoresBySpread(StringBuilder text, List<AnalogCase> cases, int chooseTo, string choosing, string reporting)
    {
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Mean 90% interval score by spread ({choosing}, which chose; {reporting} in brackets):");
        text.AppendLine();
        text.AppendLine("| spread | " + string.Join(" | ", Enum.GetValues<AnalogKind>().Select(AnalogSpreads.Name)) + " |");
        text.AppendLine("|---:|" + string.Concat(Enum.GetValues<AnalogKind>().Select(_ => "---:|")));
        for (int s = 0; s < Grid.Count; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Grid[s]:F2} |");
            foreach (var kind in Enum.GetValues<AnalogKind>())
            {
                var (train, test) = AnalogSpreadEvaluation.Periods(cases, kind, chooseTo);
                text.Append(CultureInfo.InvariantCulture, $" {AnalogSpreadEvaluation.MeanScore(train, s):F1} ({AnalogSpreadEvaluation.MeanScore(test, s):F1}) |");
            }

            text.AppendLine();
        }
    }

    /// <summary>The share of bootstrap resamples choosing each spread per kind, with the plausible range.</summary>
    private static void AppendBootstraps(StringBuilder text, List<(string Kind, AnalogSpreadBootstrap.Result Result)> bootstraps, string choosing)
    {
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Normal spread chosen on {AnalogSpreadBootstrap.Resamples:N0} bootstrap resamples of the {choosing} roll calls (share of resamples per spread; the plausible range holds the central {AnalogSpreadBootstrap.Level:P0} of the choices):");
        text.AppendLine();
        text.AppendLine("| kind | plausible range | " + string.Join(" | ", Grid.Select(g => g.ToString("F2", Invariant))) + " |");
        text.AppendLine("|---|---|" + string.Concat(Grid.Select(_ => "---:|")));
        foreach (var (kind, result) in bootstraps)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {Grid[result.Low]:F2}-{Grid[result.High]:F2} | {string.Join(" | ", result.Shares.Select(x => x.ToString("F3", Invariant)))} |");
        }
    }
}
