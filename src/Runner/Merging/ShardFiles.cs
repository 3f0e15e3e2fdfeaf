using StemSimulator.Runner.Infrastructure;
using Parquet;
using StemSimulator.Runner.Output;

namespace StemSimulator.Runner.Merging;

/// <summary>Opens Parquet files before a merge copies them and after it writes them: a file is whole only if its footer reads and its row count is as expected.</summary>
internal static class ShardFiles
{
    /// <summary>The rows of the Parquet file at <paramref name="path"/> (from its footer), or an error naming it.</summary>
    public static async Task<(long Rows, string? Error)> CountRowsAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return (0, $"{path} is missing; the shard's folder is incomplete");
        }

        try
        {
            await using var reader = await ParquetReader.CreateAsync(path, null, cancellationToken).ConfigureAwait(false);
            long rows = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                rows += group.RowCount;
            }

            return (rows, null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return (0, $"{path} is not a whole Parquet file ({e.Message}); the shard is damaged or was not written completely");
        }
    }

    /// <summary>Reads every column of every row group of a written table, or returns an error naming the file.</summary>
    public static async Task<string?> ReadWholeAsync(string path, long expectedRows, CancellationToken cancellationToken)
    {
        try
        {
            long rows = (await ParquetColumns.ReadAsync(path, cancellationToken).ConfigureAwait(false)).RowCount;
            return rows == expectedRows || expectedRows < 0 ? null : $"{path} has {rows:N0} rows, expected {expectedRows:N0}";
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return $"{path} could not be read back ({e.Message})";
        }
    }

    /// <summary>
    /// The per-trial tables a run may hold, each with the rows a shard's statistics say it has; <c>member_votes/</c>
    /// when <paramref name="memberVotes"/>: every participant of every variant's vote in each trial it was held.
    /// </summary>
    public static IEnumerable<(TableDescription Table, long Rows)> PerTrialTables(RunStatistics statistics, bool memberVotes)
    {
        if (statistics.Votes.Count > 0)
        {
            yield return (RunTables.Trials, statistics.Votes.Sum(v => v.Trials));
        }

        if (memberVotes && statistics.Votes.Count > 0)
        {
            yield return (RunTables.MemberVotes, statistics.Votes.Sum(v => v.HeldCount * v.Vote.Count));
        }

        if (statistics.Elections is { Count: > 0 } elections)
        {
            yield return (Elections.ElectionTableDescriptions.Elections, elections.Sum(e => e.Trials * e.SeatGroups));
        }
    }
}
