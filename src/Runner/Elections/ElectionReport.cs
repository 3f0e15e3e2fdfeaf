using System.Globalization;
using Spectre.Console;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Engine.Elections;

namespace StemSimulator.Runner.Elections;

/// <summary>
/// The console summary of a run's elections: per candidate P(elected) with its standard error, P(elected on the first
/// ballot), P(withdrew), and per seat group the number of ballots (median and 90% range); a note when the round cap
/// stopped any balloting.
/// </summary>
internal static class ElectionReport
{
    public static void Write(IAnsiConsole console, ElectionRunResult result, bool showVariant)
    {
        var table = CandidateTable(console, showVariant);
        var notes = new List<string>();
        foreach (var s in result.Elections)
        {
            for (int c = 0; c < s.Election.Candidates.Count; c++)
            {
                table.AddRow(CandidateCells(s, c, showVariant).Select(Markup.Escape).ToArray());
            }

            notes.AddRange(CapNotes(s));
        }

        console.Write(table);
        foreach (var note in notes)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
        }

        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Elections: {string.Join(", ", ElectionOutputs.Files)}"));
    }

    /// <summary>The empty table: one row per candidate of each election (and variant when shown).</summary>
    private static Table CandidateTable(IAnsiConsole console, bool showVariant)
    {
        var table = new Table().Border(TableBorders.For(console));
        if (showVariant)
        {
            table.AddColumn("variant");
        }

        table.AddColumn("election");
        table.AddColumn("body");
        table.AddColumn("seats");
        table.AddColumn("candidate");
        table.AddColumn(new TableColumn("P(elected)").RightAligned());
        table.AddColumn(new TableColumn("± s.e.").RightAligned());
        table.AddColumn(new TableColumn("1st ballot").RightAligned());
        table.AddColumn(new TableColumn("votes, 1st").RightAligned());
        table.AddColumn(new TableColumn("withdrew").RightAligned());
        table.AddColumn(new TableColumn("ballots: median (90%)").RightAligned());
        return table;
    }

    /// <summary>The cells of candidate <paramref name="c"/>'s row, in the order of <see cref="CandidateTable"/>'s columns.</summary>
    private static List<string> CandidateCells(ElectionStatistics s, int c, bool showVariant)
    {
        var invariant = CultureInfo.InvariantCulture;
        var e = s.Election;
        var candidate = e.Candidates[c];
        int g = candidate.SeatGroup;
        var group = e.SeatGroups[g];
        var cells = new List<string>();
        if (showVariant)
        {
            cells.Add(s.Variant);
        }

        cells.Add(e.Id);
        cells.Add(ElectionNames.Body(e));
        cells.Add(string.Create(invariant, $"{ElectionNames.Region(group.Region)} {group.Seats}"));
        cells.Add(candidate.Code + (candidate.IsCompromise ? " (compromise)" : string.Empty));
        cells.Add(s.PElected(c).ToString("0.000", invariant));
        cells.Add(s.PElectedStandardError(c).ToString("0.000", invariant));
        cells.Add(((double)s.Tally.ElectedFirstBallot[c] / s.Tally.Trials).ToString("0.000", invariant));
        cells.Add(ElectionTables.MeanVotes(s.Tally, g, c, 1).ToString("0.0", invariant));
        cells.Add(((double)s.Tally.Withdrew[c] / s.Tally.Trials).ToString("0.000", invariant));
        cells.Add(string.Create(invariant, $"{s.RoundsQuantile(g, 0.5)} ({s.RoundsQuantile(g, 0.05)}-{s.RoundsQuantile(g, 0.95)})"));
        return cells;
    }

    /// <summary>A note per seat group whose balloting the round cap stopped in some trials.</summary>
    private static IEnumerable<string> CapNotes(ElectionStatistics s)
    {
        var e = s.Election;
        for (int g = 0; g < e.SeatGroups.Count; g++)
        {
            if (s.Tally.Capped[g] > 0)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"note: {s.Variant}/{e.Id}/{ElectionNames.Region(e.SeatGroups[g].Region)}: the hard cap of {e.MaxRounds} ballots (max_rounds) stopped {s.Tally.Capped[g]:N0} of {s.Tally.Trials:N0} trials with seats unfilled; they count as not elected (column 'capped' in elections/)");
            }
        }
    }
}
