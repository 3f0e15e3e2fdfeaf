using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace StemSimulator.Runner.Output;

/// <summary>Shared settings for the Parquet files a run writes: Snappy, fast compression, provenance metadata.</summary>
internal static class ParquetFiles
{
    /// <summary>Rows per row group of the large tables (about one million, as DuckDB and Spark like them).</summary>
    public const int RowGroupRows = 1 << 20;

    public static ParquetOptions Options { get; } = new()
    {
        CompressionMethod = CompressionMethod.Snappy,
        CompressionLevel = CompressionLevel.Fastest,
    };

    public static async Task<ParquetWriter> CreateAsync(ParquetSchema schema, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var writer = await ParquetWriter.CreateAsync(schema, stream, Options, false, cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = provenance.ToMetadata();
        return writer;
    }
}
