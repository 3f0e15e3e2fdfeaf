using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Model;

namespace StemSimulator.Tests.Engine.Backtesting.AnalogSpread;

/// <summary>
/// <see cref="AnalogSpreadBootstrap"/> on hand-made cases: a spread that wins every roll call is chosen on every
/// resample; two spreads that tie on the whole sample split the resamples and both lie in the plausible range.
/// </summary>
public sealed class AnalogSpreadBootstrapTests
{
    // Each case's ranges at the study's four levels; only the 90% one is scored (width + 20 x the miss).
    private static AnalogCase Case(int actual, params CountInterval[] ranges) =>
        new(AnalogKind.Repeat, 2005, "r", "a", actual, actual, ranges.Select(r => new[] { r, r, r, r }).ToArray());

    [Test]
    public void A_spread_that_wins_every_roll_call_is_the_whole_range()
    {
        // Spread 0 covers each count with width 0 (score 0); spread 1 with width 10 (score 10); spread 2 misses by 1 (score 20).
        var cases = Enumerable.Range(0, 40).Select(i => Case(100 + i, new(100 + i, 100 + i), new(95 + i, 105 + i), new(101 + i, 101 + i))).ToArray();
        var result = AnalogSpreadBootstrap.Run(cases, 3, 1);
        Assert.That((result.Low, result.High), Is.EqualTo((0, 0)));
        Assert.That(result.Shares, Is.EqualTo(new[] { 1.0, 0.0, 0.0 }).Within(1e-9));
    }

    [Test]
    public void Two_spreads_that_tie_split_the_resamples_and_span_the_range()
    {
        // Half the roll calls score 0 with spread 0 and 1 with spread 1, the other half the reverse: the full sample ties
        // (chosen: the smaller spread), and a resample picks whichever half it drew more of.
        var cases = Enumerable.Range(0, 100).Select(i => i % 2 == 0
            ? Case(50, new(50, 50), new(50, 51))
            : Case(50, new(50, 51), new(50, 50))).ToArray();
        Assert.That(AnalogSpreadEvaluation.Choose(cases, 2), Is.EqualTo(0));
        var result = AnalogSpreadBootstrap.Run(cases, 2, 1);
        Assert.That((result.Low, result.High), Is.EqualTo((0, 1)));
        Assert.That(result.Shares[0], Is.InRange(0.4, 0.65), "about half the resamples (ties go to the smaller spread)");
        Assert.That(result.Shares.Sum(), Is.EqualTo(1.0).Within(1e-9));
        Assert.That(AnalogSpreadBootstrap.Run(cases, 2, 1).Shares, Is.EqualTo(result.Shares), "a pure function of the seed");
    }
}
