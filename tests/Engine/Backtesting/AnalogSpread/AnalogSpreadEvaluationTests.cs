using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Model;

namespace StemSimulator.Tests.Engine.Backtesting.AnalogSpread;

/// <summary>Choosing a spread, coverage and the count-change baseline of <see cref="AnalogSpreadEvaluation"/> on hand-made cases.</summary>
public sealed class AnalogSpreadEvaluationTests
{
    /// <summary>A case whose ranges at every level are the given one per spread.</summary>
    private static AnalogCase Case(int actual, int analogYes, params CountInterval[] perSpread) =>
        new(AnalogKind.Repeat, 2005, "r", "a", actual, analogYes, perSpread.Select(r => AnalogSpreadStudy.Levels.Select(_ => r).ToArray()).ToArray());

    [Test]
    public void The_spread_with_the_lowest_mean_interval_score_is_chosen()
    {
        // Spread 0: narrow ranges that miss; spread 1: ranges that cover; spread 2: covers but wider.
        AnalogCase[] cases =
        [
            Case(110, 100, new(100, 104), new(95, 115), new(80, 130)),
            Case(100, 100, new(98, 102), new(90, 110), new(75, 125)),
        ];

        // Means: spread 0: (4 + 20 * 6 + 4) / 2 = 64; spread 1: (20 + 20) / 2 = 20; spread 2: 50.
        Assert.That(AnalogSpreadEvaluation.MeanScore(cases, 0), Is.EqualTo(64).Within(1e-9));
        Assert.That(AnalogSpreadEvaluation.MeanScore(cases, 1), Is.EqualTo(20).Within(1e-9));
        Assert.That(AnalogSpreadEvaluation.MeanScore(cases, 2), Is.EqualTo(50).Within(1e-9));
        Assert.That(AnalogSpreadEvaluation.Choose(cases, 3), Is.EqualTo(1));
    }

    [Test]
    public void Ties_go_to_the_smaller_spread()
    {
        AnalogCase[] cases = [Case(100, 100, new(95, 105), new(95, 105))];

        Assert.That(AnalogSpreadEvaluation.Choose(cases, 2), Is.EqualTo(0));
    }

    [Test]
    public void Coverage_width_and_score_are_averaged_over_roll_calls()
    {
        AnalogCase[] cases =
        [
            Case(110, 100, new CountInterval(100, 120)),
            Case(90, 100, new CountInterval(95, 105)),
            Case(130, 100, new CountInterval(100, 120)),
            Case(100, 100, new CountInterval(100, 100)),
        ];

        var summary = AnalogSpreadEvaluation.Model(cases, 0);

        Assert.That(summary.Cases, Is.EqualTo(4));
        Assert.That(summary.Coverage, Is.All.EqualTo(0.5), "two of four covered at every level");
        Assert.That(summary.MeanWidth, Is.EqualTo((20 + 10 + 20 + 0) / 4.0));

        // Scores: 20; 10 + 20 * 5 = 110; 20 + 20 * 10 = 220; 0.
        Assert.That(summary.MeanIntervalScore, Is.EqualTo((20 + 110 + 220 + 0) / 4.0).Within(1e-9));
    }

    [Test]
    public void The_baseline_adds_the_choosing_cases_change_quantiles_to_the_analogs_count()
    {
        // Changes (actual - analog) over the choosing cases: -10 .. 9, twenty values; their 90% range is
        // [-10 + 0, ...]: the 5% quantile is the 1st value (-10), the 95% the 19th (8).
        var choosing = Enumerable.Range(0, 20).Select(k => Case(90 + k, 100, new CountInterval(0, 0))).ToArray();
        int[] changes = choosing.Select(c => c.Actual - c.AnalogYes).Order().ToArray();

        var ranges = AnalogSpreadEvaluation.BaselineRanges(changes, 150);
        int ninety = AnalogSpreadStudy.Levels.ToList().IndexOf(0.9);

        Assert.That(ranges[ninety], Is.EqualTo(new CountInterval(140, 158)));
        Assert.That(AnalogSpreadEvaluation.BaselineRanges(changes, 5)[ninety], Is.EqualTo(new CountInterval(0, 13)), "a count is never below 0");

        var summary = AnalogSpreadEvaluation.Baseline(choosing, [Case(160, 150, new CountInterval(0, 0))]);
        Assert.That(summary.MeanIntervalScore, Is.EqualTo(18 + (20 * 2)).Within(1e-9));
    }
}
