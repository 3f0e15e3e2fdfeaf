namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Finds roll calls that repeat a resolution of the previous session, by title: the roll call's short title or
/// description (normalised by <see cref="TitleText.Key"/>) equals one of the earlier roll call's, for the same kind of
/// vote (whole resolution, amendment or paragraph). A title that several roll calls of one session share (two
/// paragraph votes on one text, a generic short title) decides nothing, and a match must be one to one.
/// </summary>
public static class RecurringMatcher
{
    /// <summary>For each roll call, the index of the roll call of the previous session it repeats, or -1.</summary>
    public static int[] PreviousOccurrence(IReadOnlyList<RollCallInfo> rollCalls) => PreviousOccurrenceFrom(rollCalls, int.MinValue);

    /// <summary>
    /// For each roll call of a session from <paramref name="fromSession"/> on, the index of the roll call of the
    /// previous session it repeats, or -1; -1 for the roll calls of earlier sessions, whose titles are not read (but
    /// those of the session before <paramref name="fromSession"/>). A roll call's match depends only on its own
    /// session and the one before, so each one given is the one <see cref="PreviousOccurrence"/>
    /// finds: an update, which fits only its last years, reads only their titles.
    /// </summary>
    public static int[] PreviousOccurrenceFrom(IReadOnlyList<RollCallInfo> rollCalls, int fromSession)
    {
        var result = new int[rollCalls.Count];
        Array.Fill(result, -1);

        // Each roll call's keys once (normalising a title is the costly part), on all cores; slot per roll call.
        var keys = new string[rollCalls.Count][];
        Parallel.For(0, rollCalls.Count, r => keys[r] = (long)rollCalls[r].Session >= (long)fromSession - 1 ? [.. Keys(rollCalls[r])] : []);
        var bySession = Enumerable.Range(0, rollCalls.Count).GroupBy(r => rollCalls[r].Session).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var (session, current) in bySession)
        {
            if (session < fromSession || !bySession.TryGetValue(session - 1, out var previous))
            {
                continue;
            }

            var previousKeys = UniqueKeys(keys, previous);
            var currentKeys = UniqueKeys(keys, current);
            var proposals = new Dictionary<int, int>();
            foreach (int r in current)
            {
                var targets = keys[r]
                    .Where(k => currentKeys.TryGetValue(k, out int owner) && owner == r)
                    .Select(k => previousKeys.TryGetValue(k, out int target) ? target : -1)
                    .Where(t => t >= 0)
                    .Distinct()
                    .ToArray();
                if (targets.Length == 1)
                {
                    proposals[r] = targets[0];
                }
            }

            foreach (var group in proposals.GroupBy(p => p.Value).Where(g => g.Count() == 1))
            {
                var only = group.Single();
                result[only.Key] = only.Value;
            }
        }

        return result;
    }

    /// <summary>The pairs (earlier, later) of every match, for use as bridges.</summary>
    public static IEnumerable<(int First, int Second)> Pairs(int[] previous) =>
        previous.Select((p, r) => (p, r)).Where(x => x.p >= 0).Select(x => (x.p, x.r));

    /// <summary>Key (kind-qualified title) -> the only roll call in <paramref name="members"/> that has it (<paramref name="keys"/>: each roll call's).</summary>
    private static Dictionary<string, int> UniqueKeys(string[][] keys, int[] members)
    {
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (int r in members)
        {
            foreach (var key in keys[r])
            {
                if (!owners.TryAdd(key, r) && owners[key] != r)
                {
                    shared.Add(key);
                }
            }
        }

        foreach (var key in shared)
        {
            owners.Remove(key);
        }

        return owners;
    }

    private static IEnumerable<string> Keys(RollCallInfo rc)
    {
        string kind = rc.Amendment ? "amend:" : rc.Paragraph ? "para:" : "whole:";
        return new[] { TitleText.Key(rc.ShortTitle), TitleText.Key(rc.Description) }
            .Where(k => k.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(k => kind + k);
    }
}
