using StemSimulator.Engine.Calibration;
using StemSimulator.Runner.Calibration;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Backtesting;

/// <summary>
/// What a backtest over the data folder reads and writes before it fits anything: the data folder (its problems
/// reported), the test years checked against the years it holds, and the output folder prepared (whole or not at all).
/// Each failure is the user's input problem: its message goes to standard error and the result is null.
/// </summary>
internal static class BacktestInput
{
    /// <summary>
    /// The data of <paramref name="dataDirectory"/> and the prepared output folder, or null after printing why not.
    /// </summary>
    /// <param name="dataDirectory">The data folder (<c>--data</c>).</param>
    /// <param name="outputFolder">The output folder (<c>--out</c>).</param>
    /// <param name="force">Whether an existing stemsim output folder may be replaced (<c>--force</c>).</param>
    /// <param name="testFrom">The first test year: must lie after the data's first year.</param>
    /// <param name="testTo">The last test year: at most the data's last year.</param>
    /// <param name="trainFrom">The first training year when given: at least the data's first year.</param>
    /// <param name="listRows">Whether the data problems list every skipped row.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<(UnVotingData Data, RunFolder Folder)?> PrepareAsync(
        string dataDirectory, string outputFolder, bool force, int testFrom, int testTo, int? trainFrom, bool listRows, TextWriter error, CancellationToken cancellationToken)
    {
        if (await DataFolderInput.LoadAsync(dataDirectory, error, cancellationToken).ConfigureAwait(false) is not { } data)
        {
            return null;
        }

        data.Problems.WriteTo(error, listRows);
        var (firstYear, lastYear) = data.YearRange;
        if (testTo > lastYear || testFrom <= firstYear || trainFrom < firstYear)
        {
            error.WriteLine($"error: the data hold the years {firstYear}-{lastYear}; test years must lie after {firstYear} and up to {lastYear}");
            return null;
        }

        var (folder, folderProblem) = RunFolder.Prepare(outputFolder, force, "backtest", [dataDirectory]);
        if (folder is null)
        {
            error.WriteLine($"error: {folderProblem}");
            return null;
        }

        return (data, folder);
    }
}
