using System.Globalization;
using Spectre.Console;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Running;

/// <summary>The console summary of a run: per vote, P(adopted) with its standard error and the 90% ranges of the counts.</summary>
internal static class RunReport
{
    public static void Write(IAnsiConsole console, RunHeadline headline, SimulationResult? result, string folder, double? seconds)
    {
        var invariant = CultureInfo.InvariantCulture;
        console.MarkupLine(string.Create(invariant, $"[bold]{Markup.Escape(headline.Scenario)}[/] ({Markup.Escape(headline.File)}): {headline.Trials:N0} trials, seed {headline.Seed}"));
        if (headline.Scope is { } scope)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(scope)}[/]");
        }

        if (!string.IsNullOrWhiteSpace(headline.Description))
        {
            console.MarkupLine($"[grey]{Markup.Escape(headline.Description.Trim())}[/]");
        }

        if (result is null)
        {
            // A scenario of elections only: the election report follows.
            console.MarkupLine(string.Create(invariant, $"Wrote [bold]{Markup.Escape(folder)}[/] ({seconds ?? 0:0.00} s)"));
            return;
        }

        var table = new Table().Border(TableBorders.For(console));
        bool variants = result.Votes.Select(v => v.Variant).Distinct(StringComparer.Ordinal).Count() > 1;
        if (variants)
        {
            table.AddColumn("variant");
        }

        table.AddColumn("vote");
        table.AddColumn("rule");
        table.AddColumn(new TableColumn("P(adopted)").RightAligned());
        table.AddColumn(new TableColumn("± s.e.").RightAligned());
        table.AddColumn(new TableColumn("yes (90%)").RightAligned());
        table.AddColumn(new TableColumn("no (90%)").RightAligned());
        table.AddColumn(new TableColumn("abst. (90%)").RightAligned());
        table.AddColumn(new TableColumn("P(veto)").RightAligned());
        if (variants)
        {
            table.AddColumn(new TableColumn("Δ baseline").RightAligned());
            table.AddColumn(new TableColumn("± se paired (unpaired)").RightAligned());
        }

        bool chains = result.Votes.Any(v => v.Vote.Paths.Count > 0);
        if (chains)
        {
            table.AddColumn(new TableColumn("P(held)").RightAligned());
            table.AddColumn(new TableColumn("P(adopt. | held)").RightAligned());
        }
        foreach (var s in result.Votes)
        {
            var cells = new List<string>();
            if (variants)
            {
                cells.Add(Markup.Escape(s.Variant));
            }

            cells.Add(Markup.Escape(s.Vote.Id));
            cells.Add(s.Vote.Body.Code() + " " + s.Vote.RuleName.Replace('_', ' '));
            cells.Add(s.PAdopted.ToString("0.000", invariant));
            cells.Add(s.PAdoptedStandardError.ToString("0.000", invariant));
            cells.Add(Range(s.YesHistogram));
            cells.Add(Range(s.NoHistogram));
            cells.Add(Range(s.AbstainHistogram));
            cells.Add(s.Vote.Body == Body.SecurityCouncil ? s.PVeto.ToString("0.000", invariant) : "-");
            if (variants)
            {
                var baseline = result.Votes.First(b => b.Vote.Id == s.Vote.Id);
                double unpaired = Math.Sqrt((s.PAdoptedStandardError * s.PAdoptedStandardError) + (baseline.PAdoptedStandardError * baseline.PAdoptedStandardError));
                cells.Add(s.HasPairedDifference ? s.DifferenceFromBaseline.ToString("+0.000;-0.000;0.000", invariant) : "-");
                cells.Add(s.HasPairedDifference ? string.Create(invariant, $"{s.DifferenceStandardErrorPaired:0.0000} ({unpaired:0.0000})") : "-");
            }

            if (chains)
            {
                cells.Add(s.PHeld.ToString("0.000", invariant));
                cells.Add(s.HeldCount == 0 ? "-" : s.PAdoptedGivenHeld.ToString("0.000", invariant));
            }
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        foreach (var s in result.Votes)
        {
            if (GivenSummary.Sentence(s) is { } given)
            {
                console.MarkupLine($"[yellow]{Markup.Escape(variants ? $"{s.Variant}/{s.Vote.Id}" : s.Vote.Id)}: {Markup.Escape(given)}[/]");
            }
        }

        WriteDeciders(console, result);
        string timing = seconds is { } elapsed && elapsed > 0
            ? string.Create(invariant, $" ({elapsed:0.00} s, {result.Trials / elapsed:N0} trials/s)")
            : string.Empty;
        string drift = result.Drift.Count > 0 ? ", drift.parquet, drift_adoption.parquet" : string.Empty;
        console.MarkupLine($"Wrote [bold]{Markup.Escape(folder)}[/]: trials, summary.parquet, member_probabilities.parquet, statistics.json{drift}{timing}");
    }

    /// <summary>
    /// Who decides it: for each baseline vote, the members whose vote most often decides the outcome (swing), with
    /// how they are likely to vote. Those are the ones worth talking to.
    /// </summary>
    private static void WriteDeciders(IAnsiConsole console, SimulationResult result)
    {
        var invariant = CultureInfo.InvariantCulture;
        var baseline = result.Votes.Where(v => v.Variant == result.Votes[0].Variant && v.HeldCount > 0).ToArray();
        var table = new Table().Border(TableBorders.For(console)).Title("Who decides it (baseline): swing = P(adopted | votes yes) - P(adopted | votes no), ± its Monte Carlo s.e.");
        table.AddColumn("vote");
        table.AddColumn("members with the largest swing: swing (P(yes))");
        bool any = false;
        foreach (var vote in baseline)
        {
            var top = Enumerable.Range(0, vote.Vote.Count)
                .Select(vote.Member)
                .Where(m => m.Swing > 0)
                .OrderByDescending(m => m.Swing)
                .ThenBy(m => m.Code, StringComparer.Ordinal)
                .Take(8)
                .Select(m => string.Create(invariant, $"{m.Code} {m.Swing:0.000}±{Math.Sqrt(m.Swing * (1 - m.Swing) / vote.HeldCount):0.000} ({m.PYes:0.00})"))
                .ToArray();
            if (top.Length > 0)
            {
                any = true;
                table.AddRow(Markup.Escape(vote.Vote.Id), string.Join("; ", top));
            }
        }

        if (any)
        {
            console.Write(table);
        }
    }

    /// <summary>The 90% range of a count, or "-" for a vote never held.</summary>
    private static string Range(long[] histogram) => histogram.Sum() == 0 ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{VoteStatistics.Quantile(histogram, 0.05)}-{VoteStatistics.Quantile(histogram, 0.95)}");
}
