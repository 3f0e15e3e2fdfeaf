namespace StemSimulator.Runner.Infrastructure;

/// <summary>The values of one table, column by column, checked against its description before anything is written.</summary>
internal sealed class TableData(TableDescription table)
{
    private readonly Dictionary<string, Array> _values = new(StringComparer.Ordinal);

    /// <summary>The table described.</summary>
    public TableDescription Table => table;

    /// <summary>Sets the values of column <paramref name="name"/>; its element type must be the column's (<see cref="OutputColumn.ClrType"/>).</summary>
    public TableData Add<T>(string name, T[] values)
    {
        var column = table.Columns.FirstOrDefault(c => c.Name == name)
            ?? throw new InvalidOperationException($"{table.FileName} has no column {name}");
        if (column.ClrType != typeof(T))
        {
            throw new InvalidOperationException($"{table.FileName}: column {name} is {column.TypeName}, given {typeof(T).Name} values");
        }

        if (!_values.TryAdd(name, values))
        {
            throw new InvalidOperationException($"{table.FileName}: column {name} given twice");
        }

        return this;
    }

    /// <summary>
    /// Sets the values of column <paramref name="name"/> to <paramref name="value"/> of each row, in order. A loop in
    /// this assembly rather than LINQ's Select and ToArray, whose iterators over each value type are framework
    /// generics that the ReadyToRun image cannot hold, so a short run compiled them (bench/README.md, "Cold start,
    /// fourth round").
    /// </summary>
    public TableData Add<TRow, T>(string name, IReadOnlyList<TRow> rows, Func<TRow, T> value)
    {
        var values = new T[rows.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = value(rows[i]);
        }

        return Add(name, values);
    }

    /// <summary>The columns' values in file order; throws when a column is missing or the lengths differ.</summary>
    public IReadOnlyList<Array> Ordered()
    {
        var missing = table.Columns.Where(c => !_values.ContainsKey(c.Name)).Select(c => c.Name).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"{table.FileName}: no values for {string.Join(", ", missing)}");
        }

        var ordered = table.Columns.Select(c => _values[c.Name]).ToArray();
        if (ordered.Select(a => a.Length).Distinct().Count() > 1)
        {
            throw new InvalidOperationException($"{table.FileName}: columns of different lengths");
        }

        return ordered;
    }
}
