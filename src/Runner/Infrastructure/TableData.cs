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
