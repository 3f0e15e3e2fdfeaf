using System.Globalization;

namespace StemSimulator.Runner.Reporting;

/// <summary>
/// The briefing's section for multi-year runs (drift.parquet, drift_adoption.parquet): the fan chart of the tracked
/// attraction centres, or of reference members when the baseline tracks only the Assembly's centre (median, 80% and
/// 90% bands of each position per year, baseline), where each starts and ends, the cohesion of the main blocs in the first and last year with votes, and P(adopted) by year with
/// its spread over the drifted Assemblies.
/// </summary>
internal static class DriftSection
{
    /// <summary>Members drawn when the baseline tracks no centre but the Assembly's: the two poles and three swing states.</summary>
    private static readonly string[] ReferenceMembers = ["USA", "CHN", "IND", "BRA", "ZAF"];

    /// <summary>Blocs whose cohesion the briefing quotes, when the run has them.</summary>
    private static readonly string[] QuotedBlocs = ["EU", "BRICS", "NAM", "AU", "G77", "OIC", "ASEAN"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static BriefingSection? Build(RunData run)
    {
        var baseline = run.Drift.Where(r => r.Variant == run.Baseline).ToArray();
        if (baseline.Length == 0)
        {
            return null;
        }

        int from = baseline.Min(r => r.Year), to = baseline.Max(r => r.Year);
        var blocks = new List<BriefingBlock>
        {
            new Paragraph(string.Create(Invariant,
                $"Positions drift year by year from {from} to {to} in every run (random walk, attraction and the scenario's dated events); the spread of the bands is the uncertainty that grows with the horizon. Positions are on the calibration's scale: mean 0 and standard deviation 1 across members, the United States' side positive.")),
        };

        var centres = baseline.Where(r => r.Kind == "centre").ToArray();
        if (centres.Any(r => r.Name != "ASSEMBLY"))
        {
            blocks.Add(ChartRenderer.DriftFan(centres, "Where the blocs drift", string.Create(Invariant,
                $"Attraction centres (a bloc's mean position that year, one member's position, or ASSEMBLY, the mean of all members), baseline: median line, 80% (dark) and 90% (light) bands over runs, {from}-{to}.")));
            blocks.Add(PositionTable("centre", centres, from, to));
        }
        else
        {
            var members = baseline.Where(r => r.Kind == "member" && ReferenceMembers.Contains(r.Name)).ToArray();
            if (members.Length > 0)
            {
                blocks.Add(ChartRenderer.DriftFan(members, "Where members drift", string.Create(Invariant,
                    $"The baseline tracks no bloc centre, so the chart follows the two poles and three swing states ({string.Join(", ", ReferenceMembers)}): median line, 80% (dark) and 90% (light) bands over runs, {from}-{to}. Every member's fan is in drift.parquet.")));
                blocks.Add(PositionTable("member", members, from, to));
            }
        }

        var cohesion = baseline.Where(r => r.Kind == "bloc" && !double.IsNaN(r.Cohesion) && QuotedBlocs.Contains(r.Name)).ToArray();
        if (cohesion.Length > 0)
        {
            int first = cohesion.Min(r => r.Year), last = cohesion.Max(r => r.Year);
            blocks.Add(new Paragraph(string.Create(Invariant,
                $"Bloc cohesion: the share of a bloc's members present that vote with the bloc's majority in the simulated Assembly votes of the year ({first} and {last}, baseline).")));
            blocks.Add(new BriefingTable(["bloc", $"cohesion {first}", $"cohesion {last}"], QuotedBlocs
                .Select(bloc => (First: cohesion.FirstOrDefault(r => r.Name == bloc && r.Year == first), Last: cohesion.FirstOrDefault(r => r.Name == bloc && r.Year == last)))
                .Where(pair => pair.First is not null || pair.Last is not null)
                .Select(pair => (IReadOnlyList<string>)[(pair.First ?? pair.Last)!.Name, Share(pair.First), Share(pair.Last)])
                .ToArray(), [false, true, true]));
        }

        if (run.AdoptionByYear.Select(r => r.Year).Distinct().Count() > 1)
        {
            blocks.Add(ChartRenderer.AdoptionFan(run.AdoptionByYear, run.Baseline,
                "P(adopted) of the Assembly votes by the year they are held, per variant (line; whisker: 95% Monte Carlo interval). The bands are each variant's spread over runs of P(adopted) given that run's drifted positions and shocks (p25-p75 darker, p05-p95 lighter): wide bands mean the outcome depends on where the Assembly drifts."));
        }

        return new BriefingSection("Drift over the years", blocks);
    }

    private static BriefingTable PositionTable(string label, IReadOnlyList<DriftRow> rows, int from, int to) =>
        new([label, $"median {from}", $"median {to}", $"90% range {to}", "change"], rows
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .Select(g => CentreRow(g.MinBy(r => r.Year)!, g.MaxBy(r => r.Year)!))
            .ToArray(), [false, true, true, true, true]);

    private static IReadOnlyList<string> CentreRow(DriftRow first, DriftRow last) =>
    [
        first.Name,
        string.Create(Invariant, $"{first.P50:0.00}"),
        string.Create(Invariant, $"{last.P50:0.00}"),
        string.Create(Invariant, $"{last.P05:0.00} to {last.P95:0.00}"),
        string.Create(Invariant, $"{last.P50 - first.P50:+0.00;-0.00;0.00}"),
    ];

    private static string Share(DriftRow? row) => row is null ? "-" : string.Create(Invariant, $"{row.Cohesion:0.00}");
}
