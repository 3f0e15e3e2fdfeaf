using System.Globalization;
using System.Text;
using StemSimulator.Engine.Council;
using StemSimulator.Engine.Randomness;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.CouncilBacktesting;

/// <summary>
/// <c>stemsim backtest --body sc</c>: a rolling-origin backtest of the Council record model
/// (<see cref="CouncilRecordModel"/>) and three baselines on every draft put to a vote in the test years (adopted
/// resolutions with recorded votes, and vetoed drafts). Each test year is forecast by models fitted on the drafts
/// before it. Writes OUTDIR/council_backtest.md and prints the same tables.
/// <list type="bullet">
/// <item><b>record model</b>: <see cref="CouncilRecordModel"/> with default <see cref="CouncilModelOptions"/>.</item>
/// <item><b>training veto rate</b>: P(veto by m) = m's share of vetoes among the training drafts (same years as
/// the model); P(fails) = the share of training drafts vetoed; counts: the training drafts' yes counts and the
/// Poisson-binomial number of vetoes.</item>
/// <item><b>Assembly positions</b>: the member probabilities of today's scenario model for a Council draft: each
/// member's calibrated Assembly position of the training end year (embedded calibration) with the analog the shipped
/// Council replays use, A/RES/68/182; P(no) = Phi((tau1 - beta theta) / sqrt(1 + (beta se)^2)), a permanent
/// member's no being its veto; shocks left out.</item>
/// <item><b>concerned-or-partner rule</b>: a permanent member vetoes (P = 1) when it or one of its partners (the
/// record model's partners of that fit) is concerned, else P = 0.</item>
/// </list>
/// </summary>
internal sealed class CouncilBacktestService(ConsoleStreams console)
{
    /// <summary>The Assembly analog of the Assembly-position baseline.</summary>
    public const string AssemblyAnalog = "A/RES/68/182";

    private static readonly string[] ModelNames = ["record model", "training veto rate", "Assembly positions", "concerned-or-partner rule"];

    /// <summary>Reports a <c>--body</c> that is neither GA nor SC; returns the exit code.</summary>
    public int RejectBody(string body)
    {
        console.Error.WriteLine($"error: --body takes GA or SC, not '{body}'");
        return ExitCodes.InvalidInput;
    }

