using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// A table's Arrow schema as pyarrow stores it in a Parquet file's key-value metadata, under <see cref="Key"/>: the
/// base64 of the schema's IPC stream message (continuation marker, length, flatbuffer Message, padding to 8 bytes).
/// pyarrow (and so pandas) and R's arrow take a column's type from it where the Parquet type alone is ambiguous: a
/// <see cref="ColumnType.String"/> column is a dictionary of 32-bit indices into UTF-8 strings, which they read as a
/// categorical or a factor rather than as plain strings. Nullability and the other types are the Parquet schema's
/// (<see cref="OutputColumn.Field"/>), stated again so that the two never disagree.
/// </summary>
internal static class ArrowSchemaMetadata
{
    /// <summary>The key pyarrow and R's arrow read the schema from.</summary>
    public const string Key = "ARROW:schema";

    /// <summary>The value stored under <see cref="Key"/> for <paramref name="table"/>: base64 of its serialised Arrow schema.</summary>
    public static string Of(TableDescription table)
    {
        var builder = new Apache.Arrow.Schema.Builder();
        foreach (var column in table.Columns)
        {
            builder.Field(new Field(column.Name, TypeOf(column.Type), column.Nullable));
        }

        using var stream = new MemoryStream();
        // A stream writer that is only started writes the schema message and nothing else (no dictionary or record
        // batch, no end-of-stream marker): the bytes pyarrow's SerializeSchema gives.
        using (var writer = new ArrowStreamWriter(stream, builder.Build(), leaveOpen: true))
        {
            writer.WriteStart();
        }

        return Convert.ToBase64String(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>
    /// The Arrow type pyarrow infers from the Parquet field <see cref="OutputColumn.Field"/> writes, except that a
    /// string of a small set of values is a dictionary. A timestamp is Parquet.Net's INT96, which Arrow reads as
    /// nanoseconds without a time zone.
    /// </summary>
    private static IArrowType TypeOf(ColumnType type) => type switch
    {
        ColumnType.String => new DictionaryType(Int32Type.Default, StringType.Default, false),
        ColumnType.Text => StringType.Default,
        ColumnType.Bool => BooleanType.Default,
        ColumnType.Int32 => Int32Type.Default,
        ColumnType.Int64 => Int64Type.Default,
        ColumnType.Double => DoubleType.Default,
        ColumnType.Date => Date32Type.Default,
        ColumnType.Timestamp => new TimestampType(TimeUnit.Nanosecond, (string?)null),
        _ => throw new InvalidOperationException($"unknown column type {type}"),
    };
}
