namespace StemSimulator.Scenarios.Diagnostics;

/// <summary>Finds the valid names nearest to a misspelt one, for "did you mean" hints.</summary>
public static class Suggestions
{
    /// <summary>
    /// Up to <paramref name="max"/> candidates nearest to <paramref name="input"/>: an exact match after trimming
    /// and ignoring case first, then by edit distance (with transpositions) (at most a third of the longer name, and at most 3).
    /// </summary>
    public static IReadOnlyList<string> Nearest(string input, IEnumerable<string> candidates, int max = 3)
    {
        string normalized = input.Trim();
        var list = candidates.Distinct(StringComparer.Ordinal).ToList();
        var exact = list.Where(c => string.Equals(c, normalized, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0)
        {
            return exact.Take(max).ToArray();
        }

        // The distance is at least the difference in length, so far longer or shorter names are skipped without
        // the quadratic table (a pasted paragraph as a key stays cheap).
        return list
            .Where(c => Math.Abs(c.Length - normalized.Length) <= 3)
            .Select(c => (Candidate: c, Distance: Distance(normalized.ToUpperInvariant(), c.ToUpperInvariant())))
            .Where(x => x.Distance <= Math.Min(3, Math.Max(1, Math.Max(x.Candidate.Length, normalized.Length) / 3)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Candidate)
            .ToArray();
    }

    /// <summary>"; did you mean 'A' or 'B'?" or an empty string when nothing is near.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var nearest = Nearest(input, candidates);
        return nearest.Count switch
        {
            0 => string.Empty,
            1 => $"; did you mean '{nearest[0]}'?",
            _ => $"; did you mean {string.Join(", ", nearest.Take(nearest.Count - 1).Select(n => $"'{n}'"))} or '{nearest[^1]}'?",
        };
    }

    /// <summary>
    /// Edit distance with adjacent transpositions (optimal string alignment): insertions, deletions, substitutions
    /// and swaps of neighbouring characters each cost 1, so the typo "NDL" is one step from "NLD".
    /// </summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
