using System.Globalization;
using System.Text;
using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;

namespace StemSimulator.Runner.Backtesting;

/// <summary>
/// The report of <c>stemsim backtest --analog-kinds --reveal</c>: per revealed member, kind (and all kinds) and way
/// (given, fixed, unknown) the others' log loss, Brier score and accuracy and the yes count's ranges; the weights'
/// mean likelihood and effective sample share; per year which way did better; and the shipped shapes' ranges with
/// nobody revealed, to compare with the study's table.
/// </summary>
internal static class AnalogRevealReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>given, fixed, unknown.</summary>
    public static IReadOnlyList<string> Ways { get; } = ["given", "fixed", "unknown"];

    /// <summary>One way's figures over a set of cases.</summary>
    /// <param name="Cases">Roll calls (with analogs) scored.</param>
    /// <param name="Votes">The others' present votes scored.</param>
    /// <param name="LogLoss">Mean log loss of the others' votes given presence.</param>
    /// <param name="Brier">Mean multi-class Brier score.</param>
    /// <param name="Accuracy">Share of votes whose most probable class was recorded.</param>
    /// <param name="Coverage80">Share of yes counts in the 80% range.</param>
    /// <param name="Coverage90">Share of yes counts in the 90% range.</param>
    /// <param name="Width90">Mean width of the 90% range.</param>
    /// <param name="Score90">Mean 90% interval score.</param>
    public sealed record Summary(int Cases, long Votes, double LogLoss, double Brier, double Accuracy, double Coverage80, double Coverage90, double Width90, double Score90);

    /// <summary>Builds the Markdown and adds the figures to <paramref name="rows"/>.</summary>
    public static string Build(AnalogSpreadRequest request, IReadOnlyList<AnalogRevealCase> cases, IReadOnlyList<AnalogCase> shipped, List<(string Protocol, string Model, string Metric, double Value, int? Year)> rows)
    {
        var text = new StringBuilder();
        string years = $"{request.ChooseTo + 1}-{request.TestTo}";
        text.AppendLine(CultureInfo.InvariantCulture, $"Conditioning on a revealed vote, every whole-text roll call of {years} forecast from an analog of each kind with the kind's shipped shape ({request.Trials:N0} trials; nothing chosen). The others' present votes and the yes count (the revealed member's vote included) scored three ways: given (trials weighed by the revealed vote's likelihood, as given: conditions), fixed (its vote set, the others unchanged, as vote: does), unknown.");
        text.AppendLine();
        text.AppendLine("| revealed | kind | way | roll calls | votes | log loss | Brier | accuracy | coverage80 | coverage90 | width90 | interval score90 |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var groups = Groups(cases).ToArray();
        foreach (var (member, kind, set) in groups)
        {
            foreach (string way in Ways)
            {
                var s = Summarise(set, way);
                text.AppendLine(CultureInfo.InvariantCulture, $"| {member} | {kind} | {way} | {s.Cases} | {s.Votes:N0} | {s.LogLoss:F4} | {s.Brier:F4} | {s.Accuracy:F4} | {s.Coverage80:F3} | {s.Coverage90:F3} | {s.Width90:F1} | {s.Score90:F2} |");
                AddRows(rows, $"reveal_{member.ToLowerInvariant()}_{kind}", way, s, null);
                foreach (int year in set.Select(c => c.Year).Distinct().Order())
                {
                    AddRows(rows, $"reveal_{member.ToLowerInvariant()}_{kind}", way, Summarise(set.Where(c => c.Year == year).ToArray(), way), year);
                }
            }
        }

        AppendWeightsAndYears(text, rows, groups);
        AppendByVote(text, rows, groups.Where(g => g.Kind != "all").ToArray());
        AppendYears(text, groups.Where(g => g.Kind == "all").ToArray());
        AppendShipped(text, shipped);
        return text.ToString();
    }

    /// <summary>Per member: each kind's cases, then all kinds together.</summary>
    private static IEnumerable<(string Member, string Kind, AnalogRevealCase[] Cases)> Groups(IReadOnlyList<AnalogRevealCase> cases)
    {
        foreach (string member in cases.Select(c => c.Member).Distinct())
        {
            var mine = cases.Where(c => c.Member == member).ToArray();
            foreach (var kind in Enum.GetValues<AnalogKind>())
            {
                var set = mine.Where(c => c.Kind == kind).ToArray();
                if (set.Length > 0)
                {
                    yield return (member, AnalogSpreads.Name(kind), set);
                }
            }

            yield return (member, "all", mine);
        }
    }

    /// <summary>One way's figures over <paramref name="cases"/>.</summary>
    public static Summary Summarise(IReadOnlyList<AnalogRevealCase> cases, string way)
    {
        var metrics = new ForecastMetrics();
        foreach (var c in cases)
        {
            var probabilities = way == "given" ? c.Given : c.Unknown;
            for (int i = 0; i < c.Recorded.Length; i++)
            {
                metrics.Add(probabilities[i].No, probabilities[i].Abstain, probabilities[i].Yes, c.Recorded[i]);
            }
        }

        var ranges = cases.Select(c => (c.Actual, Ranges: RangesOf(c, way))).ToArray();
        int l80 = LevelIndex(0.8), l90 = LevelIndex(0.9);
        return new Summary(
            cases.Count, metrics.Count, metrics.LogLoss, metrics.Brier, metrics.Accuracy,
            ranges.Average(r => r.Ranges[l80].Covers(r.Actual) ? 1.0 : 0),
            ranges.Average(r => r.Ranges[l90].Covers(r.Actual) ? 1.0 : 0),
            ranges.Average(r => r.Ranges[l90].Width),
            ranges.Average(r => r.Ranges[l90].Score(r.Actual, 0.9)));
    }

    private static CountInterval[] RangesOf(AnalogRevealCase c, string way) => way switch
    {
        "given" => c.GivenRanges,
        "fixed" => c.FixedRanges,
        "unknown" => c.UnknownRanges,
        _ => throw new ArgumentOutOfRangeException(nameof(way), way, "Not a way of the reveal."),
    };

    private static int LevelIndex(double level)
    {
        for (int l = 0; l < AnalogSpreadStudy.Levels.Count; l++)
        {
            if (Math.Abs(AnalogSpreadStudy.Levels[l] - level) < 1e-12)
            {
                return l;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(level), level, "Not a level of the study.");
    }

    private static void AddRows(List<(string Protocol, string Model, string Metric, double Value, int? Year)> rows, string protocol, string way, Summary s, int? year)
    {
        rows.Add((protocol, way, "roll_calls", s.Cases, year));
        rows.Add((protocol, way, "votes", s.Votes, year));
        rows.Add((protocol, way, "log_loss", s.LogLoss, year));
        rows.Add((protocol, way, "brier", s.Brier, year));
        rows.Add((protocol, way, "accuracy", s.Accuracy, year));
        rows.Add((protocol, way, "coverage80", s.Coverage80, year));
        rows.Add((protocol, way, "coverage90", s.Coverage90, year));
        rows.Add((protocol, way, "width90", s.Width90, year));
        rows.Add((protocol, way, "interval_score90", s.Score90, year));
    }

    /// <summary>The weights' mean likelihood and effective share, and how many years given and fixed beat unknown.</summary>
    private static void AppendWeightsAndYears(StringBuilder text, List<(string Protocol, string Model, string Metric, double Value, int? Year)> rows, (string Member, string Kind, AnalogRevealCase[] Cases)[] groups)
    {
        text.AppendLine();
        text.AppendLine("Weights (mean over roll calls of the revealed vote's mean likelihood, the acceptance rate a run would report, and of the effective sample share) and years in which given did better / worse than unknown (log loss; 90% interval score), and fixed than unknown (score):");
        text.AppendLine();
        text.AppendLine("| revealed | kind | mean likelihood | effective share | min effective share | years given better/worse, log loss | given better/worse, score90 | fixed better/worse, score90 |");
        text.AppendLine("|---|---|---:|---:|---:|---|---|---|");
        foreach (var (member, kind, set) in groups)
        {
            double likelihood = set.Average(c => c.MeanLikelihood), share = set.Average(c => c.EffectiveShare);
            rows.Add(($"reveal_{member.ToLowerInvariant()}_{kind}", "given", "mean_likelihood", likelihood, null));
            rows.Add(($"reveal_{member.ToLowerInvariant()}_{kind}", "given", "effective_sample_share", share, null));
            var byYear = set.GroupBy(c => c.Year).Select(g => (Given: Summarise(g.ToArray(), "given"), Fixed: Summarise(g.ToArray(), "fixed"), Unknown: Summarise(g.ToArray(), "unknown"))).ToArray();
            text.AppendLine(CultureInfo.InvariantCulture, $"| {member} | {kind} | {likelihood:F3} | {share:F3} | {set.Min(c => c.EffectiveShare):F3} | {Tally(byYear.Select(y => y.Given.LogLoss - y.Unknown.LogLoss))} | {Tally(byYear.Select(y => y.Given.Score90 - y.Unknown.Score90))} | {Tally(byYear.Select(y => y.Fixed.Score90 - y.Unknown.Score90))} |");
        }
    }

    /// <summary>"b/w" of differences: b below 0 (better), w above (worse); ties count in neither.</summary>
    private static string Tally(IEnumerable<double> differences)
    {
        var d = differences.ToArray();
        return string.Create(Invariant, $"{d.Count(x => x < 0)}/{d.Count(x => x > 0)}");
    }

    /// <summary>Per kind and the revealed member's own vote: the log loss and the 90% interval score three ways.</summary>
    private static void AppendByVote(StringBuilder text, List<(string Protocol, string Model, string Metric, double Value, int? Year)> rows, (string Member, string Kind, AnalogRevealCase[] Cases)[] groups)
    {
        text.AppendLine();
        text.AppendLine("By the revealed member's own recorded vote (log loss given / unknown; 90% interval score given / fixed / unknown; mean likelihood of the revealed vote):");
        text.AppendLine();
        text.AppendLine("| revealed | kind | its vote | roll calls | log loss given | log loss unknown | score90 given | score90 fixed | score90 unknown | mean likelihood |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (member, kind, set) in groups)
        {
            foreach (var vote in set.GroupBy(c => c.Vote).OrderByDescending(g => g.Key))
            {
                var cases = vote.ToArray();
                var (g, f, u) = (Summarise(cases, "given"), Summarise(cases, "fixed"), Summarise(cases, "unknown"));
                string name = vote.Key.ToString().ToLowerInvariant();
                text.AppendLine(CultureInfo.InvariantCulture, $"| {member} | {kind} | {name} | {g.Cases} | {g.LogLoss:F4} | {u.LogLoss:F4} | {g.Score90:F2} | {f.Score90:F2} | {u.Score90:F2} | {cases.Average(c => c.MeanLikelihood):F3} |");
                foreach (var (way, s) in new[] { ("given", g), ("fixed", f), ("unknown", u) })
                {
                    AddRows(rows, $"reveal_{member.ToLowerInvariant()}_{kind}_{name}", way, s, null);
                }
            }
        }
    }

    /// <summary>Per year, all kinds: the log loss and the 90% interval score three ways.</summary>
    private static void AppendYears(StringBuilder text, (string Member, string Kind, AnalogRevealCase[] Cases)[] groups)
    {
        text.AppendLine();
        text.AppendLine("Per year, all kinds (log loss given / unknown; 90% interval score given / fixed / unknown):");
        text.AppendLine();
        text.AppendLine("| revealed | year | roll calls | log loss given | log loss unknown | score90 given | score90 fixed | score90 unknown |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (member, _, set) in groups)
        {
            foreach (var year in set.GroupBy(c => c.Year).OrderBy(g => g.Key))
            {
                var cases = year.ToArray();
                var (g, f, u) = (Summarise(cases, "given"), Summarise(cases, "fixed"), Summarise(cases, "unknown"));
                text.AppendLine(CultureInfo.InvariantCulture, $"| {member} | {year.Key} | {g.Cases} | {g.LogLoss:F4} | {u.LogLoss:F4} | {g.Score90:F2} | {f.Score90:F2} | {u.Score90:F2} |");
            }
        }
    }

    /// <summary>The shipped shapes' ranges with nobody revealed, every roll call of each kind (the study's reporting rows).</summary>
    private static void AppendShipped(StringBuilder text, IReadOnlyList<AnalogCase> shipped)
    {
        text.AppendLine();
        text.AppendLine("The shipped shapes with nobody revealed, every roll call (as the study's table reports them):");
        text.AppendLine();
        text.AppendLine("| kind | roll calls | coverage50 | coverage80 | coverage90 | coverage95 | mean width90 | mean interval score90 |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in Enum.GetValues<AnalogKind>())
        {
            var set = AnalogSpreadEvaluation.OfKind(shipped, kind);
            if (set.Length > 0)
            {
                var s = AnalogSpreadEvaluation.Model(set, 0);
                text.AppendLine(CultureInfo.InvariantCulture, $"| {AnalogSpreads.Name(kind)} | {s.Cases} | {string.Join(" | ", s.Coverage.Select(c => c.ToString("F3", Invariant)))} | {s.MeanWidth:F1} | {s.MeanIntervalScore:F1} |");
            }
        }
    }
}
