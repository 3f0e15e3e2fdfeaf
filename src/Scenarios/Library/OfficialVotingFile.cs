using StemSimulator.Scenarios.Csv;
using System.Globalization;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Diagnostics;

namespace StemSimulator.Scenarios.Library;

/// <summary>
/// Reads one voting file of the UN Digital Library in any of its <see cref="OfficialLayout"/>s, picked by the header
/// and read by column name. Every unusable row (a date that is not yyyy-MM-dd, an unknown vote code, a member code not
/// in the reference table, a symbol that is neither A/... nor S/..., a member twice on one resolution, one record id
/// with two dates or symbols) is reported at its file and line and left out; a blank vote means the state was not
/// recorded (not a member) and is skipped, as the shared long files drop it. A missing column is an error.
/// </summary>
public static class OfficialVotingFile
{
    /// <summary>The layout a header belongs to, or null when it is none of the library's.</summary>
    public static OfficialLayout? Detect(IReadOnlyList<string> header)
    {
        bool Has(string column) => header.Contains(column, StringComparer.Ordinal);
        if (Has("ms_votes") || Has("ms_codes"))
        {
            return OfficialLayout.AssemblyV1Long;
        }

        if (Has("ms_vote") || Has("ms_code"))
        {
            return OfficialLayout.MemberLong;
        }

        return Has("undl_id") ? OfficialLayout.Wide : null;
    }

