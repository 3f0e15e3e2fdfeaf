using System.Globalization;
using System.Text;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Library;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Csv;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// Reads the shared UN data (<c>../shared/data/un</c>, see its README) into one <see cref="UnVotingData"/>:
/// <list type="bullet">
/// <item>roll calls, yes/abstain/no votes and issue tags, 1946 to January 2020: <c>unvotes_dgrtwo/</c>;</item>
/// <item>absences (vote code 8) for the roll calls Voeten's file holds (to 2015): <c>voeten_unvotes_2017/</c>; for
/// the other unvotes roll calls a unit is counted absent when it voted at other roll calls of the same session, on
/// dates around this one, but not at this one;</item>
/// <item>adopted resolutions after the last unvotes date (to December 2021): <c>undl_2021/</c>, votes Y/N/A and
/// X (non-voting) as absent; they carry no issue tags, so each takes the tags of the latest earlier roll call with the
/// same title;</item>
/// <item>Voeten's matched pairs of repeated resolutions and the Bailey-Strezhnev-Voeten ideal points:
/// <c>voeten_idealpoints/</c>; member codes from <c>countries/</c>.</item>
/// </list>
/// Every row that cannot be used is reported in <see cref="UnVotingData.Problems"/> with its file and line.
/// </summary>
internal static class UnVotingDataLoader
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>
    /// Loads the data under <paramref name="directory"/>: the shared layout (the unvotes group and the undl_2021 group
    /// each whole or absent), the UN Digital Library's own voting files anywhere else in the folder (see
    /// <see cref="OfficialVotingFile"/>), or both; <c>countries/</c> is always needed for the member codes.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file of a group is missing, or the folder holds no votes.</exception>
    public static UnVotingData Load(string directory, CancellationToken cancellationToken = default)
    {
        var problems = new DataProblems();
        string Path(string relative) => System.IO.Path.Combine(directory, relative);
        bool withUnvotes = GroupPresent(directory, UnvotesFiles);
        bool withUndl = GroupPresent(directory, UndlFiles);
        foreach (var file in CountryFiles)
        {
            if (!File.Exists(Path(file)))
            {
                throw new FileNotFoundException($"the UN data folder '{directory}' lacks {file} (expected the layout of ../shared/data/un)", Path(file));
            }
        }

        var officialFiles = OfficialCandidates(directory);
        if (!withUnvotes && !withUndl && officialFiles.Count == 0)
        {
            throw new FileNotFoundException($"the UN data folder '{directory}' holds no votes: neither the layout of ../shared/data/un (unvotes_dgrtwo/, undl_2021/) nor UN Digital Library voting files (*.csv)", Path(UnvotesFiles[0]));
        }

        var codes = ReadUnitCodes(Path("countries/un_member_states_2025.csv"), Path("countries/cow_iso3_crosswalk.csv"), problems);
        var rollCalls = new List<RollCallInfo>();
        var rollCallByRcid = new Dictionary<int, int>();
        if (withUnvotes)
        {
            ReadUnvotesRollCalls(Path("unvotes_dgrtwo/un_roll_calls.csv"), Path("unvotes_dgrtwo/un_roll_call_issues.csv"), rollCalls, rollCallByRcid, problems);
        }

        cancellationToken.ThrowIfCancellationRequested();

        var units = new List<string>();
        var unitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int Unit(string code)
        {
            if (!unitIndex.TryGetValue(code, out int index))
            {
                index = units.Count;
                units.Add(code);
                unitIndex[code] = index;
            }

            return index;
        }

        // (roll call << 20 | unit) -> choice; votes first, absences after.
        var choices = new Dictionary<long, VoteChoice>();
        var matched = new List<(int, int)>();
        var bsv = new Dictionary<(string, int), double>();
        if (withUnvotes)
        {
            ReadUnvotesVotes(Path("unvotes_dgrtwo/un_votes.csv"), rollCalls, rollCallByRcid, codes, Unit, choices, problems);
            cancellationToken.ThrowIfCancellationRequested();

            var inVoeten = ReadVoetenAbsences(Path("voeten_unvotes_2017/unvotes_1946_2015_members_with_absent.csv"), rollCalls, rollCallByRcid, codes, Unit, choices, problems);
            cancellationToken.ThrowIfCancellationRequested();
            InferAbsences(rollCalls, inVoeten, choices);
        }

        var lastUnvotes = rollCalls.Count > 0 ? rollCalls.Max(r => r.Date) : DateOnly.MinValue;
        var library = new LibraryMerge(lastUnvotes, rollCalls, Unit, choices, problems);
        if (withUndl)
        {
            ReadUndl(Path("undl_2021/resolutions_1946_2021.csv"), Path("undl_2021/ga_votes_long_1946_2021.csv"), lastUnvotes, rollCalls, codes, Unit, choices, problems);
            library.AddShared(rollCalls, "undl_2021/resolutions_1946_2021.csv");
        }

        if (withUnvotes)
        {
            matched = ReadMatches(Path("voeten_idealpoints/Matches.csv"), rollCallByRcid, problems);
            bsv = ReadIdealPoints(Path("voeten_idealpoints/IdealpointestimatesAll_Apr2020.csv"), codes, problems);
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var file in officialFiles)
        {
            string name = System.IO.Path.GetRelativePath(directory, file).Replace('\\', '/');
            var read = OfficialVotingFile.Read(file, name, codes.IsKnown, problems);
            if (read is null)
            {
                problems.Report(name, 1, "the header is neither the layout of ../shared/data/un nor a UN Digital Library voting layout (undl_id with ms_code/ms_vote, ms_codes/ms_votes, or one column per member)");
                continue;
            }

            library.Add(read.Where(r => r.Council == LibraryCouncil.Assembly), name);
            cancellationToken.ThrowIfCancellationRequested();
        }

        var keys = choices.Keys.Order().ToArray();
        var recordUnit = new int[keys.Length];
        var recordRollCall = new int[keys.Length];
        var recordChoice = new VoteChoice[keys.Length];
        for (int k = 0; k < keys.Length; k++)
        {
            recordRollCall[k] = (int)(keys[k] >> 20);
            recordUnit[k] = (int)(keys[k] & 0xFFFFF);
            recordChoice[k] = choices[keys[k]];
        }

        return new UnVotingData(rollCalls, units, recordUnit, recordRollCall, recordChoice, matched, bsv, problems);
    }

    /// <summary>The shared layout's folders; CSV files elsewhere under the data folder are read as library files.</summary>
    private static readonly string[] SharedFolders = ["countries", "unvotes_dgrtwo", "voeten_unvotes_2017", "undl_2021", "voeten_idealpoints", "unsc_vetoes"];

    private static readonly string[] CountryFiles = ["countries/un_member_states_2025.csv", "countries/cow_iso3_crosswalk.csv"];

    private static readonly string[] UnvotesFiles =
    [
        "unvotes_dgrtwo/un_roll_calls.csv",
        "unvotes_dgrtwo/un_roll_call_issues.csv",
        "unvotes_dgrtwo/un_votes.csv",
        "voeten_unvotes_2017/unvotes_1946_2015_members_with_absent.csv",
        "voeten_idealpoints/Matches.csv",
        "voeten_idealpoints/IdealpointestimatesAll_Apr2020.csv",
    ];

    private static readonly string[] UndlFiles = ["undl_2021/resolutions_1946_2021.csv", "undl_2021/ga_votes_long_1946_2021.csv"];

    /// <summary>Whether a group of shared files is there: all of them (true), none (false); a part is an error.</summary>
    private static bool GroupPresent(string directory, string[] files)
    {
        var missing = files.Where(f => !File.Exists(System.IO.Path.Combine(directory, f))).ToArray();
        if (missing.Length == 0)
        {
            return true;
        }

        if (missing.Length == files.Length)
        {
            return false;
        }

        throw new FileNotFoundException($"the UN data folder '{directory}' lacks {missing[0]} (expected the layout of ../shared/data/un)", System.IO.Path.Combine(directory, missing[0]));
    }

    /// <summary>CSV files outside the shared layout's folders, in ordinal order of their relative path.</summary>
    private static List<string> OfficialCandidates(string directory) =>
        Directory.EnumerateFiles(directory, "*.csv", SearchOption.AllDirectories)
            .Where(f => !SharedFolders.Contains(System.IO.Path.GetRelativePath(directory, f).Split('/', '\\')[0], StringComparer.Ordinal))
            .OrderBy(f => System.IO.Path.GetRelativePath(directory, f), StringComparer.Ordinal)
            .ToList();

    /// <summary>Files the loader needs, relative to the data folder.</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } =
    [
        "countries/un_member_states_2025.csv",
        "countries/cow_iso3_crosswalk.csv",
        "unvotes_dgrtwo/un_roll_calls.csv",
        "unvotes_dgrtwo/un_roll_call_issues.csv",
        "unvotes_dgrtwo/un_votes.csv",
        "voeten_unvotes_2017/unvotes_1946_2015_members_with_absent.csv",
        "undl_2021/resolutions_1946_2021.csv",
        "undl_2021/ga_votes_long_1946_2021.csv",
        "voeten_idealpoints/Matches.csv",
        "voeten_idealpoints/IdealpointestimatesAll_Apr2020.csv",
    ];

    private static UnitCodes ReadUnitCodes(string members, string crosswalk, DataProblems problems)
    {
        var iso2 = new Dictionary<string, string>(StringComparer.Ordinal);
        var cow = new Dictionary<int, string>();
        foreach (var row in Rows(members, problems, "iso3", "iso2", "cow_ccode"))
        {
            iso2[row[1]] = row[0];
            foreach (var part in row[2].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int c))
                {
                    cow[c] = row[0];
                }
            }
        }

        foreach (var row in Rows(crosswalk, problems, "cow_ccode", "iso3c"))
        {
            if (row.Int(0) is { } c)
            {
                cow.TryAdd(c, row[1]);
            }
            else
            {
                row.Problem("cow_ccode is not an integer");
            }
        }

        return new UnitCodes(iso2, cow);
    }

    private static void ReadUnvotesRollCalls(string rollCallsFile, string issuesFile, List<RollCallInfo> rollCalls, Dictionary<int, int> byRcid, DataProblems problems)
    {
        var issues = new Dictionary<int, byte>();
        foreach (var row in Rows(issuesFile, problems, "rcid", "short_name"))
        {
            int bit = IssueArea.BitOf(row[1]);
            if (row.Int(0) is not { } rcid || bit < 0)
            {
                row.Problem($"expected an integer rcid and an issue code ({string.Join(", ", IssueArea.All.Select(a => a.Code))})");
                continue;
            }

            issues[rcid] = (byte)(issues.GetValueOrDefault(rcid) | (1 << bit));
        }

        foreach (var row in Rows(rollCallsFile, problems, "rcid", "session", "date", "unres", "amend", "para", "short", "descr"))
        {
            if (row.Int(0) is not { } rcid || row.Int(1) is not { } session || row.Date(2) is not { } date || session < 1)
            {
                row.Problem("rcid, session or date is not valid");
                continue;
            }

            if (byRcid.ContainsKey(rcid))
            {
                row.Problem($"duplicate rcid {rcid}");
                continue;
            }

            byRcid[rcid] = rollCalls.Count;
            rollCalls.Add(new RollCallInfo(
                rcid.ToString(CultureInfo.InvariantCulture),
                session,
                date,
                UnSymbol(row[3]),
                row[4] == "1",
                row[5] == "1",
                row[6].Trim(),
                row[7].Trim(),
                issues.GetValueOrDefault(rcid)));
        }
    }

    /// <summary>"R/68/262" (the unvotes form) as "A/RES/68/262"; other forms unchanged.</summary>
    internal static string UnSymbol(string unres)
    {
        string s = unres.Trim();
        return s.StartsWith("R/", StringComparison.Ordinal) ? "A/RES/" + s[2..] : s;
    }

    private static void ReadUnvotesVotes(string file, List<RollCallInfo> rollCalls, Dictionary<int, int> byRcid, UnitCodes codes, Func<string, int> unit, Dictionary<long, VoteChoice> choices, DataProblems problems)
    {
        foreach (var row in Rows(file, problems, "rcid", "country", "country_code", "vote"))
        {
            if (row.Int(0) is not { } rcid || !byRcid.TryGetValue(rcid, out int r))
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

            if (!choices.TryAdd(((long)r << 20) | (uint)unit(code), choice.Value))
            {
                row.Problem($"second vote of {code} on rcid {rcid}");
            }
        }
    }

    private static HashSet<int> ReadVoetenAbsences(string file, List<RollCallInfo> rollCalls, Dictionary<int, int> byRcid, UnitCodes codes, Func<string, int> unit, Dictionary<long, VoteChoice> choices, DataProblems problems)
    {
        var covered = new HashSet<int>();
        var seen = new HashSet<long>();
        foreach (var row in Rows(file, problems, "rcid", "vote", "ccode"))
        {
            if (row.Int(0) is not { } rcid || row.Int(1) is not { } vote || row.Int(2) is not { } ccode)
            {
                row.Problem("rcid, vote or ccode is not an integer");
                continue;
            }

            if (!byRcid.TryGetValue(rcid, out int r))
            {
                row.Problem($"rcid {rcid} is not in the unvotes roll calls");
                continue;
            }

            if (!seen.Add(((long)r << 32) | (uint)ccode))
            {
                row.Problem($"second record of COW code {ccode} on rcid {rcid}");
                continue;
            }

            covered.Add(r);
            if (vote != 8)
            {
                if (vote is < 1 or > 3)
                {
                    row.Problem($"vote code {vote} is not 1, 2, 3 or 8");
                }

                continue;
            }

            var code = codes.FromCow(ccode, rollCalls[r].Date);
            if (code is null)
            {
                row.Problem($"unknown COW code {ccode}");
                continue;
            }

            // A recorded vote in unvotes wins over an absence here (the newer release corrected some records).
            choices.TryAdd(((long)r << 20) | (uint)unit(code), VoteChoice.Absent);
        }

        return covered;
    }

    /// <summary>
    /// Absences for roll calls Voeten's file does not hold: a unit that voted at some roll call of the same session
    /// on or before this date and at some roll call on or after it, but not at this one, was absent.
    /// </summary>
    private static void InferAbsences(List<RollCallInfo> rollCalls, HashSet<int> covered, Dictionary<long, VoteChoice> choices)
    {
        var span = new Dictionary<(int Session, int Unit), (DateOnly First, DateOnly Last)>();
        foreach (var (key, choice) in choices)
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
        for (int r = 0; r < rollCalls.Count; r++)
        {
            if (covered.Contains(r) || !bySession.TryGetValue(rollCalls[r].Session, out var units))
            {
                continue;
            }

            var date = rollCalls[r].Date;
            foreach (var (unit, first, last) in units)
            {
                if (date >= first && date <= last)
                {
                    choices.TryAdd(((long)r << 20) | (uint)unit, VoteChoice.Absent);
                }
            }
        }
    }

    private static void ReadUndl(string resolutionsFile, string votesFile, DateOnly after, List<RollCallInfo> rollCalls, UnitCodes codes, Func<string, int> unit, Dictionary<long, VoteChoice> choices, DataProblems problems)
    {
        var knownSymbols = rollCalls.Select(r => r.Symbol).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);

        // Issue tags by title: the latest whole-resolution roll call with that title wins.
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

        var byRecord = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstRecord = new Dictionary<(string Symbol, DateOnly Date), string>();
        foreach (var row in Rows(resolutionsFile, problems, "undl_record_id", "council", "date", "resolution", "title"))
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
            if (byRecord.ContainsKey(row[0]) || !firstRecord.TryAdd((row[3], date), row[0]))
            {
                row.Problem($"duplicate of record {firstRecord.GetValueOrDefault((row[3], date), row[0])}: {row[3]} on {row[2]} is already there");
                continue;
            }

            int session = SessionOf(row[3], date);
            byRecord[row[0]] = rollCalls.Count;
            string title = row[4].Trim();
            rollCalls.Add(new RollCallInfo("undl-" + row[0], session, date, row[3], false, false, title, title, issuesByTitle.GetValueOrDefault(TitleText.Key(title))));
        }

        foreach (var row in Rows(votesFile, problems, "undl_record_id", "date", "resolution", "country_name_raw", "iso3_mapped", "vote"))
        {
            if (!byRecord.TryGetValue(row[0], out int r))
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

            if (!choices.TryAdd(((long)r << 20) | (uint)unit(code), choice.Value))
            {
                row.Problem($"second vote of {code} on {row[2]}");
            }
        }
    }

    /// <summary>The session of a symbol "A/RES/75/12", else the session open on <paramref name="date"/> (it opens in September).</summary>
    internal static int SessionOf(string symbol, DateOnly date)
    {
        var parts = symbol.Split('/');
        if (parts.Length >= 4 && parts[0] == "A" && parts[1] == "RES" && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int session))
        {
            return session;
        }

        return date.Month >= 9 ? date.Year - 1945 : date.Year - 1946;
    }

    private static List<(int, int)> ReadMatches(string file, Dictionary<int, int> byRcid, DataProblems problems)
    {
        var pairs = new List<(int, int)>();
        foreach (var row in Rows(file, problems, "v1", "rcid1", "rcid2"))
        {
            if (row.Int(1) is { } a && row.Int(2) is { } b && byRcid.TryGetValue(a, out int ra) && byRcid.TryGetValue(b, out int rb) && ra != rb)
            {
                pairs.Add((ra, rb));
            }
            else
            {
                row.Problem($"rcid pair '{row[1]}', '{row[2]}' is not two different unvotes roll calls");
            }
        }

        return pairs;
    }

    private static Dictionary<(string, int), double> ReadIdealPoints(string file, UnitCodes codes, DataProblems problems)
    {
        var points = new Dictionary<(string, int), double>();
        foreach (var row in Rows(file, problems, Latin1, "ccode", "session", "IdealPoint"))
        {
            if (row.Int(0) is not { } ccode || row.Int(1) is not { } session || row.Double(2) is not { } point)
            {
                row.Problem("ccode, session or IdealPoint is not a number");
                continue;
            }

            var code = codes.FromCow(ccode, new DateOnly(1945 + session, 12, 1));
            if (code is null)
            {
                row.Problem($"unknown COW code {ccode}");
                continue;
            }

            if (!points.TryAdd((code, session), point))
            {
                row.Problem($"second ideal point of {code} in session {session}");
            }
        }

        return points;
    }

    private static IEnumerable<CsvRow> Rows(string file, DataProblems problems, params string[] columns) => Rows(file, problems, null, columns);

    /// <summary>
    /// The rows of a CSV file with the named columns picked out (in the order given); a row with the wrong number of
    /// fields or a quoting fault is reported and skipped.
    /// </summary>
    private static IEnumerable<CsvRow> Rows(string file, DataProblems problems, Encoding? encoding, params string[] columns)
    {
        string name = DisplayName(file);
        using var reader = new CsvRecordReader(file, encoding);
        if (!reader.Read(out _))
        {
            problems.Report(name, 1, "the file is empty");
            yield break;
        }

        var header = reader.Fields.ToArray();
        var index = new int[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            index[c] = Array.IndexOf(header, columns[c]);
            if (index[c] < 0)
            {
                throw new InvalidDataException($"{name}:1: column '{columns[c]}' is missing from the header");
            }
        }

        var values = new string[columns.Length];
        while (reader.Read(out var problem))
        {
            if (problem is not null || reader.Fields.Count != header.Length)
            {
                problems.Report(name, reader.RecordLine, problem ?? $"expected {header.Length} fields, found {reader.Fields.Count}");
                continue;
            }

            for (int c = 0; c < columns.Length; c++)
            {
                values[c] = reader.Fields[index[c]];
            }

            yield return new CsvRow(name, reader.RecordLine, values, problems);
        }
    }

    private static string DisplayName(string file)
    {
        var parent = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(file)) ?? string.Empty;
        return parent.Length > 0 ? $"{parent}/{System.IO.Path.GetFileName(file)}" : System.IO.Path.GetFileName(file);
    }

    /// <summary>One row's picked fields, with typed parsing and problem reporting at its file and line.</summary>
    private readonly struct CsvRow(string file, int line, string[] values, DataProblems problems)
    {
        public string this[int index] => values[index];

        public int? Int(int index) =>
            int.TryParse(values[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : null;

        public double? Double(int index) =>
            double.TryParse(values[index], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null;

        public DateOnly? Date(int index) =>
            DateOnly.TryParseExact(values[index], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        public void Problem(string message) => problems.Report(file, line, message);
    }
}
