using Parquet.Schema;
using Parquet;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;

namespace StemSimulator.Runner.Backtesting;

/// <summary>
/// Writes <c>backtest.parquet</c>: one row per protocol, model, metric and test year, columns <c>protocol</c>,
/// <c>model</c>, <c>metric</c>, <c>value</c> and <c>test_year</c> (null for the figure over all test years).
/// </summary>
internal static class BacktestTable
{
    public const string FileName = "backtest.parquet";

    public static async Task WriteAsync(IReadOnlyList<(string Protocol, string Model, string Metric, double Value, int? Year)> rows, Stream stream, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var protocol = new DataField<string>("protocol");
        var model = new DataField<string>("model");
        var metric = new DataField<string>("metric");
        var value = new DataField<double>("value");
        var year = new DataField<int?>("test_year");
        var schema = new ParquetSchema(protocol, model, metric, value, year);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, ParquetFiles.Options, false, cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = metadata;
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(protocol, rows.Select(r => r.Protocol).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(model, rows.Select(r => r.Model).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(metric, rows.Select(r => r.Metric).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(value, (ReadOnlyMemory<double>)rows.Select(r => r.Value).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(year, (ReadOnlyMemory<int?>)rows.Select(r => r.Year).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
    }
}
