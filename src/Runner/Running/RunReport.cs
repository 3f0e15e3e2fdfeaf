using System.Globalization;
using Spectre.Console;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Running;

/// <summary>The console summary of a run: per vote, P(adopted) with its standard error and the 90% ranges of the counts.</summary>
internal static class RunReport
{
    /// <param name="console">Where to write.</param>
    /// <param name="headline">The run's name, file, trials and seed.</param>
    /// <param name="result">The votes' statistics; null for a run of elections only.</param>
    /// <param name="folder">The folder written.</param>
    /// <param name="seconds">Simulation time, or null (a merge).</param>
    /// <param name="statistics">The run's statistics, for the band over the analogs' spreads (none shown when null).</param>
    /// <param name="populationDrawn">The ids of the votes drawn from their analog's population, whose band ends are said as the population's shifts, not a spread; null when not known (a merge).</param>
    public static void Write(IAnsiConsole console, RunHeadline headline, SimulationResult? result, string folder, double? seconds, Output.RunStatistics? statistics = null, IReadOnlySet<string>? populationDrawn = null)
    {
        WriteHeadline(console, headline);
        if (result is null)
        {
            // A scenario of elections only: the election report follows.
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Wrote [bold]{Markup.Escape(folder)}[/] ({seconds ?? 0:0.00} s)"));
            return;
        }

        bool variants = result.Votes.Select(v => v.Variant).Distinct(StringComparer.Ordinal).Count() > 1;
        console.Write(VoteTable(console, result, variants));
        WriteGivenSentences(console, result, variants);
        WriteBand(console, result, statistics, variants, populationDrawn);
        WriteDeciders(console, result);
        WriteFilesWritten(console, result, folder, seconds);
    }

    /// <summary>The run's name, file, trials and seed, with its scope and description when it has them.</summary>
    private static void WriteHeadline(IAnsiConsole console, RunHeadline headline)
    {
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]{Markup.Escape(headline.Scenario)}[/] ({Markup.Escape(headline.File)}): {headline.Trials:N0} trials, seed {headline.Seed}"));
        if (headline.Scope is { } scope)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(scope)}[/]");
        }

        if (!string.IsNullOrWhiteSpace(headline.Description))
        {
            console.MarkupLine($"[grey]{Markup.Escape(headline.Description.Trim())}[/]");
        }
    }

    /// <summary>One row per vote (and variant): P(adopted), the counts' ranges, the veto, the paired difference and the chain columns where they apply.</summary>
    private static Table VoteTable(IAnsiConsole console, SimulationResult result, bool variants)
    {
        var table = new Table().Border(TableBorders.For(console));
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
            table.AddRow(VoteCells(result, s, variants, chains).ToArray());
        }

        return table;
    }

    /// <summary>The cells of one vote's row, in the order of <see cref="VoteTable"/>'s columns.</summary>
    private static List<string> VoteCells(SimulationResult result, VoteStatistics s, bool variants, bool chains)
    {
        var invariant = CultureInfo.InvariantCulture;
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

        return cells;
    }

    /// <summary>What the given votes fixed, one sentence per vote that has them.</summary>
    private static void WriteGivenSentences(IAnsiConsole console, SimulationResult result, bool variants)
    {
        foreach (var s in result.Votes)
        {
            if (GivenSummary.Sentence(s) is { } given)
            {
                console.MarkupLine($"[yellow]{Markup.Escape(variants ? $"{s.Variant}/{s.Vote.Id}" : s.Vote.Id)}: {Markup.Escape(given)}[/]");
            }
        }
    }

    /// <summary>The files written, with the simulation time and rate when it was timed.</summary>
    private static void WriteFilesWritten(IAnsiConsole console, SimulationResult result, string folder, double? seconds)
    {
        string timing = seconds is { } elapsed && elapsed > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({elapsed:0.00} s, {result.Trials / elapsed:N0} trials/s)")
            : string.Empty;
        string drift = result.Drift.Count > 0 ? ", drift.parquet, drift_adoption.parquet" : string.Empty;
        console.MarkupLine($"Wrote [bold]{Markup.Escape(folder)}[/]: trials, summary.parquet, member_probabilities.parquet, statistics.json{drift}{timing}");
    }

    /// <summary>P(adopted) at the ends of the analogs' plausible spreads, per vote that has them.</summary>
    private static void WriteBand(IAnsiConsole console, SimulationResult result, Output.RunStatistics? statistics, bool variants, IReadOnlySet<string>? populationDrawn)
    {
        var invariant = CultureInfo.InvariantCulture;
        foreach (var s in result.Votes)
        {
            if (Output.AdoptionBand.Of(statistics, s.Variant, s.Vote.Id, s.PAdopted) is { } band)
            {
                string name = variants ? $"{s.Variant}/{s.Vote.Id}" : s.Vote.Id;
                console.MarkupLine(Markup.Escape(string.Create(invariant,
                    $"{name}: P(adopted) {band.Lower:0.000}-{band.Upper:0.000} over the analog's plausible spread: {band.DescribeEnds(p => p.ToString("0.000", invariant), populationDrawn?.Contains(s.Vote.Id) == true)}")));
            }
        }
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
        var notes = new List<string>();
        foreach (var vote in baseline)
        {
            var members = Enumerable.Range(0, vote.Vote.Count)
                .Select(vote.Member)
                .Where(m => m.Swing > 0)
                .OrderByDescending(m => m.Swing)
                .ThenBy(m => m.Code, StringComparer.Ordinal)
                .Take(8)
                .ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            var top = members.Select(m => string.Create(invariant, $"{m.Code} {m.Swing:0.0000}±{Output.SwingNoise.StandardError(m.Swing, vote.HeldCount):0.0000} ({m.PYes:0.00})"));
            table.AddRow(Markup.Escape(vote.Vote.Id), string.Join("; ", top));
            int within = Output.SwingNoise.WithinNoiseOfTop(members.Select(m => m.Swing).ToArray(), vote.HeldCount);
            if (within > 0)
            {
                notes.Add($"{vote.Vote.Id}: the run cannot rank {members[0].Code} above {string.Join(", ", members.Skip(1).Take(within).Select(m => m.Code))}{(within == members.Length - 1 ? " (all shown)" : string.Empty)}: their swings differ by less than twice the Monte Carlo error of the difference, so another seed or trial count may list them in another order.");
            }
        }

        if (table.Rows.Count > 0)
        {
            console.Write(table);
            foreach (string note in notes)
            {
                console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
            }
        }
    }

    /// <summary>The 90% range of a count, or "-" for a vote never held.</summary>
    private static string Range(long[] histogram) => histogram.Sum() == 0 ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{VoteStatistics.Quantile(histogram, 0.05)}-{VoteStatistics.Quantile(histogram, 0.95)}");
}
