using Parquet.Schema;
using StemSimulator.Engine.Drift;

namespace StemSimulator.Runner.Output;

/// <summary>
/// Writes <c>drift.parquet</c>: per variant, year and member (kind <c>member</c>) or tracked bloc centre (kind
/// <c>centre</c>), the quantiles of the drifted position over trials: fan-chart data.
/// </summary>
internal static class DriftTable
{
    private static readonly string[] QuantileNames = ["p05", "p10", "p50", "p90", "p95"];

    public static async Task WriteAsync(IReadOnlyList<DriftStatistics> drift, IReadOnlyList<string> roster, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var rows = new List<(string Variant, int Year, string Kind, string Name, double P05, double P10, double P50, double P90, double P95)>();
        foreach (var statistics in drift)
        {
            for (int y = 0; y < statistics.Years; y++)
            {
                for (int i = 0; i < statistics.Members; i++)
                {
                    double p50 = statistics.MemberQuantile(y, i, 0.5);
                    if (double.IsNaN(p50))
                    {
                        continue;
                    }

                    rows.Add((statistics.Variant, statistics.FromYear + y, "member", roster[i],
                        statistics.MemberQuantile(y, i, 0.05), statistics.MemberQuantile(y, i, 0.10), p50,
                        statistics.MemberQuantile(y, i, 0.90), statistics.MemberQuantile(y, i, 0.95)));
                }

                for (int c = 0; c < statistics.CentreLabels.Count; c++)
                {
                    double p50 = statistics.CentreQuantile(y, c, 0.5);
                    if (double.IsNaN(p50))
                    {
                        continue;
                    }

                    rows.Add((statistics.Variant, statistics.FromYear + y, "centre", statistics.CentreLabels[c],
                        statistics.CentreQuantile(y, c, 0.05), statistics.CentreQuantile(y, c, 0.10), p50,
                        statistics.CentreQuantile(y, c, 0.90), statistics.CentreQuantile(y, c, 0.95)));
                }
            }
        }

        var variant = new DataField<string>("variant");
        var year = new DataField<int>("year");
        var kind = new DataField<string>("kind");
        var name = new DataField<string>("name");
        var quantiles = QuantileNames.Select(q => new DataField<double>($"position_{q}")).ToArray();
        var schema = new ParquetSchema([variant, year, kind, name, .. quantiles]);
        await using var writer = await ParquetFiles.CreateAsync(schema, stream, provenance, cancellationToken).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(variant, rows.Select(r => r.Variant).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(year, (ReadOnlyMemory<int>)rows.Select(r => r.Year).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(kind, rows.Select(r => r.Kind).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(name, rows.Select(r => r.Name).ToArray()).ConfigureAwait(false);
        Func<(string, int, string, string, double P05, double P10, double P50, double P90, double P95), double>[] pick =
            [r => r.P05, r => r.P10, r => r.P50, r => r.P90, r => r.P95];
        for (int q = 0; q < quantiles.Length; q++)
        {
            await group.WriteAsync(quantiles[q], (ReadOnlyMemory<double>)rows.Select(pick[q]).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
