namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// The one writer of the small tables of every command: one row group, Snappy (<see cref="ParquetFiles"/>), and the
/// provenance in its one shape (<see cref="TableProvenance"/>, keys <c>stemsim.*</c>). The trial sinks stream their
/// large tables themselves, with schemas from the same descriptions and the same provenance.
/// </summary>
internal static class TableWriter
{
    /// <summary>Writes <paramref name="data"/> to <paramref name="stream"/>.</summary>
    /// <param name="data">Every column of the table, checked against its description.</param>
    /// <param name="stream">Where the file goes.</param>
    /// <param name="provenance">Where the numbers came from.</param>
    /// <param name="cancellationToken">Stops between columns.</param>
    public static async Task WriteAsync(TableData data, Stream stream, TableProvenance provenance, CancellationToken cancellationToken)
    {
        var values = data.Ordered();
        var columns = data.Table.Columns;
        await using var writer = await ParquetFiles.CreateAsync(data.Table, stream, provenance, cancellationToken).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        for (int c = 0; c < columns.Count; c++)
        {
            var field = columns[c].Field;
            await (values[c] switch
            {
                string[] s => group.WriteAsync(field, s),
                bool[] b => group.WriteAsync(field, (ReadOnlyMemory<bool>)b, null, null, cancellationToken),
                bool?[] b => group.WriteAsync(field, (ReadOnlyMemory<bool?>)b, null, null, cancellationToken),
                double[] d => group.WriteAsync(field, (ReadOnlyMemory<double>)d, null, null, cancellationToken),
                double?[] d => group.WriteAsync(field, (ReadOnlyMemory<double?>)d, null, null, cancellationToken),
                int[] i => group.WriteAsync(field, (ReadOnlyMemory<int>)i, null, null, cancellationToken),
                int?[] i => group.WriteAsync(field, (ReadOnlyMemory<int?>)i, null, null, cancellationToken),
                long[] l => group.WriteAsync(field, (ReadOnlyMemory<long>)l, null, null, cancellationToken),
                long?[] l => group.WriteAsync(field, (ReadOnlyMemory<long?>)l, null, null, cancellationToken),
                DateTime[] t => group.WriteAsync(field, (ReadOnlyMemory<DateTime>)t, null, null, cancellationToken),
                DateTime?[] t => group.WriteAsync(field, (ReadOnlyMemory<DateTime?>)t, null, null, cancellationToken),
                DateOnly[] t => group.WriteAsync(field, (ReadOnlyMemory<DateOnly>)t, null, null, cancellationToken),
                DateOnly?[] t => group.WriteAsync(field, (ReadOnlyMemory<DateOnly?>)t, null, null, cancellationToken),
                _ => throw new InvalidOperationException($"{data.Table.FileName}: unsupported values {values[c].GetType().Name}"),
            }).ConfigureAwait(false);
        }
    }
}
