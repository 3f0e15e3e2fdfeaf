using StemSimulator.Engine.Backtesting;

namespace StemSimulator.Tests.Engine.Backtesting.AnalogSpread;

/// <summary>
/// The trend-aware population draw's pieces (<see cref="PopulationDrift"/>, docs/calibration.md "Round 8") on tiny
/// populations whose drifts are computed by hand.
/// </summary>
public sealed class PopulationDriftTests
{
    // Two texts one session before the forecast (anchors 0.5 and 0.3, mean 0.4), two texts two sessions before (-0.1
    // and 0.1, mean 0.0), one text three sessions before (0.2, which the drift estimate does not use).
    private static readonly double[] Shifts = [0.5, 0.3, -0.1, 0.1, 0.2];
    private static readonly int[] Before = [1, 1, 2, 2, 3];

    [Test]
    public void The_populations_drift_is_the_last_sessions_mean_minus_the_one_befores()
    {
        Assert.That(PopulationDrift.WithinPopulation(Shifts, Before), Is.EqualTo(0.4).Within(1e-12));
    }

    [Test]
    public void A_population_with_no_text_in_one_of_the_two_sessions_has_no_drift()
    {
        Assert.That(PopulationDrift.WithinPopulation([0.7], [1]), Is.Zero);
        Assert.That(PopulationDrift.WithinPopulation([0.7, 0.2], [1, 3]), Is.Zero);
        Assert.That(PopulationDrift.WithinPopulation([0.7, 0.2], [2, 2]), Is.Zero);
    }

    [Test]
    public void Each_text_moves_by_lambda_times_the_drift_times_its_sessions_before_the_forecast()
    {
        // lambda 0.5, drift 0.4: +0.2 per session: 0.5+0.2, 0.3+0.2, -0.1+0.4, 0.1+0.4, 0.2+0.6.
        Assert.That(PopulationDrift.Apply(Shifts, Before, 0.4, 0.5), Is.EqualTo(new[] { 0.7, 0.5, 0.3, 0.5, 0.8 }).Within(1e-12));

        // lambda 1: both sessions' texts centred on the extrapolated mean 0.8 (0.4 + 0.4 and 0.0 + 2 x 0.4).
        var full = PopulationDrift.Apply(Shifts, Before, 0.4, 1);
        Assert.That(full, Is.EqualTo(new[] { 0.9, 0.7, 0.7, 0.9, 1.4 }).Within(1e-12));
        Assert.That((full[0] + full[1]) / 2, Is.EqualTo((full[2] + full[3]) / 2).Within(1e-12));
    }

    [Test]
    public void The_assemblys_drift_is_the_median_change_of_the_recurring_pairs()
    {
        // Changes 0.3, -0.2, 0.1: median 0.1; with a fourth, 0.5, the middle two's mean (0.1 + 0.3) / 2.
        Assert.That(PopulationDrift.MedianChange([(1.0, 0.7), (0.2, 0.4), (0.5, 0.4)]), Is.EqualTo(0.1).Within(1e-12));
        Assert.That(PopulationDrift.MedianChange([(1.0, 0.7), (0.2, 0.4), (0.5, 0.4), (0.0, -0.5)]), Is.EqualTo(0.2).Within(1e-12));
        Assert.That(PopulationDrift.MedianChange([]), Is.Zero);
    }

    [Test]
    public void A_shrink_outside_zero_to_one_or_misaligned_sessions_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationDrift.Apply(Shifts, Before, 0.4, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationDrift.Apply(Shifts, [1, 2], 0.4, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationDrift.WithinPopulation(Shifts, [1, 2]));
    }
}
