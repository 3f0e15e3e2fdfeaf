using System.Collections.Concurrent;
using System.Globalization;

namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Malformed or unusable rows met while reading the shared data: each is kept with its file and line and counted per
/// file, so nothing is dropped silently. Thread-safe.
/// </summary>
internal sealed class DataProblems
{
    private readonly ConcurrentQueue<(string File, int Line, string Message)> _problems = new();

    /// <summary>Every problem in the order reported.</summary>
    public IReadOnlyList<(string File, int Line, string Message)> All => _problems.ToArray();

    /// <summary>Number of problems.</summary>
    public int Count => _problems.Count;

    /// <summary>Records a problem with the row at <paramref name="line"/> of <paramref name="file"/>.</summary>
    public void Report(string file, int line, string message) => _problems.Enqueue((file, line, message));

    /// <summary>Problems per file, for a summary line each.</summary>
    public IReadOnlyList<(string File, int Count)> CountsByFile() =>
        _problems.GroupBy(p => p.File).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();

    /// <summary>Most unusable rows listed one by one by <see cref="WriteTo"/>; the rest are counted.</summary>
    public const int ListedRows = 20;

    /// <summary>
    /// Writes a warning per file with its count of unused rows and, when <paramref name="listRows"/>, the first
    /// <see cref="ListedRows"/> rows at their file and line: what calibrate, backtest and drift-backtest print.
    /// </summary>
    public void WriteTo(TextWriter error, bool listRows)
    {
        foreach (var (file, count) in CountsByFile())
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {file}: {count:N0} row(s) not used"));
        }

        if (listRows)
        {
            foreach (var line in Describe(ListedRows))
            {
                error.WriteLine("  " + line);
            }
        }
    }

    /// <summary>"file:line: message" lines, at most <paramref name="max"/>, then a count of the rest.</summary>
    public IEnumerable<string> Describe(int max)
    {
        var all = All;
        foreach (var (file, line, message) in all.Take(max))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: {message}");
        }

        if (all.Count > max)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"... and {all.Count - max} more");
        }
    }
}
