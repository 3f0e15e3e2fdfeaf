using StemSimulator.Engine.Calendar;

namespace StemSimulator.Tests.Engine.Calendar;

/// <summary>Working-day arithmetic on a hand-made one-year calendar whose answers are counted by hand.</summary>
public sealed class WorkingDayArithmeticTests
{
    // 2021: 1 Jan is a Friday; Monday 31 May is a holiday (Memorial Day); Friday 24 Dec is Christmas observed.
    private static readonly WorkingDayCalendar Calendar = new(
        [new(new DateOnly(2021, 1, 1), "New Year's Day"), new(new DateOnly(2021, 5, 31), "Memorial Day"), new(new DateOnly(2021, 12, 24), "Christmas Day")],
        2021, 2021, "test station");

    [Test]
    public void WeekendsAndHolidaysAreNotWorkingDays()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Calendar.IsWorkingDay(new DateOnly(2021, 1, 1)), Is.False, "holiday");
            Assert.That(Calendar.IsWorkingDay(new DateOnly(2021, 1, 2)), Is.False, "Saturday");
            Assert.That(Calendar.IsWorkingDay(new DateOnly(2021, 1, 3)), Is.False, "Sunday");
            Assert.That(Calendar.IsWorkingDay(new DateOnly(2021, 1, 4)), Is.True, "Monday");
            Assert.That(Calendar.HolidayOn(new DateOnly(2021, 5, 31)), Is.EqualTo("Memorial Day"));
            Assert.That(Calendar.HolidayOn(new DateOnly(2021, 6, 1)), Is.Null);
        });
    }

    [Test]
    public void AddingSkipsWeekends()
    {
        // Wednesday 3 March + 5 working days: Thu 4, Fri 5, Mon 8, Tue 9, Wed 10.
        Assert.That(Calendar.AddWorkingDays(new DateOnly(2021, 3, 3), 5), Is.EqualTo(new DateOnly(2021, 3, 10)));
        // From a Saturday the next working day is Monday.
        Assert.That(Calendar.AddWorkingDays(new DateOnly(2021, 3, 6), 1), Is.EqualTo(new DateOnly(2021, 3, 8)));
    }

    [Test]
    public void AFridayBeforeAMondayHolidayMovesToTuesday()
    {
        // Friday 28 May 2021, Monday 31 May is Memorial Day: the first working day after is Tuesday 1 June.
        var friday = new DateOnly(2021, 5, 28);
        Assert.Multiple(() =>
        {
            Assert.That(Calendar.AddWorkingDays(friday, 1), Is.EqualTo(new DateOnly(2021, 6, 1)));
            // June working days: 1, 2, 3, 4 (4), 7, 8, 9, 10, 11 (9), 14 (10).
            Assert.That(Calendar.AddWorkingDays(friday, 10), Is.EqualTo(new DateOnly(2021, 6, 14)));
            Assert.That(Calendar.WorkingDaysBetween(friday, new DateOnly(2021, 6, 14)), Is.EqualTo(10));
            Assert.That(Calendar.WorkingDaysBetween(friday, new DateOnly(2021, 6, 15)), Is.EqualTo(11));
        });
    }

    [Test]
    public void CountingIsExclusiveOfTheStartAndInclusiveOfTheEnd()
    {
        var monday = new DateOnly(2021, 3, 8);
        Assert.Multiple(() =>
        {
            Assert.That(Calendar.WorkingDaysBetween(monday, monday), Is.Zero);
            Assert.That(Calendar.WorkingDaysBetween(monday, new DateOnly(2021, 3, 12)), Is.EqualTo(4));
            Assert.That(Calendar.WorkingDaysBetween(new DateOnly(2021, 3, 12), monday), Is.EqualTo(-4));
            Assert.That(Calendar.AddWorkingDays(monday, 0), Is.EqualTo(monday));
            Assert.That(Calendar.AddWorkingDays(monday, -1), Is.EqualTo(new DateOnly(2021, 3, 5)), "the Friday before");
        });
    }

    [Test]
    public void AddingAndCountingAreInverse()
    {
        for (var day = new DateOnly(2021, 1, 1); day <= new DateOnly(2021, 11, 30); day = day.AddDays(1))
        {
            foreach (int n in new[] { -3, 1, 2, 10, 15 })
            {
                if (n < 0 && day < new DateOnly(2021, 1, 10))
                {
                    continue;
                }

                var result = Calendar.AddWorkingDays(day, n);
                Assert.That(Calendar.WorkingDaysBetween(day, result), Is.EqualTo(n), $"{day} {n}");
                Assert.That(Calendar.IsWorkingDay(result), Is.True, $"{day} {n} lands on {result}");
            }
        }
    }

    [Test]
    public void DatesOutsideTheCoveredYearsAreRefusedWithTheSpan()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(new DateOnly(2022, 1, 3)));
        Assert.That(error!.Message, Does.Contain("2022-01-03").And.Contain("covers 2021-2021"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2021, 12, 30), 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.WorkingDaysBetween(new DateOnly(2020, 12, 31), new DateOnly(2021, 1, 4)));
    }

    [Test]
    public void HolidaysOnWeekendsOrOutsideTheYearsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => _ = new WorkingDayCalendar([new(new DateOnly(2021, 7, 4), "Independence Day")], 2021, 2021, "x"));
        Assert.Throws<ArgumentException>(() => _ = new WorkingDayCalendar([new(new DateOnly(2022, 7, 4), "Independence Day")], 2021, 2021, "x"));
        Assert.Throws<ArgumentException>(() => _ = new WorkingDayCalendar(
            [new(new DateOnly(2021, 7, 5), "a"), new(new DateOnly(2021, 7, 5), "b")], 2021, 2021, "x"));
    }
}
