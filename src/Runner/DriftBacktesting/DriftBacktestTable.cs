using Parquet.Schema;
using Parquet;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;

namespace StemSimulator.Runner.DriftBacktesting;

/// <summary>
/// Writes <c>drift_backtest.parquet</c>: one row per model, horizon and metric, columns <c>model</c>, <c>horizon</c>
/// (years after the origin, 1..; null for the figure over all horizons or one that has none) <c>metric</c> and
/// <c>value</c>.
/// </summary>
internal static class DriftBacktestTable
{
    public const string FileName = "drift_backtest.parquet";

    public static async Task WriteAsync(IReadOnlyList<(string Model, int? Horizon, string Metric, double Value)> rows, Stream stream, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var model = new DataField<string>("model");
        var horizon = new DataField<int?>("horizon");
        var metric = new DataField<string>("metric");
        var value = new DataField<double>("value");
        var schema = new ParquetSchema(model, horizon, metric, value);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, ParquetFiles.Options, false, cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = metadata;
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(model, rows.Select(r => r.Model).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(horizon, (ReadOnlyMemory<int?>)rows.Select(r => r.Horizon).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(metric, rows.Select(r => r.Metric).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(value, (ReadOnlyMemory<double>)rows.Select(r => r.Value).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
    }
}
