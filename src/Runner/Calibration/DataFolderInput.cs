using StemSimulator.Engine.Calibration;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// Reads a data folder (<c>--data</c>) for the commands that calibrate or backtest, off the calling thread; a missing
/// or unreadable file is the user's input problem: its message goes to standard error and the result is null.
/// </summary>
internal static class DataFolderInput
{
    /// <summary>The roll calls and votes of <paramref name="directory"/>, or null after printing why they cannot be read.</summary>
    public static Task<UnVotingData?> LoadAsync(string directory, TextWriter error, CancellationToken cancellationToken) =>
        LoadAsync(directory, null, error, cancellationToken);

    /// <summary>
    /// The roll calls and votes of <paramref name="directory"/>, with <paramref name="votesFrom"/> only the votes from
    /// the year it names on (<see cref="UnVotingDataLoader.Load(string, Func{int, int}?, CancellationToken)"/>), or null
    /// after printing why they cannot be read.
    /// </summary>
    public static async Task<UnVotingData?> LoadAsync(string directory, Func<int, int>? votesFrom, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            // On a thread of its own: the load is the longest step, and what the caller runs beside it on the pool (an
            // earlier table, reference data) must not hold back its start.
            return await Task.Factory.StartNew(() => UnVotingDataLoader.Load(directory, votesFrom, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            error.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}
