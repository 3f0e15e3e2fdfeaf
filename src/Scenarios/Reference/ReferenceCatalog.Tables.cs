using System.Collections.Frozen;
using System.Globalization;
using StemSimulator.Engine.Members;
using StemSimulator.Scenarios.Csv;

namespace StemSimulator.Scenarios.Reference;

// Reading the embedded reference tables (states, blocs, Council terms, the calibration) into the catalog, with
// file:line problems.
public sealed partial class ReferenceCatalog
{
    private static MemberState[] ReadStates(Func<string, ReferenceRecords> open)
    {
        var states = new List<MemberState>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in ReadTable(open, MembersResource, "iso3", "name", "un_regional_group", "admitted", "status"))
        {
            var code = row.Code(0);
            if (!seen.Add(code))
            {
                throw row.Error($"duplicate state code '{code}'");
            }

            var name = row.Required(1);
            var group = row.Group(2);
            var admitted = row.Date(3);
            var observer = row.Span(4) switch
            {
                "member" => false,
                "observer" => true,
                _ => throw row.Error($"status must be 'member' or 'observer', not '{row[4]}'"),
            };
            states.Add(new MemberState(code, name, group, admitted, observer));
        }

        return [.. states.OrderBy(s => s.Code, StringComparer.Ordinal)];
    }

    private static FrozenDictionary<string, Bloc> ReadBlocs(Func<string, ReferenceRecords> open, Dictionary<string, MemberState> states)
    {
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ReadTable(open, BlocsResource, "bloc", "description"))
        {
            var name = row.Required(0);
            if (!descriptions.TryAdd(name, row[1]))
            {
                throw row.Error($"duplicate bloc '{name}'");
            }
        }

        var memberships = descriptions.Keys.ToDictionary(k => k, _ => new List<BlocMembership>(), StringComparer.Ordinal);
        foreach (var row in ReadTable(open, BlocMembershipsResource, "bloc", "iso3", "from", "until"))
        {
            var bloc = row.Required(0);
            if (!memberships.TryGetValue(bloc, out var list))
            {
                throw row.Error($"bloc '{bloc}' is not defined in {BlocsResource}");
            }

            var code = row.KnownCode(1, states);
            var from = row.Date(2);
            DateOnly? until = row.Span(3).Length == 0 ? null : row.Date(3);
            if (until <= from)
            {
                throw row.Error($"until ({until:yyyy-MM-dd}) must be after from ({from:yyyy-MM-dd})");
            }

            var membership = new BlocMembership(code, from, until);
            if (list.Any(m => m.Code == code && Overlaps(m, membership)))
            {
                throw row.Error($"overlapping memberships of {code} in {bloc}");
            }

            list.Add(membership);
        }

        return descriptions
            .Select(d => new Bloc(d.Key, d.Value, memberships[d.Key]))
            .ToFrozenDictionary(b => b.Name, StringComparer.Ordinal);
    }

    private static FrozenDictionary<int, string[]> ReadCouncilTerms(Func<string, ReferenceRecords> open, Dictionary<string, MemberState> states)
    {
        var byYear = new Dictionary<int, SortedSet<string>>();
        foreach (var row in ReadTable(open, CouncilTermsResource, "iso3", "first_year", "last_year"))
        {
            var code = row.KnownCode(0, states);
            if (Permanent.Contains(code, StringComparer.Ordinal))
            {
                throw row.Error($"{code} is a permanent member, not an elected one");
            }

            var first = row.Int(1);
            var last = row.Int(2);
            if (last < first || last - first > 1)
            {
                throw row.Error($"a term covers one or two years, not {first}-{last}");
            }

            for (var year = first; year <= last; year++)
            {
                var set = byYear.TryGetValue(year, out var existing) ? existing : byYear[year] = new SortedSet<string>(StringComparer.Ordinal);
                if (!set.Add(code))
                {
                    throw row.Error($"{code} is listed twice for {year}");
                }

                if (set.Count > ElectedSeats)
                {
                    throw row.Error($"more than {ElectedSeats} elected members in {year}");
                }
            }
        }

        return byYear.ToFrozenDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static readonly string[] PositionColumns =
        ["iso3", "year", "theta", "theta_se", .. IssueAreas.Names.Select(n => "offset_" + n), "absence_rate", "votes", "records"];

    private static readonly string[] RollCallColumns =
        ["roll_call", "session", "year", "date", "symbol", "kind", "issues", "beta", "tau1", "tau2", "beta_se", "tau1_se", "tau2_se", "yes", "abstain", "no", "absent", "title"];

    private static CalibrationModel ReadModel(Func<string, ReferenceRecords> open)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ReadTable(open, CalibrationModelResource, "key", "value"))
        {
            if (!values.TryAdd(row.Required(0), row[1]))
            {
                throw row.Error($"duplicate key '{row[0]}'");
            }
        }

        return new CalibrationModel(values);
    }

    private static CalibratedPositions ReadPositions(Func<string, ReferenceRecords> open, double positionStepSd)
    {
        var positions = new List<MemberPosition>();
        var seen = new HashSet<(string, int)>();
        int issues = IssueAreas.Names.Count;
        string? previous = null;
        foreach (var row in ReadTable(open, PositionsResource, PositionColumns))
        {
            // Historical units (DDR, YUG, CSK, ...) are kept: they are part of the calibration, never of a scenario.
            var code = previous = row.Code(0, previous);
            int year = row.Int(1);
            var offsets = new double[issues];
            for (int k = 0; k < issues; k++)
            {
                offsets[k] = row.Double(4 + k);
            }

            var position = new MemberPosition(code, year, row.Double(2), row.Double(3), row.Double(4 + issues), year, offsets);
            if (!(position.ThetaStandardError > 0))
            {
                throw row.Error("theta_se must be greater than 0");
            }

            if (!(position.AbsenceRate is >= 0 and <= 1))
            {
                throw row.Error("absence_rate must lie in [0, 1]");
            }

            if (!seen.Add((code, year)))
            {
                throw row.Error($"duplicate position for {code} in {year}");
            }

            positions.Add(position);
        }

        return new CalibratedPositions(positions, positionStepSd);
    }

    private static AnalogRollCalls ReadRollCalls(Func<string, ReferenceRecords> open)
    {
        var rollCalls = new List<AnalogRollCall>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in ReadTable(open, RollCallsResource, RollCallColumns))
        {
            var id = row.Required(0);
            if (!seen.Add(id))
            {
                throw row.Error($"duplicate roll call '{id}'");
            }

            var mask = (row.Span(6).Length == 0 ? 0 : IssueAreas.MaskOf(row[6])) ?? throw row.Error($"unknown issue area in '{row[6]}'");
            var kind = row.Span(5) switch
            {
                "resolution" => "resolution",
                "amendment" => "amendment",
                "paragraph" => "paragraph",
                _ => throw row.Error($"kind '{row[5]}' is not resolution, amendment or paragraph"),
            };
            var rollCall = new AnalogRollCall(id, row[4], row.Int(2), row.Date(3), kind, mask, row.Double(7), row.Double(8), row.Double(9),
                row.Int(13), row.Int(14), row.Int(15), row.Int(16), row[17]);
            if (rollCall.Tau2 < rollCall.Tau1)
            {
                throw row.Error("tau2 must not be below tau1");
            }

            rollCalls.Add(rollCall);
        }

        return new AnalogRollCalls(rollCalls);
    }

    private static IEnumerable<Row> ReadTable(Func<string, ReferenceRecords> open, string resource, params string[] header)
    {
        // Each record is converted as it is read: nothing of a table is kept but what its reader makes of it.
        using var records = open(resource);
        if (!records.Read())
        {
            throw new InvalidDataException($"{resource}: empty resource, expected header '{string.Join(',', header)}'.");
        }

        if (!HeaderIs(records, header))
        {
            var actual = Enumerable.Range(0, records.FieldCount).Select(records.Text);
            throw new InvalidDataException(
                $"{resource}:{records.Line.ToString(CultureInfo.InvariantCulture)}: header is '{string.Join(',', actual)}', expected '{string.Join(',', header)}'.");
        }

        while (records.Read())
        {
            if (records.FieldCount != header.Length)
            {
                throw new InvalidDataException(
                    $"{resource}:{records.Line.ToString(CultureInfo.InvariantCulture)}: expected {header.Length} fields, found {records.FieldCount}.");
            }

            yield return new Row(records);
        }
    }

    private static bool HeaderIs(ReferenceRecords records, string[] header)
    {
        if (records.FieldCount != header.Length)
        {
            return false;
        }

        for (int k = 0; k < header.Length; k++)
        {
            if (!records.Span(k).SequenceEqual(header[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Parses RFC 4180 CSV: comma-separated fields, optionally enclosed in double quotes; a quoted field may contain
    /// commas, line breaks and doubled quotes. Blank lines are skipped. Each record carries the line it starts on.
    /// </summary>
    /// <exception cref="InvalidDataException">A quote is unterminated or misplaced; the message names the resource and line.</exception>
    internal static IReadOnlyList<(int Line, string[] Fields)> ParseCsv(TextReader reader, string resource)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = new CsvRecordReader(reader, resource);
        var records = new List<(int, string[])>();
        while (csv.Read(out var problem))
        {
            if (problem is not null)
            {
                throw ReferenceRecords.QuotingError(resource, csv.ProblemLine, problem);
            }

            records.Add((csv.RecordLine, csv.Fields.ToArray()));
        }

        return records;
    }

    private static bool Overlaps(BlocMembership a, BlocMembership b) =>
        (b.Until is null || a.From < b.Until) && (a.Until is null || b.From < a.Until);

    private static string DescribeYears(int[] years)
    {
        if (years.Length == 0)
        {
            return "no year";
        }

        var parts = new List<string>();
        var start = years[0];
        for (var k = 1; k <= years.Length; k++)
        {
            if (k == years.Length || years[k] != years[k - 1] + 1)
            {
                var end = years[k - 1];
                parts.Add(start == end
                    ? start.ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{start}-{end}"));
                if (k < years.Length)
                {
                    start = years[k];
                }
            }
        }

        return string.Join(", ", parts);
    }

    /// <summary>
    /// The current data row of a reference table, with typed, validated accessors; valid until the table's next row.
    /// Numbers, dates and codes are parsed from the fields' spans, so only the fields a reader keeps become strings.
    /// </summary>
    private readonly struct Row(ReferenceRecords records)
    {
        public string this[int index] => records.Text(index);

        public ReadOnlySpan<char> Span(int index) => records.Span(index);

        public InvalidDataException Error(string message) =>
            new($"{records.Resource}:{records.Line.ToString(CultureInfo.InvariantCulture)}: {message}.");

        public string Required(int index) =>
            records.Span(index).Length > 0 ? records.Text(index) : throw Error($"field {index + 1} is empty");

        public string Code(int index) => Code(index, null);

        /// <summary>The ISO3 code of field <paramref name="index"/>: <paramref name="previous"/> itself when the field equals it.</summary>
        public string Code(int index, string? previous)
        {
            var code = records.Span(index);
            if (code.Length != 3 || !char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiLetterUpper(code[1]) || !char.IsAsciiLetterUpper(code[2]))
            {
                throw Error($"'{this[index]}' is not an upper-case ISO3 code");
            }

            return previous is not null && code.SequenceEqual(previous) ? previous : records.Text(index);
        }

        public string KnownCode(int index, Dictionary<string, MemberState> states)
        {
            var code = Code(index);
            return states.ContainsKey(code) ? code : throw Error($"state '{code}' is not in {MembersResource}");
        }

        public RegionalGroup Group(int index)
        {
            var value = this[index];
            return Enum.GetNames<RegionalGroup>().Contains(value, StringComparer.Ordinal)
                ? Enum.Parse<RegionalGroup>(value)
                : throw Error($"'{value}' is not a regional group ({string.Join(", ", Enum.GetNames<RegionalGroup>())})");
        }

        public DateOnly Date(int index) =>
            DateOnly.TryParseExact(records.Span(index), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Error($"'{this[index]}' is not an ISO date (yyyy-MM-dd)");

        public int Int(int index) =>
            int.TryParse(records.Span(index), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error($"'{this[index]}' is not an integer");

        public double Double(int index) =>
            double.TryParse(records.Span(index), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw Error($"'{this[index]}' is not a finite number");
    }
}
