using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>Shared settings for the Parquet files a run writes: Snappy, fast compression, provenance metadata.</summary>
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

    public static Task<ParquetWriter> CreateAsync(ParquetSchema schema, Stream stream, Provenance provenance, CancellationToken cancellationToken) =>
        CreateAsync(schema, stream, provenance, Options, cancellationToken);

    public static async Task<ParquetWriter> CreateAsync(ParquetSchema schema, Stream stream, Provenance provenance, ParquetOptions options, CancellationToken cancellationToken)
    {
        var writer = await ParquetWriter.CreateAsync(schema, stream, options, false, cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = provenance.ToMetadata();
        return writer;
    }
}
