using Parquet;
using Parquet.Schema;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// A small Parquet table read whole into memory, column by column, with its key-value metadata. The report reads
/// the run's summary tables this way (a few thousand rows at most), never trials.parquet.
/// </summary>
internal sealed class ParquetColumns
{
    private readonly Dictionary<string, Array> _columns;

    private ParquetColumns(Dictionary<string, Array> columns, IReadOnlyDictionary<string, string> metadata, int rows)
    {
        _columns = columns;
        Metadata = metadata;
        RowCount = rows;
    }

    /// <summary>The file's key-value metadata (provenance).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public int RowCount { get; }

    public IEnumerable<string> Names => _columns.Keys;

    public static async Task<ParquetColumns> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadTableAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException
                                      or ArgumentException or IndexOutOfRangeException or OverflowException or InvalidCastException)
        {
            // A truncated or foreign file: the message names which one, not just "not a parquet file".
            throw new InvalidDataException($"{path} is not a readable Parquet table ({e.Message})", e);
        }
    }

    /// <summary>A table held in memory (the server's summary, never written to a file), read like a file.</summary>
    public static async Task<ParquetColumns> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        return await ReadTableAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ParquetColumns> ReadTableAsync(string path, CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.CreateAsync(path, null, cancellationToken).ConfigureAwait(false);
        return await ReadTableAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ParquetColumns> ReadTableAsync(ParquetReader reader, CancellationToken cancellationToken)
    {
        var fields = reader.Schema.GetDataFields();
        var parts = fields.ToDictionary(f => f.Name, _ => new List<Array>(), StringComparer.Ordinal);
        long rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            rows += n;
            foreach (var field in fields)
            {
                parts[field.Name].Add(await ReadColumnAsync(group, field, n, cancellationToken).ConfigureAwait(false));
            }
        }

        var columns = new Dictionary<string, Array>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            columns[field.Name] = Concatenate(parts[field.Name], field, checked((int)rows));
        }

        return new ParquetColumns(columns, reader.CustomMetadata ?? new Dictionary<string, string>(), checked((int)rows));
    }

    public bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>One cell, boxed (null for a null).</summary>
    public object? Value(string name, int row) => Column(name).GetValue(row);

    public string?[] Text(string name) => Column(name) switch
    {
        string?[] s => s,
        var other => throw Mismatch(name, other),
    };

    /// <summary>A numeric column as doubles; nulls become NaN.</summary>
    public double[] Number(string name) => Column(name) switch
    {
        double[] d => d,
        double?[] d => d.Select(v => v ?? double.NaN).ToArray(),
        int[] i => i.Select(v => (double)v).ToArray(),
        long[] l => l.Select(v => (double)v).ToArray(),
        int?[] i => i.Select(v => v is { } x ? x : double.NaN).ToArray(),
        var other => throw Mismatch(name, other),
    };

    /// <summary>A numeric column with its nulls; a missing column gives all nulls (older runs lack some columns).</summary>
    public double?[] OptionalNumber(string name) => !Has(name)
        ? new double?[RowCount]
        : Column(name) switch
        {
            double?[] d => d,
            double[] d => d.Select(v => (double?)v).ToArray(),
            int[] i => i.Select(v => (double?)v).ToArray(),
            long[] l => l.Select(v => (double?)v).ToArray(),
            int?[] i => i.Select(v => (double?)v).ToArray(),
            var other => throw Mismatch(name, other),
        };

    public long[] Integer(string name) => Column(name) switch
    {
        int[] i => i.Select(v => (long)v).ToArray(),
        long[] l => l,
        var other => throw Mismatch(name, other),
    };

    /// <summary>An integer column with its nulls (counts of votes never held are null).</summary>
    public long?[] OptionalInteger(string name) => Column(name) switch
    {
        int[] i => i.Select(v => (long?)v).ToArray(),
        int?[] i => i.Select(v => (long?)v).ToArray(),
        long[] l => l.Select(v => (long?)v).ToArray(),
        long?[] l => l,
        var other => throw Mismatch(name, other),
    };

    public bool[] Flag(string name) => Column(name) switch
    {
        bool[] b => b,
        bool?[] b => b.Select(v => v ?? false).ToArray(),
        var other => throw Mismatch(name, other),
    };

    public DateOnly[] Date(string name) => Column(name) switch
    {
        DateTime[] t => t.Select(DateOnly.FromDateTime).ToArray(),
        DateOnly[] d => d,
        var other => throw Mismatch(name, other),
    };

    private Array Column(string name) =>
        _columns.TryGetValue(name, out var column) ? column : throw new InvalidDataException($"the table has no column '{name}'");

    private static InvalidDataException Mismatch(string name, Array column) =>
        new($"column '{name}' holds {column.GetType().GetElementType()?.Name}, not the type the report expects");

    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int n, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[n];
            await group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return values;
        }

        return (type, field.IsNullable) switch
        {
            _ when type == typeof(double) => field.IsNullable ? await Nullable<double>(group, field, n, cancellationToken).ConfigureAwait(false) : await Plain<double>(group, field, n, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(int) => field.IsNullable ? await Nullable<int>(group, field, n, cancellationToken).ConfigureAwait(false) : await Plain<int>(group, field, n, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(long) => field.IsNullable ? await Nullable<long>(group, field, n, cancellationToken).ConfigureAwait(false) : await Plain<long>(group, field, n, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(bool) => field.IsNullable ? await Nullable<bool>(group, field, n, cancellationToken).ConfigureAwait(false) : await Plain<bool>(group, field, n, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(DateTime) => await Plain<DateTime>(group, field, n, cancellationToken).ConfigureAwait(false),
            _ when type == typeof(DateOnly) => field.IsNullable ? await Nullable<DateOnly>(group, field, n, cancellationToken).ConfigureAwait(false) : await Plain<DateOnly>(group, field, n, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidDataException($"column '{field.Name}' has a type the report does not read ({type.Name})"),
        };
    }

    private static async Task<Array> Plain<T>(ParquetRowGroupReader group, DataField field, int n, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T[n];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }

    private static async Task<Array> Nullable<T>(ParquetRowGroupReader group, DataField field, int n, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[n];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }

    private static Array Concatenate(List<Array> parts, DataField field, int rows)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var elementType = parts.Count > 0 ? parts[0].GetType().GetElementType()! : field.ClrType;
        var all = Array.CreateInstance(elementType, rows);
        int at = 0;
        foreach (var part in parts)
        {
            Array.Copy(part, 0, all, at, part.Length);
            at += part.Length;
        }

        return all;
    }
}
