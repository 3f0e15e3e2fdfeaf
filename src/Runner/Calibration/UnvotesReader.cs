using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// The unvotes group of the shared data: roll calls and issue tags, yes/abstain/no votes (<c>unvotes_dgrtwo/</c>),
/// absences from Voeten's file (<c>voeten_unvotes_2017/</c>) or inferred, the matched pairs of repeated resolutions
/// and the Bailey-Strezhnev-Voeten ideal points (<c>voeten_idealpoints/</c>). The votes of roll calls of sessions
/// before a given one can be passed over without being read (an update's earlier years): their rows still number
/// their units and are checked as a full load checks them, and any row a full load would report stops the passing
/// over, so the problems reported and the units are a full load's.
/// </summary>
internal sealed class UnvotesReader(List<RollCallInfo> rollCalls, UnitCodes codes, LoadedVotes votes, DataProblems problems)
{
    /// <summary>Rcids above this are looked up in <see cref="_byRcid"/> only.</summary>
    private const int DenseRcidLimit = 1 << 20;

    private readonly Dictionary<int, int> _byRcid = [];

    // The same map as an array indexed by rcid (-1 for none), for the per-row lookups of the vote files; null when an rcid is too large.
    private int[]? _rollCallOfRcid;

    /// <summary>The index of each rcid's roll call in the roll calls.</summary>
    public IReadOnlyDictionary<int, int> ByRcid => _byRcid;

    /// <summary>Reads the roll calls and their issue tags, appending them to the roll calls.</summary>
    public void ReadRollCalls(string rollCallsFile, string issuesFile)
    {
        var issues = ReadIssues(issuesFile);
        foreach (var row in SharedCsv.Rows(rollCallsFile, problems, "rcid", "session", "date", "unres", "amend", "para", "short", "descr"))
        {
            if (row.Int(0) is not { } rcid || row.Int(1) is not { } session || row.Date(2) is not { } date || session < 1)
            {
                row.Problem("rcid, session or date is not valid");
                continue;
            }

            if (_byRcid.ContainsKey(rcid))
            {
                row.Problem($"duplicate rcid {rcid}");
                continue;
            }

            _byRcid[rcid] = rollCalls.Count;
            rollCalls.Add(new RollCallInfo(
                rcid.ToString(CultureInfo.InvariantCulture),
                session,
                date,
                UnVotingDataLoader.UnSymbol(row[3]),
                row[4] == "1",
                row[5] == "1",
                row[6].Trim(),
                row[7].Trim(),
                issues.GetValueOrDefault(rcid)));
        }

        int largest = _byRcid.Keys.DefaultIfEmpty(0).Max();
        if (largest < DenseRcidLimit && _byRcid.Keys.All(k => k >= 0))
        {
            _rollCallOfRcid = new int[largest + 1];
            Array.Fill(_rollCallOfRcid, -1);
            foreach (var (rcid, r) in _byRcid)
            {
                _rollCallOfRcid[rcid] = r;
            }
        }
    }

    private Dictionary<int, byte> ReadIssues(string issuesFile)
    {
        var issues = new Dictionary<int, byte>();
        foreach (var row in SharedCsv.Rows(issuesFile, problems, "rcid", "short_name"))
        {
            int bit = IssueArea.BitOf(row[1]);
            if (row.Int(0) is not { } rcid || bit < 0)
            {
                row.Problem($"expected an integer rcid and an issue code ({string.Join(", ", IssueArea.All.Select(a => a.Code))})");
                continue;
            }

            issues[rcid] = (byte)(issues.GetValueOrDefault(rcid) | (1 << bit));
        }

        return issues;
    }

