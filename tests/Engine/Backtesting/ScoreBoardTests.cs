using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Backtesting;

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

    [Test]
    public void Weighted_decisions_keep_the_argmax_figures_alongside()
    {
        var board = new ScoreBoard();
        var weights = new DecisionWeights(1, 2);

        // (0.1, 0.4, 0.5; abstain): argmax yes (wrong), weighted abstain (0.8 > 0.5, right); (0.1, 0.1, 0.8; yes): yes either way.
        board.AddVote("new", "stemsim", 2015, 0.1, 0.4, 0.5, OrdinalVote.Abstain, weights);
        board.AddVote("new", "stemsim", 2015, 0.1, 0.1, 0.8, OrdinalVote.Yes, weights);
        board.AddVote("new", "always_yes", 2015, 0.1, 0.4, 0.5, OrdinalVote.Abstain);
        var rows = board.Rows().Where(r => r.Year is null).ToArray();
        var stemsim = rows.Where(r => r.Model == "stemsim").ToDictionary(r => r.Metric, r => r.Value);

        Assert.That(stemsim["accuracy"], Is.EqualTo(1.0));
        Assert.That(stemsim["accuracy_argmax"], Is.EqualTo(0.5));
        Assert.That(stemsim["f1_abstain_argmax"], Is.EqualTo(0.0));
        Assert.That(stemsim["f1_abstain"], Is.EqualTo(1.0));
        Assert.That(rows.Where(r => r.Model == "always_yes").Select(r => r.Metric), Has.None.EndsWith("_argmax"), "argmax models have no second set");
    }
}
