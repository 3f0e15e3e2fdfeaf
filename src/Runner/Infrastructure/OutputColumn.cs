using Parquet.Schema;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>One column of an output table, described once: its Parquet field, its documentation and the .NET array a writer fills.</summary>
/// <param name="Name">Column name (snake case).</param>
/// <param name="Type">Parquet type.</param>
/// <param name="Nullable">Whether a row may leave it empty ("null" in docs/outputs.md).</param>
/// <param name="Doc">What it means, as docs/outputs.md says (Markdown, without escaped pipes).</param>
/// <param name="Unit">Unit (probability, members, trials, ...), empty when none.</param>
internal sealed record OutputColumn(string Name, ColumnType Type, bool Nullable, string Doc, string Unit = "")
{
    /// <summary>The type as docs/outputs.md writes it, e.g. "double, null".</summary>
    public string TypeName => (Type switch
    {
        ColumnType.String => "string",
        ColumnType.Text => "text",
        ColumnType.Bool => "bool",
        ColumnType.Int32 => "int32",
        ColumnType.Int64 => "int64",
        ColumnType.Double => "double",
        ColumnType.Date => "date",
        ColumnType.Timestamp => "timestamp",
        _ => throw new InvalidOperationException($"unknown column type {Type}"),
    }) + (Nullable ? ", null" : string.Empty);

    /// <summary>The element type of the array that holds the column's values (e.g. <c>double?</c> for a nullable double).</summary>
    public Type ClrType => (Type, Nullable) switch
    {
        (ColumnType.String or ColumnType.Text, _) => typeof(string),
        (ColumnType.Bool, false) => typeof(bool),
        (ColumnType.Bool, true) => typeof(bool?),
        (ColumnType.Int32, false) => typeof(int),
        (ColumnType.Int32, true) => typeof(int?),
        (ColumnType.Int64, false) => typeof(long),
        (ColumnType.Int64, true) => typeof(long?),
        (ColumnType.Double, false) => typeof(double),
        (ColumnType.Double, true) => typeof(double?),
        (ColumnType.Date, false) => typeof(DateOnly),
        (ColumnType.Date, true) => typeof(DateOnly?),
        (ColumnType.Timestamp, false) => typeof(DateTime),
        (ColumnType.Timestamp, true) => typeof(DateTime?),
        _ => throw new InvalidOperationException($"unknown column type {Type}"),
    };

    /// <summary>
    /// The Parquet field: REQUIRED unless the column is nullable (strings too, so readers see which columns always
    /// hold a value).
    /// </summary>
    public DataField Field { get; } = Create(Name, Type, Nullable);

    private static DataField Create(string name, ColumnType type, bool nullable) => (type, nullable) switch
    {
        (ColumnType.String or ColumnType.Text, false) => new DataField<string>(name, false),
        (ColumnType.String or ColumnType.Text, true) => new DataField<string>(name, true),
        (ColumnType.Bool, false) => new DataField<bool>(name),
        (ColumnType.Bool, true) => new DataField<bool?>(name),
        (ColumnType.Int32, false) => new DataField<int>(name),
        (ColumnType.Int32, true) => new DataField<int?>(name),
        (ColumnType.Int64, false) => new DataField<long>(name),
        (ColumnType.Int64, true) => new DataField<long?>(name),
        (ColumnType.Double, false) => new DataField<double>(name),
        (ColumnType.Double, true) => new DataField<double?>(name),
        (ColumnType.Date, false) => new DataField<DateOnly>(name),
        (ColumnType.Date, true) => new DataField<DateOnly?>(name),
        (ColumnType.Timestamp, false) => new DataField<DateTime>(name),
        (ColumnType.Timestamp, true) => new DataField<DateTime?>(name),
        _ => throw new InvalidOperationException($"unknown column type {type}"),
    };
}