    /// <summary>Reads the yes, abstain and no votes; those of roll calls of sessions before <paramref name="firstSession"/> may be passed over.</summary>
    public void ReadVotes(string file, int firstSession)
    {
        string name = SharedCsv.DisplayName(file);
        var codeCache = new Dictionary<int, string>();
        // Called once per passed-over row: compiled fully optimised at once, as CsvPrefix's per-row methods are.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        bool PassOver(PrefixRow row)
        {
            if (!row.Digits(0, out int rcid) || RollCallOf(rcid) is not (>= 0 and var r) || rollCalls[r].Session >= firstSession || VoteOf(row[3]) is null)
            {
                return false;
            }

            var code = codes.FromUnvotes(CachedCode(codeCache, row[2]), row[2].IsEmpty ? row.Text(1, Encoding.UTF8) : string.Empty, rollCalls[r].Date);
            if (code is null)
            {
                return false;
            }

            if (!votes.PassedOver.Add(r, votes.Unit(code)))
            {
                problems.Report(name, row.Line, $"second vote of {code} on rcid {rcid}");
            }

            return true;
        }

        foreach (var row in SharedCsv.Rows(file, problems, null, firstSession > int.MinValue ? PassOver : null, "rcid", "country", "country_code", "vote"))
        {
            if (row.Int(0) is not { } rcid || !_byRcid.TryGetValue(rcid, out int r))
            {
                row.Problem($"unknown rcid '{row[0]}'");
                continue;
            }

            VoteChoice? choice = row[3] switch { "yes" => VoteChoice.Yes, "abstain" => VoteChoice.Abstain, "no" => VoteChoice.No, _ => null };
            if (choice is null)
            {
                row.Problem($"vote '{row[3]}' is not yes, abstain or no");
                continue;
            }

            var code = codes.FromUnvotes(row[2], row[1], rollCalls[r].Date);
            if (code is null)
            {
                row.Problem($"unknown country code '{row[2]}' ({row[1]})");
                continue;
            }

            if (!votes.TryAdd(r, votes.Unit(code), choice.Value))
            {
                row.Problem($"second vote of {code} on rcid {rcid}");
            }
        }
    }

    private static VoteChoice? VoteOf(ReadOnlySpan<byte> vote) =>
        vote.SequenceEqual("yes"u8) ? VoteChoice.Yes
        : vote.SequenceEqual("abstain"u8) ? VoteChoice.Abstain
        : vote.SequenceEqual("no"u8) ? VoteChoice.No
        : null;

    /// <summary>A short code's text, decoded once.</summary>
    private static string CachedCode(Dictionary<int, string> cache, ReadOnlySpan<byte> code)
    {
        if (code.Length > 3)
        {
            return Encoding.UTF8.GetString(code);
        }

        int key = code.Length << 24;
        for (int i = 0; i < code.Length; i++)
        {
            key |= code[i] << (8 * (2 - i));
        }

        if (!cache.TryGetValue(key, out var text))
        {
            text = Encoding.UTF8.GetString(code);
            cache[key] = text;
        }

        return text;
    }

    /// <summary>
    /// Reads the absences (vote code 8) of Voeten's file; those of roll calls of sessions before
    /// <paramref name="firstSession"/> may be passed over. Touches neither the votes nor the problems: what it read is
    /// kept in the result until <see cref="PendingVotes.Apply"/>, so the file can be read beside the unvotes votes.
    /// </summary>
    public PendingVotes ReadVoetenAbsences(string file, int firstSession)
    {
        string name = SharedCsv.DisplayName(file);
        var read = new PendingVotes();
        // Pairs (roll call, COW code) as bits: nearly every row adds one, and a hash set of them was the slowest step of the load.
        var seen = (Dense: new PairSet(), Negative: new HashSet<(int, int)>());
        int lastCovered = -1;
        void Cover(int r)
        {
            // Rows come grouped by roll call, so most rows repeat the last one.
            if (r != lastCovered)
            {
                read.Covered.Add(r);
                lastCovered = r;
            }
        }

        // Called once per passed-over row: compiled fully optimised at once, as CsvPrefix's per-row methods are.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        bool PassOver(PrefixRow row)
        {
            if (!row.Digits(0, out int rcid) || !row.Digits(1, out int vote) || !row.Digits(2, out int ccode)
                || RollCallOf(rcid) is not (>= 0 and var r) || rollCalls[r].Session >= firstSession)
            {
                return false;
            }

            if (seen.Dense.Contains(r, ccode))
            {
                read.Problems.Report(name, row.Line, $"second record of COW code {ccode} on rcid {rcid}");
                return true;
            }

            var code = vote == 8 ? codes.FromCow(ccode, rollCalls[r].Date) : null;
            if (vote is < 1 or > 3 and not 8 || (vote == 8 && code is null))
            {
                return false;
            }

            seen.Dense.Add(r, ccode);
            Cover(r);
            if (code is not null)
            {
                read.Number(code);
            }

            return true;
        }

        foreach (var row in SharedCsv.Rows(file, read.Problems, null, firstSession > int.MinValue ? PassOver : null, "rcid", "vote", "ccode"))
        {
            ReadVoetenRow(row, read, seen, Cover);
        }

        return read;
    }

