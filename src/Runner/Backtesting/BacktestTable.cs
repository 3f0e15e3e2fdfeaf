using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Backtesting;

/// <summary>Writes <c>backtest.parquet</c>: one row per protocol, model, metric and test year (<see cref="Description"/>).</summary>
internal static class BacktestTable
{
    /// <summary><c>backtest.parquet</c>, described once.</summary>
    public static TableDescription Description { get; } = new("backtest.parquet",
    [
        new("protocol", ColumnType.String, false, "`recurring` or `new`"),
        new("model", ColumnType.String, false, "the model or baseline forecasting the roll calls"),
        new("metric", ColumnType.String, false, "the forecast metric"),
        new("value", ColumnType.Double, false, "its value", "the metric's"),
        new("test_year", ColumnType.Int32, true, "the test year; null for the figure over all test years", "year"),
    ]);

    /// <summary>The file name, <c>backtest.parquet</c>.</summary>
    public static string FileName => Description.FileName;

    /// <summary>Writes <paramref name="rows"/> to <paramref name="stream"/>.</summary>
    public static Task WriteAsync(IReadOnlyList<(string Protocol, string Model, string Metric, double Value, int? Year)> rows, Stream stream, TableProvenance provenance, CancellationToken cancellationToken)
    {
        var data = Description.NewData()
            .Add("protocol", rows.Select(r => r.Protocol).ToArray())
            .Add("model", rows.Select(r => r.Model).ToArray())
            .Add("metric", rows.Select(r => r.Metric).ToArray())
            .Add("value", rows.Select(r => r.Value).ToArray())
            .Add("test_year", rows.Select(r => r.Year).ToArray());
        return TableWriter.WriteAsync(data, stream, provenance, cancellationToken);
    }
}
