using System.IO.Compression;
using Parquet;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>Shared settings for the Parquet files stemsim writes: Snappy, fast compression, provenance and Arrow schema metadata.</summary>
internal static class ParquetFiles
{
    /// <summary>
    /// Rows per row group of the large tables: 2^17 = 131,072 (DuckDB's own default is 122,880; Spark and Arrow read
    /// any size well). The last row group of a run is encoded after its last trial, on one core while the other waits,
    /// and a full one is encoded while the workers wait for the sink to take their blocks: the smaller the group, the
    /// shorter both waits (Parquet.Net's string dictionaries make encoding a group costly). Smaller groups also keep the
    /// row-group buffers and Parquet.Net's page pool small. bench/README.md ("Cold start, sixth round") has the sizes
    /// measured and why 2^17.
    /// </summary>
    public const int RowGroupRows = 1 << 17;

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