    private void ReadVoetenRow(CsvRow row, PendingVotes read, (PairSet Dense, HashSet<(int, int)> Negative) seen, Action<int> cover)
    {
        if (row.Int(0) is not { } rcid || row.Int(1) is not { } vote || row.Int(2) is not { } ccode)
        {
            row.Problem("rcid, vote or ccode is not an integer");
            return;
        }

        if (!_byRcid.TryGetValue(rcid, out int r))
        {
            row.Problem($"rcid {rcid} is not in the unvotes roll calls");
            return;
        }

        if (ccode < 0 ? !seen.Negative.Add((r, ccode)) : !seen.Dense.Add(r, ccode))
        {
            row.Problem($"second record of COW code {ccode} on rcid {rcid}");
            return;
        }

        cover(r);
        if (vote != 8)
        {
            if (vote is < 1 or > 3)
            {
                row.Problem($"vote code {vote} is not 1, 2, 3 or 8");
            }

            return;
        }

        var code = codes.FromCow(ccode, rollCalls[r].Date);
        if (code is null)
        {
            row.Problem($"unknown COW code {ccode}");
            return;
        }

        read.Add(r, code, VoteChoice.Absent);
    }

    /// <summary>The index of the roll call of <paramref name="rcid"/>, or -1.</summary>
    private int RollCallOf(int rcid)
    {
        if (_rollCallOfRcid is { } dense)
        {
            return rcid >= 0 && rcid < dense.Length ? dense[rcid] : -1;
        }

        return _byRcid.TryGetValue(rcid, out int r) ? r : -1;
    }

    /// <summary>
    /// Absences for the first <paramref name="count"/> roll calls (unvotes') that Voeten's file does not hold, from
    /// session <paramref name="firstSession"/> on: a unit that voted at some roll call of the same session on or before
    /// this date and at some roll call on or after it, but not at this one, was absent.
    /// </summary>
    public void InferAbsences(int count, HashSet<int> covered, int firstSession)
    {
        var span = new Dictionary<(int Session, int Unit), (DateOnly First, DateOnly Last)>();
        foreach (var (key, choice) in votes.Choices)
        {
            if (choice == VoteChoice.Absent)
            {
                continue;
            }

            var rc = rollCalls[(int)(key >> 20)];
            var k = (rc.Session, (int)(key & 0xFFFFF));
            span[k] = span.TryGetValue(k, out var s) ? (rc.Date < s.First ? rc.Date : s.First, rc.Date > s.Last ? rc.Date : s.Last) : (rc.Date, rc.Date);
        }

        var bySession = span.GroupBy(e => e.Key.Session).ToDictionary(g => g.Key, g => g.Select(e => (e.Key.Unit, e.Value.First, e.Value.Last)).ToArray());
        for (int r = 0; r < count; r++)
        {
            if (covered.Contains(r) || rollCalls[r].Session < firstSession || !bySession.TryGetValue(rollCalls[r].Session, out var units))
            {
                continue;
            }

            var date = rollCalls[r].Date;
            foreach (var (unit, first, last) in units)
            {
                if (date >= first && date <= last)
                {
                    votes.Choices.TryAdd(LoadedVotes.Key(r, unit), VoteChoice.Absent);
                }
            }
        }
    }
}
