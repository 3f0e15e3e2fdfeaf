using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Output;
using StemSimulator.Scenarios.Document;

namespace StemSimulator.Runner.Running;

/// <summary>The console summary of a run: per vote, P(adopted) with its standard error and the 90% ranges of the counts.</summary>
internal static class RunReport
{
    public static void Write(IAnsiConsole console, ScenarioDocument document, string file, SimulationModel model, SimulationResult? result, string folder, double seconds)
    {
        var invariant = CultureInfo.InvariantCulture;
        console.MarkupLine(string.Create(invariant, $"[bold]{Markup.Escape(document.Scenario)}[/] ({Markup.Escape(file)}): {model.Trials:N0} trials, seed {model.Seed}"));
        if (!string.IsNullOrWhiteSpace(document.Description))
        {
            console.MarkupLine($"[grey]{Markup.Escape(document.Description.Trim())}[/]");
        }

        if (result is null)
        {
            // A scenario of elections only: the election report follows.
            console.MarkupLine(string.Create(invariant, $"Wrote [bold]{Markup.Escape(folder)}[/] ({seconds:0.00} s)"));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        bool variants = model.Variants.Count > 1;
        if (variants)
        {
            table.AddColumn("variant");
        }

        table.AddColumn("vote");
        table.AddColumn("body");
        table.AddColumn("rule");
        table.AddColumn(new TableColumn("P(adopted)").RightAligned());
        table.AddColumn(new TableColumn("± s.e.").RightAligned());
        table.AddColumn(new TableColumn("yes (90%)").RightAligned());
        table.AddColumn(new TableColumn("no (90%)").RightAligned());
        table.AddColumn(new TableColumn("abstain (90%)").RightAligned());
        table.AddColumn(new TableColumn("P(veto)").RightAligned());
        foreach (var s in result.Votes)
        {
            var cells = new List<string>();
            if (variants)
            {
                cells.Add(Markup.Escape(s.Variant));
            }

            cells.Add(Markup.Escape(s.Vote.Id));
            cells.Add(s.Vote.Body == Body.SecurityCouncil ? "SC" : "GA");
            cells.Add(SummaryTables.RuleName(s.Vote).Replace('_', ' '));
            cells.Add(s.PAdopted.ToString("0.000", invariant));
            cells.Add(s.PAdoptedStandardError.ToString("0.000", invariant));
            cells.Add(Range(s.YesHistogram));
            cells.Add(Range(s.NoHistogram));
            cells.Add(Range(s.AbstainHistogram));
            cells.Add(s.Vote.Body == Body.SecurityCouncil ? s.PVeto.ToString("0.000", invariant) : "-");
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        double rate = seconds > 0 ? result.Trials / seconds : double.NaN;
        console.MarkupLine(string.Create(invariant, $"Wrote [bold]{Markup.Escape(folder)}[/]: trials.parquet, summary.parquet, member_probabilities.parquet ({seconds:0.00} s, {rate:N0} trials/s)"));
    }

    private static string Range(long[] histogram) =>
        string.Create(CultureInfo.InvariantCulture, $"{VoteStatistics.Quantile(histogram, 0.05)}-{VoteStatistics.Quantile(histogram, 0.95)}");
}
