using StemSimulator.Engine.Calibration;
using StemSimulator.Runner.Backtesting;

namespace StemSimulator.Tests.Runner;

/// <summary>The resolution-level backtest metrics (coverage80, coverage95, adoption_brier) against hand-computed values.</summary>
public sealed class ScoreBoardTests
{
    [Test]
    public void Central_ranges_are_read_off_the_sorted_samples()
    {
        // Samples 1..100 (shuffled): the central 80% range is [10, 90] (the 10th and 90th values), 95% is [3, 98].
        var samples = Enumerable.Range(1, 100).Select(i => (i * 37) % 100 + 1).ToArray();
        Assume.That(samples.Order(), Is.EqualTo(Enumerable.Range(1, 100)));

        Assert.That(RollCallCountSimulator.Covers(samples, 10, 0.80), Is.True);
        Assert.That(RollCallCountSimulator.Covers(samples, 90, 0.80), Is.True);
        Assert.That(RollCallCountSimulator.Covers(samples, 9, 0.80), Is.False);
        Assert.That(RollCallCountSimulator.Covers(samples, 91, 0.80), Is.False);
        Assert.That(RollCallCountSimulator.Covers(samples, 3, 0.95), Is.True);
        Assert.That(RollCallCountSimulator.Covers(samples, 2, 0.95), Is.False);
        Assert.That(RollCallCountSimulator.Covers(samples, 98, 0.95), Is.True);
        Assert.That(RollCallCountSimulator.Covers(samples, 99, 0.95), Is.False);
    }

    [Test]
    public void Coverage_and_adoption_brier_average_over_counts_and_roll_calls()
    {
        var board = new ScoreBoard();

        // Roll call 1: yes and no inside the 80% range, abstain outside; all three inside 95%; P(adopted) 0.9, adopted.
        board.AddRollCall("new", "stemsim", 2015, [true, true, false], [true, true, true], 0.9, adopted: true);

        // Roll call 2: only abstain inside 80%; yes outside 95%; P(adopted) 0.3, adopted.
        board.AddRollCall("new", "stemsim", 2016, [false, false, true], [false, true, true], 0.3, adopted: true);
        var rows = board.Rows().Where(r => r.Year is null).ToDictionary(r => r.Metric, r => r.Value);

        // coverage80 = (2 + 1) / 6; coverage95 = (3 + 2) / 6; adoption Brier = (0.1^2 + 0.7^2) / 2 = 0.25.
        Assert.That(rows["coverage80"], Is.EqualTo(3.0 / 6).Within(1e-12));
        Assert.That(rows["coverage95"], Is.EqualTo(5.0 / 6).Within(1e-12));
        Assert.That(rows["coverage80_abstain"], Is.EqualTo(1.0 / 2).Within(1e-12));
        Assert.That(rows["coverage95_yes"], Is.EqualTo(1.0 / 2).Within(1e-12));
        Assert.That(rows["adoption_brier"], Is.EqualTo(0.25).Within(1e-12));
        Assert.That(rows["roll_calls"], Is.EqualTo(2));

        // Per year: 2016 alone.
        var year = board.Rows().Where(r => r.Year == 2016).ToDictionary(r => r.Metric, r => r.Value);
        Assert.That(year["coverage80"], Is.EqualTo(1.0 / 3).Within(1e-12));
        Assert.That(year["adoption_brier"], Is.EqualTo(0.49).Within(1e-12));
    }
}
