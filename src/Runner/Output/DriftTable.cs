using StemSimulator.Engine.Drift;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Output;

/// <summary>
/// Writes <c>drift.parquet</c>: per variant and year, one row per member (kind <c>member</c>: quantiles of its drifted
/// position over trials, and its agreement with the EU majority in that year's simulated Assembly votes), per tracked
/// attraction centre (kind <c>centre</c>: quantiles of the centre) and per bloc (kind <c>bloc</c>: its cohesion in that
/// year's simulated Assembly votes, <see cref="CohesionStatistics"/>): fan-chart data.
/// </summary>
internal static class DriftTable
{
    public const string FileName = "drift.parquet";

    private static readonly double[] Levels = [0.05, 0.10, 0.50, 0.90, 0.95];

    private static readonly string[] QuantileNames = ["p05", "p10", "p50", "p90", "p95"];

    public static async Task WriteAsync(IReadOnlyList<DriftStatistics> drift, IReadOnlyList<string> roster, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        foreach (var statistics in drift)
        {
            var cohesion = statistics.Cohesion;
            for (int y = 0; y < statistics.Years; y++)
            {
                int year = statistics.FromYear + y;
                for (int i = 0; i < statistics.Members; i++)
                {
                    if (double.IsNaN(statistics.MemberQuantile(y, i, 0.5)))
                    {
                        continue;
                    }

                    long compared = cohesion.Comparisons[(y * cohesion.Members) + i];
                    rows.Add(new Row(statistics.Variant, year, "member", roster[i], Levels.Select(q => (double?)statistics.MemberQuantile(y, i, q)).ToArray(),
                        null, compared == 0 ? null : cohesion.Agreement(y, i), compared == 0 ? null : compared));
                }

                for (int c = 0; c < statistics.CentreLabels.Count; c++)
                {
                    if (double.IsNaN(statistics.CentreQuantile(y, c, 0.5)))
                    {
                        continue;
                    }

                    rows.Add(new Row(statistics.Variant, year, "centre", statistics.CentreLabels[c], Levels.Select(q => (double?)statistics.CentreQuantile(y, c, q)).ToArray(), null, null, null));
                }

                for (int b = 0; b < statistics.BlocLabels.Count; b++)
                {
                    long counted = cohesion.Counted[(y * cohesion.Blocs) + b];
                    if (counted > 0)
                    {
                        rows.Add(new Row(statistics.Variant, year, "bloc", statistics.BlocLabels[b], new double?[Levels.Length], cohesion.Cohesion(y, b), null, counted));
                    }
                }
            }
        }

        var data = RunTables.Drift.NewData();
        data.Add("variant", rows.Select(r => r.Variant).ToArray());
        data.Add("year", rows.Select(r => r.Year).ToArray());
        data.Add("kind", rows.Select(r => r.Kind).ToArray());
        data.Add("name", rows.Select(r => r.Name).ToArray());
        for (int q = 0; q < Levels.Length; q++)
        {
            int k = q;
            data.Add($"position_{QuantileNames[q]}", rows.Select(r => r.Quantiles[k]).ToArray());
        }

        data.Add("cohesion", rows.Select(r => r.Cohesion).ToArray());
        data.Add("agreement_eu", rows.Select(r => r.AgreementEu).ToArray());
        data.Add("vote_trials", rows.Select(r => r.VoteTrials).ToArray());
        await TableWriter.WriteAsync(data, stream, provenance.ToTable(), cancellationToken).ConfigureAwait(false);
    }

    private sealed record Row(string Variant, int Year, string Kind, string Name, double?[] Quantiles, double? Cohesion, double? AgreementEu, long? VoteTrials);
}
