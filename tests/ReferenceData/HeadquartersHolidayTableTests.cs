using System.Globalization;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.ReferenceData;

/// <summary>
/// The embedded UN Headquarters holiday table against independent truth: the lists published for 2017, 2020 and 2024,
/// Good Friday dates from the Western church calendar, the US weekday rules, and .NET's Umm al-Qura calendar.
/// </summary>
public sealed class HeadquartersHolidayTableTests
{
    private static IEnumerable<TestCaseData> PublishedYears()
    {
        // Information circular for 2017 (UN document 16-19205).
        yield return new TestCaseData(2017, new[] { "2017-01-02", "2017-04-14", "2017-05-29", "2017-06-26", "2017-07-04", "2017-09-01", "2017-09-04", "2017-11-23", "2017-12-25" });
        // ST/IC/2019/23, quoted by ask.un.org/faq/112514.
        yield return new TestCaseData(2020, new[] { "2020-01-01", "2020-04-10", "2020-05-25", "2020-05-26", "2020-07-03", "2020-07-31", "2020-09-07", "2020-11-26", "2020-12-25" });
        // The 2024 list as reported in December 2023.
        yield return new TestCaseData(2024, new[] { "2024-01-01", "2024-03-29", "2024-04-10", "2024-05-27", "2024-06-17", "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25" });
    }

    [TestCaseSource(nameof(PublishedYears))]
    public void PublishedListsAreReproduced(int year, string[] published)
    {
        var table = HeadquartersCalendar.Holidays.Where(h => h.HolidayYear == year).Select(h => h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.That(table, Is.EqualTo(published));
    }

    [Test]
    public void NineHolidaysAYearAndTenBeforeTheFloatingHoliday()
    {
        for (int year = HeadquartersCalendar.FirstYear; year <= HeadquartersCalendar.LastYear; year++)
        {
            var names = HeadquartersCalendar.Holidays.Where(h => h.HolidayYear == year).Select(h => h.Name).Order(StringComparer.Ordinal).ToArray();
            string[] nine = ["Christmas Day", "Eid al-Adha", "Eid al-Fitr", "Good Friday", "Independence Day", "Labour Day", "Memorial Day", "New Year's Day", "Thanksgiving Day"];
            string[] expected = year < 2016 ? [.. nine, "Presidents' Day"] : nine;
            Assert.That(names, Is.EquivalentTo(expected), year.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Test]
    public void GoodFridayMatchesTheChurchCalendar()
    {
        string[] goodFridays =
        [
            "2014-04-18", "2015-04-03", "2016-03-25", "2017-04-14", "2018-03-30", "2019-04-19", "2020-04-10", "2021-04-02", "2022-04-15",
            "2023-04-07", "2024-03-29", "2025-04-18", "2026-04-03", "2027-03-26", "2028-04-14", "2029-03-30", "2030-04-19",
        ];
        Assert.That(HeadquartersCalendar.Holidays.Where(h => h.Name == "Good Friday").Select(h => h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Is.EqualTo(goodFridays));
    }

    [Test]
    public void FixedHolidaysFollowTheUsWeekdayRules()
    {
        foreach (var h in HeadquartersCalendar.Holidays)
        {
            int y = h.HolidayYear;
            DateOnly? expected = h.Name switch
            {
                "New Year's Day" => Observed(new DateOnly(y, 1, 1)),
                "Presidents' Day" => NthWeekday(y, 2, DayOfWeek.Monday, 3),
                "Memorial Day" => NthWeekday(y, 6, DayOfWeek.Monday, 1).AddDays(-7),
                "Independence Day" => Observed(new DateOnly(y, 7, 4)),
                "Labour Day" => NthWeekday(y, 9, DayOfWeek.Monday, 1),
                "Thanksgiving Day" => NthWeekday(y, 11, DayOfWeek.Thursday, 4),
                "Christmas Day" => Observed(new DateOnly(y, 12, 25)),
                _ => null,
            };
            if (expected is { } date)
            {
                Assert.That(h.Date, Is.EqualTo(date), $"{h.Name} {y}");
            }
        }
    }

    [Test]
    public void EidDatesAreTheUmmAlQuraDatesOnTheNextFreeWeekday()
    {
        var ummAlQura = new UmAlQuraCalendar();
        var taken = HeadquartersCalendar.Holidays.Where(h => !h.Name.StartsWith("Eid", StringComparison.Ordinal)).Select(h => h.Date).ToHashSet();
        foreach (var h in HeadquartersCalendar.Holidays.Where(h => h.Name.StartsWith("Eid", StringComparison.Ordinal)))
        {
            var (month, day) = h.Name == "Eid al-Fitr" ? (10, 1) : (12, 10);
            int hijriYear = ummAlQura.GetYear(new DateTime(h.HolidayYear, 7, 1, 0, 0, 0, DateTimeKind.Unspecified));
            var candidates = Enumerable.Range(hijriYear - 1, 3)
                .Select(hy => DateOnly.FromDateTime(ummAlQura.ToDateTime(hy, month, day, 0, 0, 0, 0)))
                .Where(d => d.Year == h.HolidayYear)
                .ToArray();
            Assert.That(candidates, Has.Length.EqualTo(1), $"{h.Name} {h.HolidayYear}");
            var expected = Observed(candidates[0]);
            while (taken.Contains(expected) || expected.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                expected = expected.AddDays(1);
            }

            Assert.That(h.Date, Is.EqualTo(expected), $"{h.Name} {h.HolidayYear}");
            if (h.Status == "computed")
            {
                Assert.That(h.Source, Is.EqualTo("Umm al-Qura " + candidates[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }
    }

    [Test]
    public void TheEidOf2015WasTheDayTheUnClosed()
    {
        // Headquarters closed on Wednesday 23 September 2015 for Eid al-Adha, the day before Saudi Arabia's Eid.
        var eid = HeadquartersCalendar.Holidays.Single(h => h.HolidayYear == 2015 && h.Name == "Eid al-Adha");
        Assert.That(eid.Date, Is.EqualTo(new DateOnly(2015, 9, 23)));
        Assert.That(eid.Status, Is.EqualTo("secondary"));
    }

    [Test]
    public void EveryRowSaysHowItIsKnown()
    {
        Assert.That(HeadquartersCalendar.Holidays.Where(h => h.Status is "circular" or "secondary" or "computed" or "inferred").Select(h => h.Source), Is.All.Not.Empty);
        Assert.That(HeadquartersCalendar.Holidays.Where(h => h.Status == "inferred").Select(h => h.Name), Is.All.EqualTo("Presidents' Day"));
    }

    private static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (n - 1)));
    }
}
