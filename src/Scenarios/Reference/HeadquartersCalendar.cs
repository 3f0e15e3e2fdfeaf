using System.Globalization;
using System.Text;
using StemSimulator.Engine.Calendar;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The official holidays at UN Headquarters in New York, 2014-2030, and the working-day calendar built from them
/// (embedded as <c>ReferenceData/un_headquarters_holidays.csv</c>; sources per year in <c>ReferenceData/SOURCES.md</c>).
/// </summary>
/// <remarks>
/// The table is data rather than code because each date carries its own provenance (a circular, a report, a rule or a
/// computation) and is corrected, when the next circular appears, without touching the arithmetic; the Engine receives
/// only the resulting <see cref="WorkingDayCalendar"/>.
/// </remarks>
public static class HeadquartersCalendar
{
    /// <summary>First year covered.</summary>
    public const int FirstYear = 2014;

    /// <summary>Last year covered.</summary>
    public const int LastYear = 2030;

    internal const string Resource = ReferenceCatalog.ResourcePrefix + "un_headquarters_holidays.csv";

    private static readonly string[] Statuses = ["circular", "secondary", "rule", "computed", "inferred"];

    private static readonly Lazy<(IReadOnlyList<HeadquartersHoliday> Rows, WorkingDayCalendar Calendar)> LazyEmbedded =
        new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The holiday rows, in date order.</summary>
    /// <exception cref="InvalidDataException">The embedded table is missing or malformed (a build defect).</exception>
    public static IReadOnlyList<HeadquartersHoliday> Holidays => LazyEmbedded.Value.Rows;

    /// <summary>Working days at UN Headquarters, 1 January 2014 to 31 December 2030.</summary>
    /// <exception cref="InvalidDataException">The embedded table is missing or malformed (a build defect).</exception>
    public static WorkingDayCalendar Calendar => LazyEmbedded.Value.Calendar;

    /// <summary>Parses a holiday table (the embedded loader and tests use it).</summary>
    /// <exception cref="InvalidDataException">A row is malformed; the message names the resource and line.</exception>
    internal static (IReadOnlyList<HeadquartersHoliday> Rows, WorkingDayCalendar Calendar) Load(TextReader reader, string resource)
    {
        var records = ReferenceCatalog.ParseCsv(reader, resource);
        string[] header = ["date", "holiday", "holiday_year", "status", "source"];
        if (records.Count == 0 || !records[0].Fields.SequenceEqual(header, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"{resource}:1: expected the header '{string.Join(',', header)}'.");
        }

        var rows = new List<HeadquartersHoliday>();
        foreach (var (line, f) in records.Skip(1))
        {
            string where = $"{resource}:{line.ToString(CultureInfo.InvariantCulture)}";
            if (f.Length != header.Length)
            {
                throw new InvalidDataException($"{where}: expected {header.Length} fields, found {f.Length}.");
            }

            if (!DateOnly.TryParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidDataException($"{where}: '{f[0]}' is not an ISO date (yyyy-MM-dd).");
            }

            if (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out int year) || Math.Abs(year - date.Year) > 1)
            {
                throw new InvalidDataException($"{where}: holiday_year '{f[2]}' does not fit the date {f[0]}.");
            }

            if (!Statuses.Contains(f[3], StringComparer.Ordinal))
            {
                throw new InvalidDataException($"{where}: status '{f[3]}' is not one of {string.Join(", ", Statuses)}.");
            }

            if (f[1].Length == 0)
            {
                throw new InvalidDataException($"{where}: the holiday has no name.");
            }

            rows.Add(new HeadquartersHoliday(date, f[1], year, f[3], f[4]));
        }

        rows.Sort((a, b) => a.Date.CompareTo(b.Date));
        try
        {
            var calendar = new WorkingDayCalendar(rows.Select(r => new OfficialHoliday(r.Date, r.Name)), FirstYear, LastYear, "UN Headquarters (New York)");
            return (rows, calendar);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{resource}: {e.Message}", e);
        }
    }

    private static (IReadOnlyList<HeadquartersHoliday>, WorkingDayCalendar) LoadEmbedded()
    {
        var assembly = typeof(HeadquartersCalendar).Assembly;
        using var stream = assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidDataException($"{Resource}: embedded resource not found in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Load(reader, Resource);
    }
}
