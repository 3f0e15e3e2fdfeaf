using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Backtesting.AnalogSpread;

/// <summary>The interval score and central ranges of <see cref="CountInterval"/> against hand-computed cases.</summary>
public sealed class CountIntervalTests
{
    [Test]
    public void A_range_that_covers_scores_its_width()
    {
        var range = new CountInterval(100, 130);

        Assert.That(range.Score(100, 0.9), Is.EqualTo(30));
        Assert.That(range.Score(130, 0.9), Is.EqualTo(30));
        Assert.That(range.Score(117, 0.9), Is.EqualTo(30));
    }

    [Test]
    public void A_miss_adds_twenty_times_the_distance_at_90_percent()
    {
        // Gneiting and Raftery: (u - l) + (2 / alpha)(l - y) when y < l; alpha = 0.1: 30 + 20 * 4 = 110.
        Assert.That(new CountInterval(100, 130).Score(96, 0.9), Is.EqualTo(110).Within(1e-9));

        // Above: 30 + 20 * 7 = 170; at 80% the penalty is 2 / 0.2 = 10: 30 + 70 = 100; at 50%, 4: 30 + 28 = 58.
        Assert.That(new CountInterval(100, 130).Score(137, 0.9), Is.EqualTo(170).Within(1e-9));
        Assert.That(new CountInterval(100, 130).Score(137, 0.8), Is.EqualTo(100).Within(1e-9));
        Assert.That(new CountInterval(100, 130).Score(137, 0.5), Is.EqualTo(58).Within(1e-9));
    }

    [Test]
    public void A_level_outside_zero_to_one_is_refused()
    {
        Assert.That(() => new CountInterval(0, 1).Score(0, 1.0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new CountInterval(0, 1).Score(0, 0.0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Central_ranges_take_the_smallest_count_whose_distribution_reaches_each_tail()
    {
        // 1..20: the 90% range runs from the 5% quantile (ceil(0.05 * 20) = 1st value: 1) to the 95% quantile
        // (ceil(0.95 * 20) = 19th value: 19); the 50% range from the 5th (5) to the 15th (15) value.
        int[] sorted = Enumerable.Range(1, 20).ToArray();

        Assert.That(CountInterval.Central(sorted, 0.9), Is.EqualTo(new CountInterval(1, 19)));
        Assert.That(CountInterval.Central(sorted, 0.5), Is.EqualTo(new CountInterval(5, 15)));
        Assert.That(CountInterval.Central(sorted, 0.8), Is.EqualTo(new CountInterval(2, 18)));
    }

    [Test]
    public void Central_ranges_agree_with_the_backtests_coverage_count()
    {
        int[] samples = [7, 3, 9, 3, 12, 5, 8, 8, 4, 10, 6, 11];
        int[] sorted = samples.Order().ToArray();
        foreach (double level in new[] { 0.5, 0.8, 0.9, 0.95 })
        {
            var range = CountInterval.Central(sorted, level);
            for (int value = 0; value <= 14; value++)
            {
                Assert.That(range.Covers(value), Is.EqualTo(RollCallCountSimulator.Covers(samples, value, level)), $"level {level}, value {value}");
            }
        }
    }
}