    /// <summary>A readable name of a layout for messages.</summary>
    public static string Describe(OfficialLayout layout) => layout switch
    {
        OfficialLayout.AssemblyV1Long => "UN Digital Library, Assembly version 1 (ms_codes, ms_votes)",
        OfficialLayout.MemberLong => "UN Digital Library, member-level (ms_code, ms_vote)",
        OfficialLayout.Wide => "UN Digital Library, one column per member",
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, null),
    };

    /// <summary>
    /// The roll calls of <paramref name="path"/> (named <paramref name="name"/> in messages), or null when its header
    /// is none of the library's layouts. <paramref name="isKnownCode"/> tells the member codes of the reference table;
    /// with <paramref name="suggestFrom"/> (those codes) an unknown code's problem names the nearest ones. With
    /// <paramref name="keepSymbol"/> a row whose resolution symbol it refuses is passed over unchecked.
    /// </summary>
    /// <exception cref="InvalidDataException">A column the layout needs is missing ("name:1: ...").</exception>
    public static IReadOnlyList<LibraryRollCall>? Read(string path, string name, Func<string, bool> isKnownCode, DataProblems problems, IReadOnlyCollection<string>? suggestFrom = null, Func<string, bool>? keepSymbol = null)
    {
        string Nearest(string code) => suggestFrom is null ? string.Empty : Suggestions.DidYouMean(code, suggestFrom);

        using var reader = new CsvRecordReader(path);
        if (!reader.Read(out _))
        {
            problems.Report(name, 1, "the file is empty");
            return [];
        }

        var header = reader.Fields.Select(f => f.Trim()).ToArray();
        if (Detect(header) is not { } layout)
        {
            return null;
        }

        var rollCalls = new Builders(name, problems, keepSymbol);
        if (layout == OfficialLayout.Wide)
        {
            ReadWide(reader, header, name, isKnownCode, Nearest, problems, rollCalls);
        }
        else
        {
            ReadLong(reader, header, layout, name, isKnownCode, Nearest, problems, rollCalls);
        }

        return rollCalls.Build();
    }

    private static void ReadLong(CsvRecordReader reader, string[] header, OfficialLayout layout, string name, Func<string, bool> isKnownCode, Func<string, string> nearest, DataProblems problems, Builders rollCalls)
    {
        bool v1 = layout == OfficialLayout.AssemblyV1Long;
        int id = Column(header, "undl_id", layout, name);
        int code = Column(header, v1 ? "ms_codes" : "ms_code", layout, name);
        int vote = Column(header, v1 ? "ms_votes" : "ms_vote", layout, name);
        int symbol = Column(header, v1 ? "resolutions" : "resolution", layout, name);
        int date = Column(header, "date", layout, name);
        int title = Column(header, "title", layout, name);
        int memberName = Array.IndexOf(header, v1 ? "ms_names" : "ms_name");
        foreach (var (line, f, rollCall) in RollCallRows(reader, header, name, problems, rollCalls, (id, date, symbol, title)))
        {
            string cell = f[vote].Trim();
            if (cell.Length == 0)
            {
                continue;
            }

            string member = f[code].Trim();
            string label = memberName >= 0 ? $" ({f[memberName].Trim()})" : string.Empty;
            if (Choice(cell, layout) is not { } choice)
            {
                problems.Report(name, line, $"vote '{cell}' of {member} is not {Codes(layout)}");
            }
            else if (!isKnownCode(member))
            {
                problems.Report(name, line, $"member code '{member}'{label} is not in the reference table{nearest(member)}");
            }
            else
            {
                rollCall.Add(member, choice, line);
            }
        }
    }

    private static void ReadWide(CsvRecordReader reader, string[] header, string name, Func<string, bool> isKnownCode, Func<string, string> nearest, DataProblems problems, Builders rollCalls)
    {
        const OfficialLayout layout = OfficialLayout.Wide;
        int id = Column(header, "undl_id", layout, name);
        int symbol = Column(header, "resolution", layout, name);
        int date = Column(header, "date", layout, name);
        int title = Column(header, "title", layout, name);
        var members = new List<int>();
        for (int c = 0; c < header.Length; c++)
        {
            if (!IsMemberColumn(header[c]))
            {
                continue;
            }

            if (isKnownCode(header[c]))
            {
                members.Add(c);
            }
            else
            {
                problems.Report(name, 1, $"member code '{header[c]}' (column {c + 1}) is not in the reference table{nearest(header[c])}");
            }
        }

        if (members.Count == 0)
        {
            throw new InvalidDataException($"{name}:1: no member columns (three-letter codes such as USA) in the header ({Describe(layout)})");
        }

        foreach (var (line, f, rollCall) in RollCallRows(reader, header, name, problems, rollCalls, (id, date, symbol, title)))
        {
            foreach (int c in members)
            {
                string cell = f[c].Trim();
                if (cell.Length == 0)
                {
                    continue;
                }

                if (Choice(cell, layout) is { } choice)
                {
                    rollCall.Add(header[c], choice, line);
                }
                else
                {
                    problems.Report(name, line, $"vote '{cell}' of {header[c]} is not {Codes(layout)}");
                }
            }
        }
    }

    /// <summary>A member column of the wide layout: a three-letter upper-case code.</summary>
    private static bool IsMemberColumn(string column) => column.Length == 3 && column.All(char.IsAsciiLetterUpper);

    private static int Column(string[] header, string column, OfficialLayout layout, string name)
    {
        int index = Array.IndexOf(header, column);
        return index >= 0
            ? index
            : throw new InvalidDataException($"{name}:1: column '{column}' is missing from the header ({Describe(layout)})");
    }

    private static VoteChoice? Choice(string code, OfficialLayout layout) => (layout, code) switch
    {
        (_, "Y") => VoteChoice.Yes,
        (_, "N") => VoteChoice.No,
        (_, "A") => VoteChoice.Abstain,
        (OfficialLayout.AssemblyV1Long, "NV") => VoteChoice.Absent,
        (OfficialLayout.MemberLong or OfficialLayout.Wide, "X") => VoteChoice.Absent,
        _ => null,
    };

    private static string Codes(OfficialLayout layout) => layout == OfficialLayout.AssemblyV1Long ? "Y, N, A or NV" : "Y, N, A or X";

    /// <summary>The symbol's organ: A/... the Assembly, S/... the Security Council, else null.</summary>
    public static LibraryCouncil? CouncilOf(string symbol) =>
        symbol.StartsWith("A/", StringComparison.Ordinal) ? LibraryCouncil.Assembly
        : symbol.StartsWith("S/", StringComparison.Ordinal) ? LibraryCouncil.SecurityCouncil
        : null;

    /// <summary>The roll calls of one file by record id, in the order first met.</summary>
    /// <summary>
    /// The well-formed records of a file with the roll call each belongs to; a record with a reading problem or the
    /// wrong number of fields is reported at its line and skipped, as is one whose roll call the builders refuse.
    /// </summary>
    private static IEnumerable<(int Line, IReadOnlyList<string> Fields, Builder RollCall)> RollCallRows(
        CsvRecordReader reader, string[] header, string name, DataProblems problems, Builders rollCalls, (int Id, int Date, int Symbol, int Title) columns)
    {
        while (reader.Read(out var problem))
        {
            int line = reader.RecordLine;
            var f = reader.Fields;
            if (problem is not null || f.Count != header.Length)
            {
                problems.Report(name, line, problem ?? $"expected {header.Length} fields, found {f.Count}");
                continue;
            }

            if (rollCalls.Row(line, f[columns.Id], f[columns.Date], f[columns.Symbol], f[columns.Title]) is { } rollCall)
            {
                yield return (line, f, rollCall);
            }
        }
    }

    private sealed class Builders(string name, DataProblems problems, Func<string, bool>? keepSymbol)
    {
        private readonly List<Builder> _order = [];
        private readonly Dictionary<string, Builder> _byId = new(StringComparer.Ordinal);

        /// <summary>The roll call a row belongs to, or null: passed over (a symbol not kept) or reported (its resolution fields are unusable).</summary>
        public Builder? Row(int line, string idField, string dateField, string symbolField, string titleField)
        {
            string id = idField.Trim();
            string symbol = symbolField.Trim();
            string dateText = dateField.Trim();
            if (keepSymbol is not null && !keepSymbol(symbol))
            {
                return null;
            }

            if (id.Length == 0)
            {
                problems.Report(name, line, "undl_id is empty");
                return null;
            }

            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Report(name, line, $"date '{dateText}' is not a date (expected yyyy-MM-dd)");
                return null;
            }

            if (CouncilOf(symbol) is not { } council)
            {
                problems.Report(name, line, $"resolution '{symbol}' is not an Assembly (A/...) or Security Council (S/...) symbol");
                return null;
            }

            if (_byId.TryGetValue(id, out var known))
            {
                if (known.Date != date || known.Symbol != symbol)
                {
                    problems.Report(name, line, $"record {id} is {known.Symbol} on {known.Date:yyyy-MM-dd} at line {known.Line}, here {symbol} on {dateText}");
                    return null;
                }

                return known;
            }

            var rollCall = new Builder(id, council, date, symbol, titleField.Trim(), line, name, problems);
            _byId[id] = rollCall;
            _order.Add(rollCall);
            return rollCall;
        }

        public LibraryRollCall[] Build() =>
            _order.Select(b => new LibraryRollCall(b.Id, b.Council, b.Date, b.Symbol, b.Title, name, b.Line, b.Votes)).ToArray();
    }

    private sealed class Builder(string id, LibraryCouncil council, DateOnly date, string symbol, string title, int line, string name, DataProblems problems)
    {
        private readonly Dictionary<string, LibraryVote> _byMember = new(StringComparer.Ordinal);

        public string Id => id;

        public LibraryCouncil Council => council;

        public DateOnly Date => date;

        public string Symbol => symbol;

        public string Title => title;

        public int Line => line;

        public List<LibraryVote> Votes { get; } = [];

        public void Add(string member, VoteChoice choice, int voteLine)
        {
            if (_byMember.TryGetValue(member, out var first))
            {
                string differs = first.Choice == choice ? string.Empty : $" ({first.Choice} at line {first.Line}, {choice} here)";
                problems.Report(name, voteLine, $"second vote of {member} on {symbol}{differs}");
                return;
            }

            var vote = new LibraryVote(member, choice, voteLine);
            _byMember[member] = vote;
            Votes.Add(vote);
        }
    }
}
