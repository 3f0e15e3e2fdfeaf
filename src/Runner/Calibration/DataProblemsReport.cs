using System.Globalization;
using StemSimulator.Engine.Calibration;

namespace StemSimulator.Runner.Calibration;

/// <summary>How calibrate, backtest and drift-backtest print the unusable rows of the shared data.</summary>
internal static class DataProblemsReport
{
    /// <summary>Most unusable rows listed one by one by <see cref="WriteTo"/>; the rest are counted.</summary>
    public const int ListedRows = 20;

    /// <summary>
    /// Writes a warning per file with its count of unused rows and, when <paramref name="listRows"/>, the first
    /// <see cref="ListedRows"/> rows at their file and line.
    /// </summary>
    public static void WriteTo(this DataProblems problems, TextWriter error, bool listRows)
    {
        foreach (var (file, count) in problems.CountsByFile())
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {file}: {count:N0} row(s) not used"));
        }

        if (listRows)
        {
            foreach (var line in problems.Describe(ListedRows))
            {
                error.WriteLine("  " + line);
            }
        }
    }
}
