using Parquet.Schema;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// An output table described once: its file name and columns. The writers (<see cref="TableWriter"/>, the trial
/// sinks) take their schema from it, docs/outputs.md is checked against it, and <c>merge</c> knows from it which
/// files a run writes.
/// </summary>
internal sealed class TableDescription
{
    /// <summary>Creates a description.</summary>
    /// <param name="fileName">File name in the run folder, e.g. <c>summary.parquet</c>.</param>
    /// <param name="columns">Columns in file order; names unique.</param>
    public TableDescription(string fileName, IReadOnlyList<OutputColumn> columns)
    {
        FileName = fileName;
        Columns = columns;
        var duplicate = columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"{fileName}: column {duplicate.Key} described twice", nameof(columns));
        }

        Schema = new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray());
    }

    /// <summary>File name, e.g. <c>summary.parquet</c>.</summary>
    public string FileName { get; }

    /// <summary>Columns in file order.</summary>
    public IReadOnlyList<OutputColumn> Columns { get; }

    /// <summary>The Parquet schema.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>The Parquet field of column <paramref name="name"/>, typed; throws when there is no such column or it has another type.</summary>
    public DataField<T> Field<T>(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)?.Field as DataField<T>
        ?? throw new InvalidOperationException($"{FileName} has no column {name} of type {typeof(T).Name}");

    /// <summary>
    /// Where a table of one row per trial lies in a run folder: <see cref="FileName"/> for a whole run, and
    /// <c>stem/shard=K/part-0.parquet</c> for shard K of a sharded run (which DuckDB and Spark read as one table).
    /// </summary>
    public string ShardPath(int shard, int shardCount) => shardCount == 1
        ? FileName
        : Path.Combine(Path.GetFileNameWithoutExtension(FileName), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"shard={shard}"), "part-0.parquet");

    /// <summary>
    /// The table's rows in docs/outputs.md: "| column | type | meaning | unit |", consecutive columns of the same type,
    /// meaning and unit in one row (e.g. <c>yes_p05</c>, <c>yes_p50</c>, <c>yes_p95</c>).
    /// </summary>
    public IReadOnlyList<string> MarkdownRows()
    {
        var rows = new List<string>();
        for (int c = 0; c < Columns.Count;)
        {
            var column = Columns[c];
            int end = c + 1;
            while (end < Columns.Count && Columns[end].TypeName == column.TypeName && Columns[end].Doc == column.Doc && Columns[end].Unit == column.Unit)
            {
                end++;
            }

            string names = string.Join(", ", Columns.Skip(c).Take(end - c).Select(x => $"`{x.Name}`"));
            string unit = column.Unit.Length == 0 ? string.Empty : column.Unit + " ";
            rows.Add($"| {names} | {column.TypeName} | {column.Doc.Replace("|", "\\|", StringComparison.Ordinal)} | {unit}|");
            c = end;
        }

        return rows;
    }

    /// <summary>A new set of columns to fill for one file.</summary>
    public TableData NewData() => new(this);
}
