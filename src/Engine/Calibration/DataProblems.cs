using System.Collections.Concurrent;
using System.Globalization;

namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Malformed or unusable rows met while reading the shared data: each is kept with its file and line and counted per
/// file, so nothing is dropped silently. Thread-safe.
/// </summary>
public sealed class DataProblems
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
