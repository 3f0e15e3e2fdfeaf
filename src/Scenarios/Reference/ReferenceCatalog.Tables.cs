using System.Collections.Frozen;
using System.Globalization;
using StemSimulator.Engine.Members;
using StemSimulator.Scenarios.Csv;

namespace StemSimulator.Scenarios.Reference;

// Reading the embedded reference tables (states, blocs, Council terms, the calibration) into the catalog, with
// file:line problems.
public sealed partial class ReferenceCatalog
{
    private static MemberState[] ReadStates(Func<string, TextReader> open)
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
            var observer = row[4] switch
            {
                "member" => false,
                "observer" => true,
                var other => throw row.Error($"status must be 'member' or 'observer', not '{other}'"),
            };
            states.Add(new MemberState(code, name, group, admitted, observer));
        }

        return [.. states.OrderBy(s => s.Code, StringComparer.Ordinal)];
    }

    private static FrozenDictionary<string, Bloc> ReadBlocs(Func<string, TextReader> open, Dictionary<string, MemberState> states)
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
            DateOnly? until = row[3].Length == 0 ? null : row.Date(3);
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

    private static FrozenDictionary<int, string[]> ReadCouncilTerms(Func<string, TextReader> open, Dictionary<string, MemberState> states)
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

    private static CalibrationModel ReadModel(Func<string, TextReader> open)
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

    private static CalibratedPositions ReadPositions(Func<string, TextReader> open, double positionStepSd)
    {
        var positions = new List<MemberPosition>();
        var seen = new HashSet<(string, int)>();
        int issues = IssueAreas.Names.Count;
        foreach (var row in ReadTable(open, PositionsResource, PositionColumns))
        {
            // Historical units (DDR, YUG, CSK, ...) are kept: they are part of the calibration, never of a scenario.
            var code = row.Code(0);
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

    private static AnalogRollCalls ReadRollCalls(Func<string, TextReader> open)
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

            var mask = IssueAreas.MaskOf(row[6]) ?? throw row.Error($"unknown issue area in '{row[6]}'");
            var kind = row[5] is "resolution" or "amendment" or "paragraph" ? row[5] : throw row.Error($"kind '{row[5]}' is not resolution, amendment or paragraph");
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

    private static IEnumerable<Row> ReadTable(Func<string, TextReader> open, string resource, params string[] header)
    {
        using var reader = open(resource);
        var records = ParseCsv(reader, resource);
        if (records.Count == 0)
        {
            throw new InvalidDataException($"{resource}: empty resource, expected header '{string.Join(',', header)}'.");
        }

        var (headerLine, actual) = records[0];
        if (!actual.SequenceEqual(header, StringComparer.Ordinal))
        {
            throw new InvalidDataException(
                $"{resource}:{headerLine.ToString(CultureInfo.InvariantCulture)}: header is '{string.Join(',', actual)}', expected '{string.Join(',', header)}'.");
        }

        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException(
                    $"{resource}:{line.ToString(CultureInfo.InvariantCulture)}: expected {header.Length} fields, found {fields.Length}.");
            }

            yield return new Row(resource, line, fields);
        }
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
                string hint = problem == CsvRecordReader.QuoteInsideUnquotedField ? " (quote the whole field and double the quote)" : string.Empty;
                throw new InvalidDataException($"{resource}:{csv.ProblemLine.ToString(CultureInfo.InvariantCulture)}: {problem}{hint}.");
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

    /// <summary>One data row of a reference table, with typed, validated accessors.</summary>
    private readonly struct Row(string resource, int line, string[] fields)
    {
        public string this[int index] => fields[index];

        public InvalidDataException Error(string message) =>
            new($"{resource}:{line.ToString(CultureInfo.InvariantCulture)}: {message}.");

        public string Required(int index) =>
            fields[index].Length > 0 ? fields[index] : throw Error($"field {index + 1} is empty");

        public string Code(int index)
        {
            var code = fields[index];
            return code.Length == 3 && code.All(char.IsAsciiLetterUpper)
                ? code
                : throw Error($"'{code}' is not an upper-case ISO3 code");
        }

        public string KnownCode(int index, Dictionary<string, MemberState> states)
        {
            var code = Code(index);
            return states.ContainsKey(code) ? code : throw Error($"state '{code}' is not in {MembersResource}");
        }

        public RegionalGroup Group(int index)
        {
            var value = fields[index];
            return Enum.GetNames<RegionalGroup>().Contains(value, StringComparer.Ordinal)
                ? Enum.Parse<RegionalGroup>(value)
                : throw Error($"'{value}' is not a regional group ({string.Join(", ", Enum.GetNames<RegionalGroup>())})");
        }

        public DateOnly Date(int index) =>
            DateOnly.TryParseExact(fields[index], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Error($"'{fields[index]}' is not an ISO date (yyyy-MM-dd)");

        public int Int(int index) =>
            int.TryParse(fields[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error($"'{fields[index]}' is not an integer");

        public double Double(int index) =>
            double.TryParse(fields[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw Error($"'{fields[index]}' is not a finite number");
    }
}
