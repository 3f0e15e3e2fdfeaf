using StemSimulator.Engine.Calendar;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.Engine.Calendar;

/// <summary>
/// The ten-working-day deadline of A/RES/76/262 on the embedded UN Headquarters calendar: hand-counted dates around
/// holidays and year ends, and the General Assembly meetings actually held after vetoes in 2022-2024.
/// </summary>
public sealed class VetoDebateDeadlineTests
{
    private static WorkingDayCalendar Headquarters => HeadquartersCalendar.Calendar;

    [Test]
    public void AVetoOnTheFridayBeforeMemorialDayCountsFromTuesday()
    {
        // Friday 24 May 2024; Monday 27 May is Memorial Day. Working days: 28, 29, 30, 31 May, 3-7 June (9), 10 June (10).
        var veto = new DateOnly(2024, 5, 24);
        Assert.Multiple(() =>
        {
            Assert.That(Headquarters.AddWorkingDays(veto, 1), Is.EqualTo(new DateOnly(2024, 5, 28)));
            Assert.That(VetoDebateDeadline.LatestMeeting(Headquarters, veto), Is.EqualTo(new DateOnly(2024, 6, 10)));
        });
    }

    [Test]
    public void AVetoOnTheTwentySecondOfDecemberRunsIntoJanuary()
    {
        // Friday 22 December 2023: 25 Dec and 1 Jan are holidays. 26, 27, 28, 29 Dec (4), 2, 3, 4, 5 Jan (8), 8 (9), 9 (10).
        Assert.That(VetoDebateDeadline.LatestMeeting(Headquarters, new DateOnly(2023, 12, 22)), Is.EqualTo(new DateOnly(2024, 1, 9)));
        // Wednesday 22 December 2021: 24 Dec (Christmas observed) and 31 Dec (New Year's Day 2022 observed) are closed.
        // 23, 27, 28, 29, 30 Dec (5), 3, 4, 5, 6, 7 Jan (10).
        Assert.That(VetoDebateDeadline.LatestMeeting(Headquarters, new DateOnly(2021, 12, 22)), Is.EqualTo(new DateOnly(2022, 1, 7)));
    }

    [Test]
    public void RussiasVetoOfThirtySeptember2022()
    {
        // S/2022/720 (Friday 30 September 2022). The Assembly was in its eleventh emergency special session on Ukraine,
        // so no separate 76/262 debate: the session resumed on Monday 10 October 2022 (ES-11/4 adopted 12 October).
        var veto = new DateOnly(2022, 9, 30);
        Assert.Multiple(() =>
        {
            Assert.That(VetoDebateDeadline.LatestMeeting(Headquarters, veto), Is.EqualTo(new DateOnly(2022, 10, 14)));
            Assert.That(Headquarters.WorkingDaysBetween(veto, new DateOnly(2022, 10, 10)), Is.EqualTo(6));
            Assert.That(VetoDebateDeadline.IsTimely(Headquarters, veto, new DateOnly(2022, 10, 10)), Is.True);
        });
    }

    // Veto, the General Assembly's 76/262 debate, and the working days between them by hand.
    [TestCase("2022-05-26", "2022-06-08", 8, TestName = "DPRK sanctions, S/2022/431 (China, Russia): GA/12423 on 8 June 2022; Memorial Day between")]
    [TestCase("2022-07-08", "2022-07-21", 9, TestName = "Syria cross-border aid, S/2022/538 (Russia): debate of 21 July 2022")]
    [TestCase("2023-08-30", "2023-09-11", 7, TestName = "Mali sanctions (Russia): debate of 11 September 2023; Labour Day between")]
    [TestCase("2024-03-28", "2024-04-11", 8, TestName = "DPRK panel of experts (Russia): debate of 11 April 2024; Good Friday and Eid al-Fitr between")]
    [TestCase("2024-04-24", "2024-05-06", 8, TestName = "Outer space draft (Russia): debate of Monday 6 May 2024")]
    public void RealDebatesWereWithinTenWorkingDays(string veto, string debate, int workingDays)
    {
        var v = DateOnly.Parse(veto, System.Globalization.CultureInfo.InvariantCulture);
        var d = DateOnly.Parse(debate, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(Headquarters.WorkingDaysBetween(v, d), Is.EqualTo(workingDays));
            Assert.That(VetoDebateDeadline.IsTimely(Headquarters, v, d), Is.True);
            Assert.That(d, Is.LessThanOrEqualTo(VetoDebateDeadline.LatestMeeting(Headquarters, v)));
        });
    }

    [Test]
    public void VetoesAfterTheCoveredYearsAreRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => VetoDebateDeadline.LatestMeeting(Headquarters, new DateOnly(2030, 12, 24)));
        Assert.That(error!.Message, Does.Contain("covers 2014-2030"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Headquarters.IsWorkingDay(new DateOnly(2013, 12, 31)));
    }
}
