using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.DriftBacktesting;

/// <summary>Writes <c>drift_backtest.parquet</c>: one row per model, horizon and metric (<see cref="Description"/>).</summary>
internal static class DriftBacktestTable
{
    /// <summary><c>drift_backtest.parquet</c>, described once.</summary>
    public static TableDescription Description { get; } = new("drift_backtest.parquet",
    [
        new("model", ColumnType.String, false, "the drift model or baseline forecasting the positions"),
        new("horizon", ColumnType.Int32, true, "years after the origin, 1 and up; null for the figure over all horizons or one that has none", "years"),
        new("metric", ColumnType.String, false, "the forecast metric"),
        new("value", ColumnType.Double, false, "its value", "the metric's"),
    ]);

    /// <summary>The file name, <c>drift_backtest.parquet</c>.</summary>
    public static string FileName => Description.FileName;

    /// <summary>Writes <paramref name="rows"/> to <paramref name="stream"/>.</summary>
    public static Task WriteAsync(IReadOnlyList<(string Model, int? Horizon, string Metric, double Value)> rows, Stream stream, TableProvenance provenance, CancellationToken cancellationToken)
    {
        var data = Description.NewData()
            .Add("model", rows.Select(r => r.Model).ToArray())
            .Add("horizon", rows.Select(r => r.Horizon).ToArray())
            .Add("metric", rows.Select(r => r.Metric).ToArray())
            .Add("value", rows.Select(r => r.Value).ToArray());
        return TableWriter.WriteAsync(data, stream, provenance, cancellationToken);
    }
}
