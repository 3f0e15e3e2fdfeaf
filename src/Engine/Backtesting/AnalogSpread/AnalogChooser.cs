using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// The written rule that picks, for a roll call, one earlier roll call of each <see cref="AnalogKind"/> as its analog
/// (docs/calibration.md, "Analog spread by kind"). Only votes on a whole text (no amendments, no paragraph votes) are
/// analogs or forecast, and every analog is from the previous session:
/// <list type="bullet">
/// <item><b>repeat</b>: the roll call the text repeats (<see cref="RecurringMatcher.PreviousOccurrence"/>: title match,
/// one to one).</item>
/// <item><b>same_subject</b>: a roll call with at least one state concerned in common (the labels of
/// <c>roll_call_concerns.csv</c>: the situation, or the party a text is about) whose titles share nothing with the
/// roll call's (a different text), and not its repeat.</item>
/// <item><b>same_issue</b>: a roll call with exactly the same non-empty set of issue areas, no state concerned in
/// common, titles sharing nothing, and not its repeat.</item>
/// </list>
/// Where several qualify, the one with the smallest key (a hash of both roll calls' ids) is taken: a fixed pick that
/// favours none of them, as a user who takes any text of that kind would.
/// </summary>
public sealed class AnalogChooser
{
    private readonly IReadOnlyList<RollCallInfo> _rollCalls;
    private readonly int[] _previous;
    private readonly string[][] _concerns;
    private readonly string[][] _titleKeys;
    private readonly Dictionary<int, int[]> _bySession;

    /// <summary>A chooser over <paramref name="rollCalls"/>.</summary>
    /// <param name="rollCalls">The recorded roll calls.</param>
    /// <param name="previous">Each roll call's repeated roll call of the previous session, or -1 (<see cref="RecurringMatcher.PreviousOccurrence"/>).</param>
    /// <param name="concerns">The states each roll call concerns (ISO3 codes; empty when unlabelled), aligned with <paramref name="rollCalls"/>.</param>
    public AnalogChooser(IReadOnlyList<RollCallInfo> rollCalls, int[] previous, IReadOnlyList<string[]> concerns)
    {
        if (previous.Length != rollCalls.Count || concerns.Count != rollCalls.Count)
        {
            throw new ArgumentException("One entry per roll call.", nameof(concerns));
        }

        _rollCalls = rollCalls;
        _previous = previous;
        _concerns = concerns.ToArray();
        _titleKeys = rollCalls.Select(rc => new[] { TitleText.Key(rc.ShortTitle), TitleText.Key(rc.Description) }.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray()).ToArray();
        _bySession = Enumerable.Range(0, rollCalls.Count).Where(r => IsWholeText(rollCalls[r])).GroupBy(r => rollCalls[r].Session).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Whether a roll call is a vote on a whole text (neither an amendment nor a paragraph vote).</summary>
    public static bool IsWholeText(RollCallInfo rc) => !rc.Amendment && !rc.Paragraph;

    /// <summary>The analog of <paramref name="kind"/> for roll call <paramref name="rollCall"/>, or -1 when none qualifies.</summary>
    public int Choose(int rollCall, AnalogKind kind)
    {
        var rc = _rollCalls[rollCall];
        if (!IsWholeText(rc))
        {
            return -1;
        }

        return kind switch
        {
            AnalogKind.Repeat => _previous[rollCall] >= 0 && IsWholeText(_rollCalls[_previous[rollCall]]) ? _previous[rollCall] : -1,
            AnalogKind.SameSubject => Pick(rollCall, a => SharesConcern(rollCall, a)),
            AnalogKind.SameIssue => Pick(rollCall, a => rc.Issues != 0 && _rollCalls[a].Issues == rc.Issues && !SharesConcern(rollCall, a)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
        };
    }

    /// <summary>Whether the two roll calls' titles share a key (the same text, as <see cref="RecurringMatcher"/> compares titles).</summary>
    public bool SameTitle(int first, int second) => _titleKeys[first].Intersect(_titleKeys[second], StringComparer.Ordinal).Any();

    /// <summary>Whether the two roll calls have at least one state concerned in common.</summary>
    public bool SharesConcern(int first, int second) => _concerns[first].Intersect(_concerns[second], StringComparer.Ordinal).Any();

    /// <summary>
    /// The population of <paramref name="analog"/> for <paramref name="kind"/>: the whole-text roll calls of the
    /// <paramref name="sessions"/> sessions ending with the analog's (&gt;= 1) that share a state concerned with it
    /// (same_subject) or have exactly its non-empty set of issue areas (same_issue); for a repeat, the same
    /// resolution's own earlier votes (<see cref="OwnHistory"/>); always the analog itself, first.
    /// </summary>
    public IReadOnlyList<int> Population(int analog, AnalogKind kind, int sessions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 1);
        var rc = _rollCalls[analog];
        Func<int, bool>? qualifies = kind switch
        {
            AnalogKind.SameSubject => r => SharesConcern(analog, r),
            AnalogKind.SameIssue => r => rc.Issues != 0 && _rollCalls[r].Issues == rc.Issues,
            AnalogKind.Repeat => null,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analog kind."),
        };
        if (qualifies is null)
        {
            return OwnHistory(analog, sessions);
        }

        var members = new List<int> { analog };
        for (int session = rc.Session - sessions + 1; session <= rc.Session; session++)
        {
            if (_bySession.TryGetValue(session, out var texts))
            {
                members.AddRange(texts.Where(r => r != analog && qualifies(r)));
            }
        }

        return members;
    }

    /// <summary>
    /// The resolution's own votes among the <paramref name="sessions"/> sessions ending with <paramref name="analog"/>'s:
    /// the analog, the roll call it repeats, the one that one repeats and so on (the recurring resolutions' one-to-one
    /// title match, one per session, whole texts only), newest first.
    /// </summary>
    public IReadOnlyList<int> OwnHistory(int analog, int sessions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 1);
        int first = _rollCalls[analog].Session - sessions + 1;
        var members = new List<int> { analog };
        for (int r = _previous[analog]; r >= 0 && _rollCalls[r].Session >= first && IsWholeText(_rollCalls[r]); r = _previous[r])
        {
            members.Add(r);
        }

        return members;
    }

    /// <summary>
    /// The recurring pairs of <paramref name="session"/>: every whole text of that session that repeats a whole text of
    /// the session before (<see cref="RecurringMatcher.PreviousOccurrence"/>, one to one), with that text.
    /// </summary>
    public IEnumerable<(int Newer, int Older)> RecurringPairs(int session) =>
        _bySession.TryGetValue(session, out var texts)
            ? texts.Where(r => _previous[r] >= 0 && _rollCalls[_previous[r]].Session == session - 1 && IsWholeText(_rollCalls[_previous[r]])).Select(r => (r, _previous[r]))
            : [];

    private int Pick(int rollCall, Func<int, bool> qualifies)
    {
        if (!_bySession.TryGetValue(_rollCalls[rollCall].Session - 1, out var candidates))
        {
            return -1;
        }

        int best = -1;
        ulong bestKey = ulong.MaxValue;
        foreach (int a in candidates)
        {
            if (a == _previous[rollCall] || SameTitle(rollCall, a) || !qualifies(a))
            {
                continue;
            }

            ulong key = Fnv(_rollCalls[rollCall].Id + "|" + _rollCalls[a].Id);
            if (key < bestKey)
            {
                (best, bestKey) = (a, key);
            }
        }

        return best;
    }

    private static ulong Fnv(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
