using System.Globalization;

namespace StemSimulator.Engine.Calendar;

/// <summary>
/// Working-day arithmetic for one duty station over a covered span of whole years: a working day is a Monday to Friday
/// that is not an official holiday. Floating holidays that each staff member chooses are not closures and are not
/// given here.
/// </summary>
/// <remarks>
/// Dates outside the covered years are refused with an <see cref="ArgumentOutOfRangeException"/> naming the span:
/// a holiday list is only known for the years it was compiled for, and guessing beyond them would silently shift
/// deadlines. Every query is O(1) or O(log days) on a prefix count of working days; instances are immutable and
/// thread-safe.
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly DateOnly _first;
    private readonly DateOnly _last;
    private readonly Dictionary<DateOnly, string> _holidays;

    /// <summary>_before[k] = number of working days among the covered days 0..k-1.</summary>
    private readonly int[] _before;

    /// <summary>Creates the calendar of <paramref name="firstYear"/> to <paramref name="lastYear"/> (inclusive).</summary>
    /// <param name="holidays">The days of closure; each must be a weekday within the covered years, listed once.</param>
    /// <param name="firstYear">First covered year (1 January of it is the first covered day).</param>
    /// <param name="lastYear">Last covered year (31 December of it is the last covered day), at least <paramref name="firstYear"/>.</param>
    /// <param name="station">Name of the duty station, used in error messages (for example "UN Headquarters (New York)").</param>
    /// <exception cref="ArgumentException">A holiday is on a weekend, outside the covered years, or listed twice.</exception>
    public WorkingDayCalendar(IEnumerable<OfficialHoliday> holidays, int firstYear, int lastYear, string station)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(station);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstYear, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastYear, 9998);
        Station = station;
        FirstYear = firstYear;
        LastYear = lastYear;
        _first = new DateOnly(firstYear, 1, 1);
        _last = new DateOnly(lastYear, 12, 31);
        _holidays = [];
        foreach (var holiday in holidays)
        {
            if (holiday.Date < _first || holiday.Date > _last)
            {
                throw new ArgumentException(Invariant($"The holiday {holiday.Name} on {holiday.Date:yyyy-MM-dd} is outside {Coverage}."), nameof(holidays));
            }

            if (IsWeekend(holiday.Date))
            {
                throw new ArgumentException(Invariant($"The holiday {holiday.Name} on {holiday.Date:yyyy-MM-dd} is a {holiday.Date.DayOfWeek}; give the weekday on which it is observed."), nameof(holidays));
            }

            if (!_holidays.TryAdd(holiday.Date, holiday.Name))
            {
                throw new ArgumentException(Invariant($"{holiday.Date:yyyy-MM-dd} is listed twice ({_holidays[holiday.Date]}, {holiday.Name})."), nameof(holidays));
            }
        }

        int days = _last.DayNumber - _first.DayNumber + 1;
        _before = new int[days + 1];
        for (int k = 0; k < days; k++)
        {
            var date = _first.AddDays(k);
            _before[k + 1] = _before[k] + (IsWeekend(date) || _holidays.ContainsKey(date) ? 0 : 1);
        }
    }

    /// <summary>Name of the duty station (for messages).</summary>
    public string Station { get; }

    /// <summary>First covered year.</summary>
    public int FirstYear { get; }

    /// <summary>Last covered year.</summary>
    public int LastYear { get; }

    /// <summary>The official holidays (days of closure), in date order.</summary>
    public IReadOnlyList<OfficialHoliday> Holidays =>
        _holidays.OrderBy(h => h.Key).Select(h => new OfficialHoliday(h.Key, h.Value)).ToArray();

    private string Coverage => Invariant($"the {Station} holiday calendar, which covers {FirstYear}-{LastYear}");

    /// <summary>Whether <paramref name="date"/> is a working day: Monday to Friday and not an official holiday.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the covered years.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        int k = Index(date, nameof(date));
        return _before[k + 1] > _before[k];
    }

    /// <summary>The official holiday on <paramref name="date"/>, or <see langword="null"/> on any other day.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the covered years.</exception>
    public string? HolidayOn(DateOnly date)
    {
        Index(date, nameof(date));
        return _holidays.GetValueOrDefault(date);
    }

    /// <summary>
    /// The day on which the <paramref name="workingDays"/>-th working day after <paramref name="date"/> falls, counting
    /// from the next day (<paramref name="date"/> itself never counts, whatever it is). For a negative count -n, the
    /// working day t such that exactly n working days lie after t up to and including <paramref name="date"/> (from a
    /// Monday, -1 gives the Friday before; from a Saturday, -1 gives Thursday, Friday being the one working day in
    /// between). Zero returns <paramref name="date"/>.
    /// </summary>
    /// <remarks>
    /// "Within ten working days of a veto" (A/RES/76/262) is the span up to and including
    /// <c>AddWorkingDays(vetoDate, 10)</c>. Always <c>WorkingDaysBetween(date, AddWorkingDays(date, n)) == n</c>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> or the result is outside the covered years.</exception>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        int k = Index(date, nameof(date));
        if (workingDays == 0)
        {
            return date;
        }

        // Working days up to and including date: _before[k + 1]. The result is the working day whose inclusive count is
        // that plus n, in both directions; this keeps WorkingDaysBetween(date, result) == n exact.
        int target = _before[k + 1] + workingDays;
        if (target < 1 || target > _before[^1])
        {
            throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays,
                Invariant($"{workingDays} working days from {date:yyyy-MM-dd} fall outside {Coverage}."));
        }

        // Smallest index t with _before[t + 1] == target: the target-th working day of the covered span.
        int lo = 0, hi = _before.Length - 2;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_before[mid + 1] >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return _first.AddDays(lo);
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when
    /// <paramref name="to"/> is before <paramref name="from"/> (then minus the working days after <paramref name="to"/>
    /// up to and including <paramref name="from"/>). A veto on day v and a meeting on day m satisfy the ten-day rule when
    /// <c>WorkingDaysBetween(v, m) &lt;= 10</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside the covered years.</exception>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        int a = Index(from, nameof(from));
        int b = Index(to, nameof(to));
        return _before[b + 1] - _before[a + 1];
    }

    private int Index(DateOnly date, string parameter)
    {
        if (date < _first || date > _last)
        {
            throw new ArgumentOutOfRangeException(parameter, date, Invariant($"{date:yyyy-MM-dd} is outside {Coverage}."));
        }

        return date.DayNumber - _first.DayNumber;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
