using System.Runtime.CompilerServices;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// The undl_2021 group of the shared data: the Assembly's adopted resolutions after the last unvotes date, votes
/// Y/N/A and X (non-voting) as absent. They carry no issue tags, so each takes the tags of the latest earlier roll
/// call with the same title.
/// </summary>
internal sealed class UndlReader(List<RollCallInfo> rollCalls, UnitCodes codes)
{
    private readonly Dictionary<string, int> _byRecord = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads the resolutions dated after <paramref name="after"/> whose symbol the roll calls read so far do not hold,
    /// appending them to the roll calls; unusable rows go to <paramref name="problems"/>.
    /// </summary>
    public void ReadRollCalls(string resolutionsFile, DateOnly after, DataProblems problems)
    {
        var knownSymbols = rollCalls.Select(r => r.Symbol).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        var issuesByTitle = IssuesByTitle(rollCalls);
        var firstRecord = new Dictionary<(string Symbol, DateOnly Date), string>();
        foreach (var row in SharedCsv.Rows(resolutionsFile, problems, "undl_record_id", "council", "date", "resolution", "title"))
        {
            if (row[1] != "GA")
            {
                continue;
            }

            if (row.Date(2) is not { } date)
            {
                row.Problem($"date '{row[2]}' is not an ISO date");
                continue;
            }

            if (date <= after || knownSymbols.Contains(row[3]))
            {
                continue;
            }

            // The same vote under two record ids (the library catalogued it twice) would count every member's vote twice.
            if (_byRecord.ContainsKey(row[0]) || !firstRecord.TryAdd((row[3], date), row[0]))
            {
                row.Problem($"duplicate of record {firstRecord.GetValueOrDefault((row[3], date), row[0])}: {row[3]} on {row[2]} is already there");
                continue;
            }

            int session = UnVotingDataLoader.SessionOf(row[3], date);
            _byRecord[row[0]] = rollCalls.Count;
            string title = row[4].Trim();
            rollCalls.Add(new RollCallInfo("undl-" + row[0], session, date, row[3], false, false, title, title, issuesByTitle.GetValueOrDefault(TitleText.Key(title))));
        }
    }

    /// <summary>Issue tags by title: the latest whole-resolution roll call with that title wins.</summary>
    private static Dictionary<string, byte> IssuesByTitle(List<RollCallInfo> rollCalls)
    {
        var issuesByTitle = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var rc in rollCalls.Where(r => !r.Amendment && !r.Paragraph).OrderBy(r => r.Date))
        {
            foreach (var key in new[] { TitleText.Key(rc.ShortTitle), TitleText.Key(rc.Description) })
            {
                if (key.Length > 0)
                {
                    issuesByTitle[key] = rc.Issues;
                }
            }
        }

        return issuesByTitle;
    }

    /// <summary>
    /// Reads the votes on the resolutions <see cref="ReadRollCalls"/> added; the file's other rows are not used, and
    /// those before the first such vote are passed over without being read. Touches neither the votes nor the
    /// problems (the result holds them until <see cref="PendingVotes.Apply"/>), so the file can be read beside the
    /// unvotes files: no other file has votes on these roll calls, so a second vote is one of this file's.
    /// </summary>
    public PendingVotes ReadVotes(string votesFile)
    {
        var read = new PendingVotes();
        var records = new HashSet<int>();
        foreach (var record in _byRecord.Keys)
        {
            if (record.Length is > 0 and <= 9 && record.All(char.IsAsciiDigit))
            {
                records.Add(int.Parse(record, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var voted = new HashSet<(int RollCall, string Code)>();

        // A row whose record id is plainly a number of none of them is one the loop below would pass over.
        // Called once per passed-over row: compiled fully optimised at once, as CsvPrefix's per-row methods are.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        bool PassOver(PrefixRow row) => row.Digits(0, out int record) && !records.Contains(record);
        foreach (var row in SharedCsv.Rows(votesFile, read.Problems, null, PassOver, "undl_record_id", "date", "resolution", "country_name_raw", "iso3_mapped", "vote"))
        {
            if (!_byRecord.TryGetValue(row[0], out int r))
            {
                continue;
            }

            VoteChoice? choice = row[5] switch { "Y" => VoteChoice.Yes, "A" => VoteChoice.Abstain, "N" => VoteChoice.No, "X" => VoteChoice.Absent, _ => null };
            string code = row[4];
            if (choice is null)
            {
                row.Problem($"vote '{row[5]}' is not Y, A, N or X");
                continue;
            }

            if (!codes.IsKnown(code))
            {
                row.Problem($"unknown country code '{code}' ({row[3]})");
                continue;
            }

            if (!voted.Add((r, code)))
            {
                row.Problem($"second vote of {code} on {row[2]}");
                continue;
            }

            read.Add(r, code, choice.Value);
        }

        return read;
    }
}
