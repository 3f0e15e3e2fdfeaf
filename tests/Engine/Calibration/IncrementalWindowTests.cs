using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Calibration;

/// <summary>Which years an update refits, by hand.</summary>
public sealed class IncrementalWindowTests
{
    [TestCase(1946, 2019, 2021, 0, 2017, TestName = "Two new years: the three years before them, which are also the last five")]
    [TestCase(1946, 2019, 2020, 0, 2016, TestName = "One new year: back to 2016 so the shocks see five fitted years")]
    [TestCase(1946, 2019, 2021, 2, 2015, TestName = "Two out-of-sample shock years: the refit to 2019 needs 2015-2019")]
    [TestCase(2017, 2019, 2020, 0, 2018, TestName = "Never the table's first year: the anchor needs a year before")]
    [TestCase(1946, 2019, 2025, 0, 2017, TestName = "Six new years: the overlap of three decides")]
    public void First_refit_year(int earlierFirst, int earlierLast, int lastYear, int shockYears, int expected) =>
        Assert.That(IncrementalWindow.FirstRefitYear(earlierFirst, earlierLast, lastYear, shockYears), Is.EqualTo(expected));

    [Test]
    public void A_last_year_not_after_the_table_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IncrementalWindow.FirstRefitYear(1946, 2019, 2019, 0));
}
