using System.Globalization;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Running;

/// <summary>
/// <c>stemsim run --format csv</c>: the run's summary as CSV on standard output, for spreadsheets and scripts. Like
/// <see cref="RunJson"/> it is read back from the file just written (summary.parquet; election_summary.parquet for a
/// scenario of elections only), same columns in the same order, so it always says what the table says. The
/// provenance is in the file's metadata and in <c>--json</c>, not in the CSV.
/// </summary>
internal static class RunCsv
{
    public static async Task<string> RenderAsync(string folder, CancellationToken cancellationToken)
    {
        string summary = Path.Combine(folder, "summary.parquet");
        string file = File.Exists(summary) ? summary : Path.Combine(folder, "election_summary.parquet");
        var table = await ParquetColumns.ReadAsync(file, cancellationToken).ConfigureAwait(false);
        var names = table.Names.ToArray();
        var rows = Enumerable.Range(0, table.RowCount)
            .Select(r => (IReadOnlyList<object?>)names.Select(name => Cell(table.Value(name, r))).ToArray())
            .ToArray();
        return new TextTable(names, rows).ToCsv();
    }

    private static object? Cell(object? value) => value switch
    {
        int i => (long)i,
        bool b => b ? "true" : "false",
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value,
    };
}
