using System.Globalization;

namespace StemSimulator.Runner.Reporting;

/// <summary>
/// The briefing's section for multi-year runs: the fan chart of the tracked bloc centres (median and the
/// 80% and 90% bands of each centre's position per year, baseline variant), a table of where each centre starts and
/// ends, and, when the run votes in more than one year, P(adopted) per year and variant.
/// </summary>
internal static class DriftSection
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static BriefingSection? Build(RunData run)
    {
        var centres = run.Drift.Where(r => r.Kind == "centre" && r.Variant == run.Baseline).ToArray();
        if (centres.Length == 0)
        {
            return null;
        }

        int from = centres.Min(r => r.Year), to = centres.Max(r => r.Year);
        var blocks = new List<BriefingBlock>
        {
            new Paragraph(string.Create(Invariant,
                $"Positions drift year by year from {from} to {to} in every run (random walk, bloc attraction and the scenario's dated events); the spread of the bands is the uncertainty that grows with the horizon. Positions are on the calibration's scale: mean 0 and standard deviation 1 across members, the United States' side positive.")),
            ChartRenderer.DriftFan(centres, string.Create(Invariant,
                $"Bloc centres (mean position of the bloc's members that year), baseline: median line, 80% (dark) and 90% (light) bands over runs, {from}-{to}.")),
        };

        var rows = centres.GroupBy(r => r.Name, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.MinBy(r => r.Year)!;
                var last = g.MaxBy(r => r.Year)!;
                return (IReadOnlyList<string>)[
                    g.Key,
                    string.Create(Invariant, $"{first.P50:0.00}"),
                    string.Create(Invariant, $"{last.P50:0.00}"),
                    string.Create(Invariant, $"{last.P05:0.00} to {last.P95:0.00}"),
                    string.Create(Invariant, $"{last.P50 - first.P50:+0.00;-0.00;0.00}"),
                ];
            })
            .ToArray();
        blocks.Add(new BriefingTable(["centre", $"median {from}", $"median {to}", $"90% range {to}", "change"], rows, [false, true, true, true, true]));

        if (run.Summary.Select(r => r.Date.Year).Distinct().Count() > 1)
        {
            blocks.Add(ChartRenderer.AdoptionByYear(run.Summary, run.Baseline,
                "P(adopted) of the scenario's votes by the year they are held, per variant (whisker: 95% Monte Carlo interval); each vote uses that run's drifted positions, so the later years carry the drift's uncertainty."));
        }

        return new BriefingSection("Drift over the years", blocks);
    }
}
