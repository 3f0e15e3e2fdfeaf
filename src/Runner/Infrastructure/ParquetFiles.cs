using System.IO.Compression;
using Parquet;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>Shared settings for the Parquet files stemsim writes: Snappy, fast compression, provenance and Arrow schema metadata.</summary>
internal static class ParquetFiles
{
    /// <summary>
    /// Rows per row group of the large tables: 2^19 = 524,288. DuckDB's own default is 122,880 and Spark reads
    /// either well; a million-row group made Parquet.Net's page-buffer pool hold about 180 MB (measured), which alone
    /// would break the 300 MB budget of a 10-million-trial run.
    /// </summary>
    public const int RowGroupRows = 1 << 19;

    /// <remarks>
    /// Parquet.Net pools its page buffers (RecyclableMemoryStream), unbounded by default; bounding the free pool
    /// trims what it keeps between row groups.
    /// </remarks>
    public static ParquetOptions Options { get; } = NewOptions();

    /// <summary>A new set of the shared options, for a file that adds its own (such as column encodings).</summary>
    public static ParquetOptions NewOptions() => new()
    {
        CompressionMethod = CompressionMethod.Snappy,
        CompressionLevel = CompressionLevel.Fastest,
        MaximumSmallPoolFreeBytes = 16 << 20,
        MaximumLargePoolFreeBytes = 32 << 20,
    };

    /// <summary>A writer of <paramref name="table"/> with the shared options, its metadata <paramref name="provenance"/>'s and the table's Arrow schema.</summary>
    public static Task<ParquetWriter> CreateAsync(TableDescription table, Stream stream, TableProvenance provenance, CancellationToken cancellationToken) =>
        CreateAsync(table, stream, provenance, Options, cancellationToken);

    /// <summary>
    /// A writer of <paramref name="table"/>'s schema with <paramref name="options"/>. Its key-value metadata: the
    /// provenance (<c>stemsim.*</c>), then <see cref="ArrowSchemaMetadata.Key"/>, the table's Arrow schema, so that
    /// pandas and R's arrow read its string columns as categoricals and factors.
    /// </summary>
    public static async Task<ParquetWriter> CreateAsync(TableDescription table, Stream stream, TableProvenance provenance, ParquetOptions options, CancellationToken cancellationToken)
    {
        var writer = await ParquetWriter.CreateAsync(table.Schema, stream, options, false, cancellationToken).ConfigureAwait(false);
        var metadata = provenance.ToMetadata();
        metadata.Add(ArrowSchemaMetadata.Key, ArrowSchemaMetadata.Of(table));
        writer.CustomMetadata = metadata;
        return writer;
    }
}
