using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Backtesting;

/// <summary>The conditioning backtest's forecasts against Bayes' rule worked by hand on two draws.</summary>
public sealed class RevealedVoteForecastTests
{
    // Two members of one shock group at position 0, no position uncertainty; tau = (-0.5, 0.5), beta 1. Draw a has the
    // group's effect +1, draw b -1. Member 0 is revealed voting no.
    private static readonly RevealedVoteForecast.Inputs Inputs = new(
        Positions: [0, 0, 0],
        Variances: [0, 0, 0],
        Blocs: [[0], [0], []],
        Absence: [0, 0, 0],
        Fixed: [-1, -1, -1],
        Recorded: [0, 2, 2],
        Revealed: 0);

    private static readonly double[][] Draws = [[1, -0.5, 0.5, 1.0], [1, -0.5, 0.5, -1.0]];

    [Test]
    public void Given_weighs_each_draw_by_the_revealed_votes_likelihood_and_fixed_leaves_the_others_unchanged()
    {
        var result = RevealedVoteForecast.Forecast(Inputs, Draws, 1, 0);

        double wA = NormalTail.Cdf(-0.5 - 1.0), wB = NormalTail.Cdf(-0.5 + 1.0);
        double yesA = 1 - NormalTail.Cdf(0.5 - 1.0), yesB = 1 - NormalTail.Cdf(0.5 + 1.0);
        Assert.Multiple(() =>
        {
            Assert.That(result.Given.Probabilities[1].Yes, Is.EqualTo(((wA * yesA) + (wB * yesB)) / (wA + wB)).Within(1e-12));
            Assert.That(result.Unknown.Probabilities[1].Yes, Is.EqualTo((yesA + yesB) / 2).Within(1e-12));
            Assert.That(result.Fixed.Probabilities[1], Is.EqualTo(result.Unknown.Probabilities[1]));
            // A member outside the group is not moved by the revealed vote.
            Assert.That(result.Given.Probabilities[2].Yes, Is.EqualTo(result.Unknown.Probabilities[2].Yes).Within(1e-12));
            Assert.That(result.MeanLikelihood, Is.EqualTo((wA + wB) / 2).Within(1e-12));
            Assert.That(result.EffectiveShare, Is.EqualTo((wA + wB) * (wA + wB) / ((wA * wA) + (wB * wB)) / 2).Within(1e-12));
        });
    }

    [Test]
    public void Weighted_coverage_with_equal_weights_is_the_simulators_coverage()
    {
        var samples = new[] { 5, 3, 9, 1, 7, 7, 2, 8, 4, 6, 10, 0, 3, 5, 5, 6, 2, 9, 1, 4 };
        var ones = Enumerable.Repeat(1.0, samples.Length).ToArray();
        foreach (double level in new[] { 0.5, 0.8, 0.95 })
        {
            for (int value = -1; value <= 11; value++)
            {
                Assert.That(RevealedVoteForecast.Covers(samples, ones, value, level), Is.EqualTo(RollCallCountSimulator.Covers(samples, value, level)), $"level {level}, value {value}");
            }
        }
    }
}
