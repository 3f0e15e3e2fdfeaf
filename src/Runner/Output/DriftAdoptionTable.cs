using StemSimulator.Engine.Drift;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Output;

/// <summary>
/// Writes <c>drift_adoption.parquet</c>, P(adopted) per year for fan charts: one row per variant and Assembly vote of a
/// multi-year scenario, with its year, P(adopted) and 95% Monte Carlo interval (as in summary.parquet), and the
/// quantiles over trials of the conditional probability of adoption given the trial's drifted positions and shocks
/// (<see cref="AdoptionFan"/>).
/// </summary>
internal static class DriftAdoptionTable
{
    public const string FileName = "drift_adoption.parquet";

    private static readonly double[] Levels = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];

    private static readonly string[] Names = ["p05", "p10", "p25", "p50", "p75", "p90", "p95"];

    public static async Task WriteAsync(IReadOnlyList<DriftStatistics> drift, IReadOnlyList<VoteStatistics> votes, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var rows = new List<(VoteStatistics Vote, AdoptionFan Fan, int Index)>();
        foreach (var statistics in drift)
        {
            var ofVariant = votes.Where(v => v.Variant == statistics.Variant).ToArray();
            for (int j = 0; j < statistics.Adoption.Votes && j < ofVariant.Length; j++)
            {
                if (statistics.Adoption.Held[j] > 0)
                {
                    rows.Add((ofVariant[j], statistics.Adoption, j));
                }
            }
        }

        var data = RunTables.DriftAdoption.NewData();
        data.Add("variant", rows.Select(r => r.Vote.Variant).ToArray());
        data.Add("vote_id", rows.Select(r => r.Vote.Vote.Id).ToArray());
        data.Add("year", rows.Select(r => r.Vote.Vote.Date.Year).ToArray());
        data.Add("date", rows.Select(r => r.Vote.Vote.Date).ToArray());
        data.Add("p_adopted", rows.Select(r => r.Vote.PAdopted).ToArray());
        data.Add("p_adopted_lo95", rows.Select(r => r.Vote.PAdoptedInterval95.Lower).ToArray());
        data.Add("p_adopted_hi95", rows.Select(r => r.Vote.PAdoptedInterval95.Upper).ToArray());
        data.Add("trials_held", rows.Select(r => r.Fan.Held[r.Index]).ToArray());
        for (int q = 0; q < Levels.Length; q++)
        {
            int k = q;
            data.Add($"p_conditional_{Names[q]}", rows.Select(r => r.Fan.Quantile(r.Index, Levels[k])).ToArray());
        }

        await TableWriter.WriteAsync(data, stream, provenance.ToTable(), cancellationToken).ConfigureAwait(false);
    }
}
