using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Library;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// Adds the Assembly roll calls of the UN Digital Library's files to the roll calls already read, by the rules the
/// shared undl_2021 files follow: a resolution dated on or before the last unvotes roll call, or whose symbol unvotes
/// already holds, is left to unvotes (which also has the amendment and paragraph votes); a resolution already read
/// from another file (same symbol and date) is counted once: when its votes are the same, one line per file and source
/// says how many; when they differ, each such resolution is reported at its line and the first reading is kept.
/// Issue tags come from the latest earlier unvotes roll call with the same title, as for undl_2021.
/// </summary>
internal sealed class LibraryMerge
{
    private readonly DateOnly _after;
    private readonly List<RollCallInfo> _rollCalls;
    private readonly Func<string, int> _unit;
    private readonly Dictionary<long, VoteChoice> _choices;
    private readonly DataProblems _problems;
    private readonly HashSet<string> _unvotesSymbols;
    private readonly Dictionary<string, byte> _issuesByTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Symbol, DateOnly Date), (int Index, string File)> _byKey = [];
    private readonly Dictionary<string, (int Index, string File)> _byRecord = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _voteCount = [];

    /// <param name="after">The last unvotes date (<see cref="DateOnly.MinValue"/> without unvotes).</param>
    /// <param name="rollCalls">The roll calls read so far (unvotes' only); library roll calls are appended.</param>
    /// <param name="unit">The unit index of a code, adding it when new.</param>
    /// <param name="choices">(roll call &lt;&lt; 20 | unit) to choice; library votes are added.</param>
    /// <param name="problems">Where unusable rows are reported.</param>
    public LibraryMerge(DateOnly after, List<RollCallInfo> rollCalls, Func<string, int> unit, Dictionary<long, VoteChoice> choices, DataProblems problems)
    {
        _after = after;
        _rollCalls = rollCalls;
        _unit = unit;
        _choices = choices;
        _problems = problems;
        _unvotesSymbols = rollCalls.Select(r => r.Symbol).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var rc in rollCalls.Where(r => !r.Amendment && !r.Paragraph).OrderBy(r => r.Date))
        {
            foreach (var key in new[] { TitleText.Key(rc.ShortTitle), TitleText.Key(rc.Description) })
            {
                if (key.Length > 0)
                {
                    _issuesByTitle[key] = rc.Issues;
                }
            }
        }

        UnvotesCount = rollCalls.Count;
    }

    private int UnvotesCount { get; }

    /// <summary>Registers the roll calls the shared undl_2021 files added (all after the unvotes ones).</summary>
    public void AddShared(IReadOnlyList<RollCallInfo> rollCalls, string file)
    {
        for (int r = UnvotesCount; r < rollCalls.Count; r++)
        {
            _byKey[(rollCalls[r].Symbol, rollCalls[r].Date)] = (r, file);
            _byRecord[rollCalls[r].Id] = (r, file);
            _voteCount[r] = 0;
        }

        foreach (var key in _choices.Keys)
        {
            int r = (int)(key >> 20);
            if (r >= UnvotesCount)
            {
                _voteCount[r]++;
            }
        }
    }

    /// <summary>Adds the Assembly roll calls of one library file (<paramref name="file"/> as named in messages).</summary>
    public void Add(IEnumerable<LibraryRollCall> rollCalls, string file)
    {
        var repeats = new Dictionary<string, (int Count, int Line, string Symbol)>(StringComparer.Ordinal);
        foreach (var rc in rollCalls)
        {
            if (rc.Date <= _after || _unvotesSymbols.Contains(rc.Symbol))
            {
                continue;
            }

            string id = "undl-" + rc.RecordId;
            if (_byKey.TryGetValue((rc.Symbol, rc.Date), out var known))
            {
                if (Differences(known.Index, rc) is { Length: > 0 } differences)
                {
                    _problems.Report(file, rc.Line, $"{rc.Symbol} on {rc.Date:yyyy-MM-dd} is in {known.File} with other votes ({differences}); the first reading is kept");
                }
                else
                {
                    var (count, line, symbol) = repeats.GetValueOrDefault(known.File, (0, rc.Line, rc.Symbol));
                    repeats[known.File] = (count + 1, line, symbol);
                }

                continue;
            }

            if (_byRecord.TryGetValue(id, out var sameRecord))
            {
                var other = _rollCalls[sameRecord.Index];
                _problems.Report(file, rc.Line, $"record {rc.RecordId} is {other.Symbol} on {other.Date:yyyy-MM-dd} in {sameRecord.File}, here {rc.Symbol} on {rc.Date:yyyy-MM-dd}");
                continue;
            }

            int r = _rollCalls.Count;
            _rollCalls.Add(new RollCallInfo(id, UnVotingDataLoader.SessionOf(rc.Symbol, rc.Date), rc.Date, rc.Symbol, false, false, rc.Title, rc.Title, _issuesByTitle.GetValueOrDefault(TitleText.Key(rc.Title))));
            _byKey[(rc.Symbol, rc.Date)] = (r, file);
            _byRecord[id] = (r, file);
            foreach (var vote in rc.Votes)
            {
                _choices[((long)r << 20) | (uint)_unit(vote.Code)] = vote.Choice;
            }

            _voteCount[r] = rc.Votes.Count;
        }

        foreach (var (source, (count, line, symbol)) in repeats)
        {
            _problems.Report(file, line, $"{count} resolution(s) from {symbol} on are also in {source} with the same votes; counted once");
        }
    }

    /// <summary>Empty when roll call <paramref name="r"/> holds exactly the votes of <paramref name="rc"/>, else a
    /// short description of how they differ.</summary>
    private string Differences(int r, LibraryRollCall rc)
    {
        var differing = new List<string>();
        int same = 0;
        foreach (var vote in rc.Votes)
        {
            if (_choices.TryGetValue(((long)r << 20) | (uint)_unit(vote.Code), out var there) && there == vote.Choice)
            {
                same++;
            }
            else
            {
                differing.Add(_choices.TryGetValue(((long)r << 20) | (uint)_unit(vote.Code), out there) ? $"{vote.Code} {there} there, {vote.Choice} here" : $"{vote.Code} not there");
            }
        }

        int missing = _voteCount.GetValueOrDefault(r) - same - differing.Count(d => !d.EndsWith("not there", StringComparison.Ordinal));
        if (differing.Count == 0 && missing == 0)
        {
            return string.Empty;
        }

        string listed = string.Join("; ", differing.Take(3)) + (differing.Count > 3 ? $"; {differing.Count - 3} more" : string.Empty);
        return missing > 0 ? (listed.Length > 0 ? listed + "; " : string.Empty) + $"{missing} vote(s) there not here" : listed;
    }
}
