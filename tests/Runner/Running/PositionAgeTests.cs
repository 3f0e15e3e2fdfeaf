using StemSimulator.Runner.Running;

namespace StemSimulator.Tests.Runner.Running;

/// <summary>How old the positions are for a vote, against hand-counted days.</summary>
public sealed class PositionAgeTests
{
    [Test]
    public void A_vote_five_calendar_years_after_the_calibration_is_widened_by_five_years_and_warned_about()
    {
        // 31 Dec 2021 to 31 Dec 2026 is 1,826 days (2024 is a leap year); 20 Nov is 41 days before 31 Dec: 1,785 days.
        var age = new PositionAge("hrc", new DateOnly(2026, 11, 20), 2021, 0.1);

        Assert.That(age.Years, Is.EqualTo(1785 / 365.25).Within(1e-12));
        Assert.That(age.WidenedYears, Is.EqualTo(5));
        Assert.That(age.Describe(), Is.EqualTo("hrc: positions as of 2021, 4.9 years before this vote; ranges widened accordingly (5 year(s) of drift at 0.1 per year)"));
        Assert.That(age.Warning(), Is.EqualTo("warning: hrc is 4.9 years past the calibration (2021) and no recorded vote since then informs its positions"));
    }

    [Test]
    public void A_vote_in_the_calibration_year_is_not_widened_and_one_within_two_years_is_not_warned_about()
    {
        var same = new PositionAge("a", new DateOnly(2021, 12, 10), 2021, 0.1);
        // 31 Dec 2021 to 1 Jun 2023: 365 + 152 = 517 days, 1.4 years; two calendar years of drift (2022, 2023).
        var soon = new PositionAge("b", new DateOnly(2023, 6, 1), 2021, 0.1);

        Assert.That(same.WidenedYears, Is.Zero);
        Assert.That(same.Describe(), Is.EqualTo("a: positions as of 2021, the year of this vote; ranges not widened"));
        Assert.That(same.Warning(), Is.Null);
        Assert.That(soon.Years, Is.EqualTo(517 / 365.25).Within(1e-12));
        Assert.That(soon.WidenedYears, Is.EqualTo(2));
        Assert.That(soon.Warning(), Is.Null);
        Assert.That(PositionAge.Metadata([same, soon]), Is.EqualTo(same.Describe() + "; " + soon.Describe()));
    }
}
