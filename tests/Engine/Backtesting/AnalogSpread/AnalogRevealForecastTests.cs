using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Tests.Engine.Backtesting.AnalogSpread;

/// <summary>
/// The analog-kinds conditioning backtest (<see cref="AnalogRevealForecast"/>) on cases small enough to work by hand:
/// Bayes' rule over two population texts, a partner that moves with the revealed member, and a member no shared draw
/// reaches.
/// </summary>
public sealed class AnalogRevealForecastTests
{
    private static RollCallCountSimulator.Members Members(double[] positions, double[] sds, int[][] blocs)
    {
        int n = positions.Length;
        var offsets = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            offsets[i + 1] = offsets[i] + blocs[i].Length;
        }

        return new RollCallCountSimulator.Members(
            positions, new double[n], sds, new int[n + 1], [], new double[n], Enumerable.Repeat(-1, n).ToArray(), offsets,
            blocs.SelectMany(b => b).ToArray(), Enumerable.Repeat(-1, n).ToArray(), new double[n]);
    }

    [Test]
    public void Given_is_bayes_rule_over_the_population_texts_and_fixed_moves_nobody_else()
    {
        // Two members at position 0, noise sd 1, tau = (-0.5, 0.5), beta 1, no shocks; a population of two texts whose
        // anchor shifts are +1 and -1, picked in alternate trials. Member 0 is revealed voting no.
        var members = Members([0, 0], [1, 1], [[], []]);
        var shape = AnalogShiftDistribution.Empirical([1.0, -1.0], 0);
        var pick = Enumerable.Range(0, 400).Select(t => t % 2 == 0 ? 0.25 : 0.75).ToArray();

        var result = AnalogRevealForecast.Forecast(members, [1, -0.5, 0.5], shape, 0, [], pick, 0, VoteChoice.No, 7, 3);

        double wUp = NormalTail.Cdf(-0.5 - 1.0), wDown = NormalTail.Cdf(-0.5 + 1.0);
        double yesUp = 1 - NormalTail.Cdf(0.5 - 1.0), yesDown = 1 - NormalTail.Cdf(0.5 + 1.0);
        Assert.Multiple(() =>
        {
            Assert.That(result.Given[1].Yes, Is.EqualTo(((wUp * yesUp) + (wDown * yesDown)) / (wUp + wDown)).Within(1e-12));
            Assert.That(result.Unknown[1].Yes, Is.EqualTo((yesUp + yesDown) / 2).Within(1e-12));
            Assert.That(result.Given[1].No + result.Given[1].Abstain + result.Given[1].Yes, Is.EqualTo(1).Within(1e-12));
            Assert.That(result.MeanLikelihood, Is.EqualTo((wUp + wDown) / 2).Within(1e-12));
            Assert.That(result.EffectiveShare, Is.EqualTo((wUp + wDown) * (wUp + wDown) / ((wUp * wUp) + (wDown * wDown)) / 2).Within(1e-12));
            Assert.That(result.Weights[0], Is.EqualTo(wUp).Within(1e-12));
            Assert.That(result.Weights[1], Is.EqualTo(wDown).Within(1e-12));

            // Fixing member 0's vote to no changes the count only by member 0's own yes: the other's draws are the same.
            for (int t = 0; t < pick.Length; t++)
            {
                Assert.That(result.UnknownYes[t] - result.FixedYes[t], Is.InRange(0, 1));
            }
        });
    }

    [Test]
    public void A_revealed_yes_moves_a_perfectly_correlated_partner_and_not_a_member_no_shared_draw_reaches()
    {
        // Members 0 and 1 share a bloc shock of sd 1 and have almost no noise of their own (sd 0.001) at position 0, so
        // each votes yes exactly when the shock is positive: given member 0's yes, member 1 votes yes. Member 2 is in no
        // bloc, at position 0.5 with noise sd 1: its P(yes) is Phi(0.5) whatever is revealed. tau_1 = tau_2 = 0 (no abstaining).
        var members = Members([0, 0, 0.5], [0.001, 0.001, 1], [[0], [0], []]);
        var pick = Enumerable.Repeat(0.5, 2000).ToArray();

        var result = AnalogRevealForecast.Forecast(members, [1, 0, 0], AnalogShiftDistribution.Normal(0), 0, [1.0], pick, 0, VoteChoice.Yes, 11, 5);

        Assert.Multiple(() =>
        {
            Assert.That(result.Given[1].Yes, Is.GreaterThan(0.995), "given: the partner follows the revealed yes");
            Assert.That(result.Unknown[1].Yes, Is.InRange(0.45, 0.55), "unknown: a coin flip (2,000 trials)");
            Assert.That(result.Given[2].Yes, Is.EqualTo(NormalTail.Cdf(0.5)).Within(1e-12));
            Assert.That(result.Unknown[2].Yes, Is.EqualTo(NormalTail.Cdf(0.5)).Within(1e-12));

            // About half the trials are compatible with the revealed yes: the acceptance rate and the effective share.
            Assert.That(result.MeanLikelihood, Is.InRange(0.45, 0.55));
            Assert.That(result.EffectiveShare, Is.InRange(0.45, 0.55));

            // Member 0 and the partner are both yes in every trial that carries weight, so the weighted range starts at 2;
            // fixed leaves the partner (and member 2) to chance, so its range reaches down to member 0's yes alone.
            var given = AnalogRevealForecast.WeightedCentral(result.FixedYes, result.Weights, 0.9);
            Assert.That(given.Lower, Is.GreaterThanOrEqualTo(2));
            Assert.That(CountInterval.Central(result.FixedYes.Order().ToArray(), 0.9).Lower, Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void The_weighted_range_is_the_plain_range_with_equal_weights_and_follows_the_weights()
    {
        var random = new Random(3);
        var samples = Enumerable.Range(0, 600).Select(_ => random.Next(40, 160)).ToArray();
        var sorted = samples.Order().ToArray();
        var equal = Enumerable.Repeat(1.0, samples.Length).ToArray();
        foreach (double level in AnalogSpreadStudy.Levels)
        {
            Assert.That(AnalogRevealForecast.WeightedCentral(samples, equal, level), Is.EqualTo(CountInterval.Central(sorted, level)));
        }

        // Weight only on 3 and 4: the central 50% runs from 3 (cumulative 1 of 2 reaches 0.25) to 4 (2 of 2 reaches 0.75).
        Assert.That(AnalogRevealForecast.WeightedCentral([1, 2, 3, 4], [0, 0, 1, 1], 0.5), Is.EqualTo(new CountInterval(3, 4)));
    }
}
