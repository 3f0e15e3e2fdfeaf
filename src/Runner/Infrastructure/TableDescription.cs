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
    /// <param name="partitioned">
    /// Whether the table is always a folder of parts (<c>stem/shard=K/part-0.parquet</c>), a single run's as well as a
    /// shard's, so that one glob reads it whatever the run; false for a table that is one file in a whole run.
    /// </param>
    public TableDescription(string fileName, IReadOnlyList<OutputColumn> columns, bool partitioned = false)
    {
        FileName = fileName;
        Columns = columns;
        Partitioned = partitioned;
        var duplicate = columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"{fileName}: column {duplicate.Key} described twice", nameof(columns));
        }

        Schema = new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray());
    }

    /// <summary>File name, e.g. <c>summary.parquet</c>.</summary>
    public string FileName { get; }

    /// <summary>Whether the table is a folder of parts in every run (see the constructor).</summary>
    public bool Partitioned { get; }

    /// <summary>
    /// The name users see and docs/outputs.md heads its section with: the folder <c>stem/</c> of a partitioned table,
    /// otherwise <see cref="FileName"/>.
    /// </summary>
    public string DisplayName => Partitioned ? Path.GetFileNameWithoutExtension(FileName) + "/" : FileName;

    /// <summary>Columns in file order.</summary>
    public IReadOnlyList<OutputColumn> Columns { get; }

    /// <summary>The Parquet schema.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>The Parquet field of column <paramref name="name"/>, typed; throws when there is no such column or it has another type.</summary>
    public DataField<T> Field<T>(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)?.Field as DataField<T>
        ?? throw new InvalidOperationException($"{FileName} has no column {name} of type {typeof(T).Name}");

    /// <summary>
    /// Where a table of one row per trial lies in a run folder: <c>stem/shard=K/part-0.parquet</c> for shard K of a
    /// sharded run and for every run of a <see cref="Partitioned"/> table (a whole run is shard 0 of 1), which DuckDB
    /// and Spark read as one table; <see cref="FileName"/> for a whole run of another table.
    /// </summary>
    public string ShardPath(int shard, int shardCount) => shardCount == 1 && !Partitioned
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