    /// <summary>Runs the backtest; returns the exit code.</summary>
    public async Task<int> BacktestAsync(string dataDirectory, int trainUntil, int testFrom, int testTo, string outputFolder, bool force, bool quiet, CancellationToken cancellationToken)
    {
        string? problem = (dataDirectory, trainUntil, testFrom, testTo) switch
        {
            _ when !Directory.Exists(dataDirectory) => $"the data folder '{dataDirectory}' does not exist (expected ../shared/data/un)",
            _ when testFrom > testTo => $"--test-from {testFrom} is after --test-to {testTo}",
            _ when trainUntil >= testFrom => $"--train-until {trainUntil} must be before --test-from {testFrom}: the model may not see the test years",
            _ when outputFolder.Length == 0 => "--out is required (the folder for the Council backtest's tables)",
            _ when testFrom < 1991 || testTo > 2021 => "the Council record with members' votes covers 1990-2021: test years must lie in 1991-2021",
            _ => null,
        };
        if (problem is not null)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        IReadOnlyList<(DateOnly Date, string Symbol, CouncilDraft Draft)> record;
        try
        {
            record = await Task.Run(() => CouncilRecord.Load(dataDirectory), cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        var (folder, folderProblem) = RunFolder.Prepare(outputFolder, force);
        if (folder is null)
        {
            console.Error.WriteLine($"error: {folderProblem}");
            return ExitCodes.InvalidInput;
        }

        using (folder)
        {
            string markdown = Run(record, trainUntil, testFrom, testTo, ReferenceCatalog.Embedded, quiet ? null : console.Error);
            string command = $"stemsim backtest --body sc --data {dataDirectory} --train-until {trainUntil} --test-from {testFrom} --test-to {testTo} --out {outputFolder}";
            await File.WriteAllTextAsync(folder.PathOf("council_backtest.md"), $"`{command}`\n\n{markdown}", cancellationToken).ConfigureAwait(false);
            folder.Commit();
            if (!quiet)
            {
                console.Out.Profile.Out.Writer.Write(markdown);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Fits and scores every test year; returns the Markdown tables.</summary>
    internal static string Run(IReadOnlyList<(DateOnly Date, string Symbol, CouncilDraft Draft)> record, int trainUntil, int testFrom, int testTo, ReferenceCatalog catalog, TextWriter? progress)
    {
        var scores = ModelNames.ToDictionary(n => n, _ => new CouncilScores(), StringComparer.Ordinal);
        var analog = catalog.RollCalls.Find(AssemblyAnalog, out var analogProblem)
            ?? throw new InvalidOperationException($"{AssemblyAnalog}: {analogProblem}");
        var (options, selection) = SelectOptions(record, trainUntil);
        for (int year = testFrom; year <= testTo; year++)
        {
            int trainEnd = trainUntil + (year - testFrom);
            var training = record.Where(r => r.Draft.Year <= trainEnd).Select(r => r.Draft).ToList();
            var model = CouncilRecordModel.Fit(training, trainEnd, options);
            var window = training.Where(d => d.Year >= options.FirstYear).ToList();
            var rate = CouncilRecordModel.Permanent.Select(m => window.Average(d => d.Vetoers.Contains(m) ? 1.0 : 0.0)).ToArray();
            double failRate = window.Average(d => d.Vetoed ? 1.0 : 0.0);
            var adoptedYes = window.Where(d => d.Votes is not null).Select(d => d.Votes!.Values.Count(v => v == 'Y')).ToList();
            var yesHistogram = Enumerable.Range(0, 16).Select(k => adoptedYes.Count(y => y == k) / (double)adoptedYes.Count).ToArray();
            var test = record.Where(r => r.Draft.Year == year).ToList();
            foreach (var (date, symbol, draft) in test)
            {
                if (draft.Vetoed && progress is not null)
                {
                    var p = model.Predict(draft).VetoProbability;
                    var inv = CultureInfo.InvariantCulture;
                    var byVetoer = draft.Vetoers.Select(v => string.Create(inv, $"P(veto by {v}) = {p[CouncilRecordModel.Permanent.ToList().IndexOf(v)]:F2}"));
                    progress.WriteLine(string.Create(inv, $"    {date:yyyy-MM-dd} {symbol} on {string.Join(' ', draft.Concerns)}: ") + string.Join(", ", byVetoer));
                }

                int? actualYes = draft.Votes?.Values.Count(v => v == 'Y');
                var f = model.Predict(draft);
                scores["record model"].Add(new CouncilPrediction(f.FailProbability, f.VetoProbability, f.YesCount, f.VetoCount), draft.Vetoers, actualYes);
                scores["training veto rate"].Add(new CouncilPrediction(failRate, rate, yesHistogram, CouncilRecordModel.PoissonBinomial(rate)), draft.Vetoers, actualYes);
                scores["Assembly positions"].Add(AssemblyPositions(draft, catalog, trainEnd, analog), draft.Vetoers, actualYes);
                var rule = Enumerable.Range(0, 5).Select(m => draft.Concerns.Contains(CouncilRecordModel.Permanent[m]) || draft.Concerns.Any(model.Partners[m].Contains) ? 1.0 : 0.0).ToArray();
                scores["concerned-or-partner rule"].Add(new CouncilPrediction(rule.Max(), rule, null, CouncilRecordModel.PoissonBinomial(rule)), draft.Vetoers, actualYes);
            }

            progress?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {year}: trained to {trainEnd}, {test.Count} drafts ({test.Count(t => t.Draft.Vetoed)} vetoed); partners: {string.Join("; ", CouncilRecordModel.Permanent.Select((m, i) => $"{m} {string.Join(' ', model.Partners[i].Order(StringComparer.Ordinal))}"))}"));
        }

        return selection + "\n" + Markdown(scores) + "\n" + Alternatives(record, options, trainUntil, testFrom, testTo);
    }

    /// <summary>
    /// The test years' figures of the chosen options with each feature the validation did not choose switched on,
    /// for reference only: the choice stays the validation's.
    /// </summary>
    private static string Alternatives(IReadOnlyList<(DateOnly Date, string Symbol, CouncilDraft Draft)> record, CouncilModelOptions chosen, int trainUntil, int testFrom, int testTo)
    {
        var alternatives = new List<CouncilModelOptions> { chosen };
        foreach (var days in RecentDays)
        {
            foreach (var half in PartnerHalfLives)
            {
                var o = chosen with { RecentVetoDays = days, PartnerHalfLifeYears = half };
                if (!alternatives.Contains(o))
                {
                    alternatives.Add(o);
                }
            }
        }

        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("Test years with other options (for reference; not chosen unless marked):");
        sb.AppendLine();
        sb.AppendLine("| recent-veto window (days) | partner half-life | fails Brier | veto log loss | vetoer P>=0.5 | passed: mean P(any veto) |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var o in alternatives)
        {
            var s = new CouncilScores();
            for (int year = testFrom; year <= testTo; year++)
            {
                int trainEnd = trainUntil + (year - testFrom);
                var model = CouncilRecordModel.Fit(record.Where(r => r.Draft.Year <= trainEnd).Select(r => r.Draft), trainEnd, o);
                foreach (var (_, _, draft) in record.Where(r => r.Draft.Year == year))
                {
                    var f = model.Predict(draft);
                    s.Add(new CouncilPrediction(f.FailProbability, f.VetoProbability, null, null), draft.Vetoers, null);
                }
            }

            string mark = ReferenceEquals(o, chosen) ? " (chosen)" : string.Empty;
            sb.AppendLine(string.Create(inv, $"| {(o.RecentVetoDays == 0 ? "off" : o.RecentVetoDays)}{mark} | {(o.PartnerHalfLifeYears == 0 ? "same" : o.PartnerHalfLifeYears)} | {s.FailBrier:F3} | {s.VetoLogLoss(null):F3} | {s.VetoerHitRate:F3} | {s.PassedMeanAnyVeto:F3} |"));
        }

        return sb.ToString();
    }

    private static readonly double[] HalfLives = [4, 8, 16];
    private static readonly double[] Strengths = [1, 2, 5];
    private static readonly bool[] Splits = [false, true];
    private static readonly int[] RecentDays = [0, 365, 730];
    private static readonly double[] PartnerHalfLives = [0, 2];

    /// <summary>Validation years before the first test year on which the model's options are chosen.</summary>
    internal const int ValidationYears = 10;

    /// <summary>
    /// Chooses the record model's options on the training years only: each candidate is scored by a rolling-origin
    /// backtest on the <see cref="ValidationYears"/> years up to <paramref name="trainUntil"/> (each fitted on the years
    /// before it), and the one with the lowest Brier score of "fails" wins (ties: lower pooled veto log loss).
    /// </summary>
    internal static (CouncilModelOptions Options, string Table) SelectOptions(IReadOnlyList<(DateOnly Date, string Symbol, CouncilDraft Draft)> record, int trainUntil)
    {
        var candidates = (from half in HalfLives
                          from strength in Strengths
                          from split in Splits
                          from recent in RecentDays
                          from partnerHalf in PartnerHalfLives
                          select new CouncilModelOptions { HalfLifeYears = half, PriorStrength = strength, SplitRoutine = split, RecentVetoDays = recent, PartnerHalfLifeYears = partnerHalf }).ToArray();
        var results = new List<(CouncilModelOptions Options, double Brier, double VetoLogLoss)>();
        foreach (var o in candidates)
        {
            var s = new CouncilScores();
            for (int year = trainUntil - ValidationYears + 1; year <= trainUntil; year++)
            {
                var model = CouncilRecordModel.Fit(record.Where(r => r.Draft.Year < year).Select(r => r.Draft), year - 1, o);
                foreach (var (_, _, draft) in record.Where(r => r.Draft.Year == year))
                {
                    var f = model.Predict(draft);
                    s.Add(new CouncilPrediction(f.FailProbability, f.VetoProbability, null, null), draft.Vetoers, null);
                }
            }

            results.Add((o, s.FailBrier, s.VetoLogLoss(null)));
        }

        var best = results.OrderBy(r => Math.Round(r.Brier, 6)).ThenBy(r => r.VetoLogLoss).First();
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Model options chosen on the training years only (rolling origin over {trainUntil - ValidationYears + 1}-{trainUntil}, lowest Brier of \"fails\"): half-life {best.Options.HalfLifeYears} years, prior strength {best.Options.PriorStrength}, routine texts split: {(best.Options.SplitRoutine ? "yes" : "no")}, recent-veto window: {(best.Options.RecentVetoDays == 0 ? "off" : $"{best.Options.RecentVetoDays} days")}, partner half-life: {(best.Options.PartnerHalfLifeYears == 0 ? "the same" : $"{best.Options.PartnerHalfLifeYears} years")}."));
        sb.AppendLine();
        sb.AppendLine("| half-life | prior strength | routine split | recent-veto window (days) | partner half-life | validation fails Brier | validation veto log loss |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Options.HalfLifeYears} | {r.Options.PriorStrength} | {(r.Options.SplitRoutine ? "yes" : "no")} | {(r.Options.RecentVetoDays == 0 ? "off" : r.Options.RecentVetoDays)} | {(r.Options.PartnerHalfLifeYears == 0 ? "same" : r.Options.PartnerHalfLifeYears)} | {r.Brier:F4} | {r.VetoLogLoss:F4} |"));
        }

        return (best.Options, sb.ToString());
    }

    private static CouncilPrediction AssemblyPositions(CouncilDraft draft, ReferenceCatalog catalog, int trainEnd, AnalogRollCall analog)
    {
        (double No, double Yes) Member(string code)
        {
            var position = catalog.Calibration.Find(code, trainEnd);
            double theta = position?.Theta ?? 0, se = position?.ThetaStandardError ?? 1;
            double scale = Math.Sqrt(1 + (analog.Beta * se * analog.Beta * se));
            double no = StandardNormal.Cdf((analog.Tau1 - (analog.Beta * theta)) / scale);
            double yes = 1 - StandardNormal.Cdf((analog.Tau2 - (analog.Beta * theta)) / scale);
            return (no, yes);
        }

        var permanent = CouncilRecordModel.Permanent.Select(Member).ToArray();
        var veto = permanent.Select(p => p.No).ToArray();
        var yesGivenNoVeto = permanent.Select(p => p.Yes / Math.Max(1e-12, 1 - p.No)).Concat(draft.Elected.Select(e => Member(e).Yes)).ToArray();
        var yes = CouncilRecordModel.PoissonBinomial(yesGivenNoVeto);
        double pass = veto.Aggregate(1.0, (a, v) => a * (1 - v)) * yes.Skip(9).Sum();
        return new CouncilPrediction(1 - pass, veto, yes, CouncilRecordModel.PoissonBinomial(veto));
    }

    private static string Markdown(Dictionary<string, CouncilScores> scores)
    {
        var inv = CultureInfo.InvariantCulture;
        static string F(double x) => double.IsNaN(x) ? "n/a" : x.ToString("F3", CultureInfo.InvariantCulture);
        var first = scores.Values.First();
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(inv, $"{first.Drafts} drafts put to a vote ({first.VetoesCast} vetoes cast). Log losses clip probabilities to [{CouncilScores.Epsilon}, 1 - {CouncilScores.Epsilon}]."));
        sb.AppendLine();
        sb.AppendLine("| model | fails Brier | fails log loss | fails ECE | veto Brier | veto log loss | veto ECE | vetoer P>=0.5 | passed: mean P(any veto) | passed: mean P(veto by m) | yes count 90% coverage | veto count 90% coverage |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, s) in scores)
        {
            sb.AppendLine($"| {name} | {F(s.FailBrier)} | {F(s.FailLogLoss)} | {F(s.FailEce)} | {F(s.VetoBrier(null))} | {F(s.VetoLogLoss(null))} | {F(s.VetoEce)} | {F(s.VetoerHitRate)} | {F(s.PassedMeanAnyVeto)} | {F(s.PassedMeanMemberVeto)} | {F(s.YesCountCoverage)} | {F(s.VetoCountCoverage)} |");
        }

        sb.AppendLine();
        sb.AppendLine("\"Vetoed by m\", per permanent member (Brier / log loss):");
        sb.AppendLine();
        sb.AppendLine("| model | " + string.Join(" | ", CouncilRecordModel.Permanent) + " |");
        sb.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", 5)));
        foreach (var (name, s) in scores)
        {
            sb.AppendLine($"| {name} | " + string.Join(" | ", Enumerable.Range(0, 5).Select(m => $"{F(s.VetoBrier(m))} / {F(s.VetoLogLoss(m))}")) + " |");
        }

        return sb.ToString();
    }
}
