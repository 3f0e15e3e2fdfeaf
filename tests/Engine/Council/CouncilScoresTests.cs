using StemSimulator.Engine.Council;

namespace StemSimulator.Tests.Engine.Council;

[TestFixture]
public sealed class CouncilScoresTests
{
    [Test]
    public void CoverageUsesTheCentralNinetyPercentInterval()
    {
        // CDF 0.04, 0.50, 0.96, 1: the interval is [1, 2].
        double[] distribution = [0.04, 0.46, 0.46, 0.04];
        Assert.That(CouncilScores.Covers(distribution, 0), Is.False);
        Assert.That(CouncilScores.Covers(distribution, 1), Is.True);
        Assert.That(CouncilScores.Covers(distribution, 2), Is.True);
        Assert.That(CouncilScores.Covers(distribution, 3), Is.False);
    }

    [Test]
    public void BrierLogLossAndHitRateByHand()
    {
        var s = new CouncilScores();
        // Draft 1 vetoed by Russia (P 0.6, fail 0.7); draft 2 passed (fail 0.1, Russia 0.2).
        s.Add(new CouncilPrediction(0.7, [0, 0, 0.6, 0, 0], null, null), ["RUS"], null);
        s.Add(new CouncilPrediction(0.1, [0, 0, 0.2, 0, 0], null, null), [], 15);
        Assert.That(s.FailBrier, Is.EqualTo(((0.3 * 0.3) + (0.1 * 0.1)) / 2).Within(1e-12));
        Assert.That(s.FailLogLoss, Is.EqualTo(-(Math.Log(0.7) + Math.Log(0.9)) / 2).Within(1e-12));
        Assert.That(s.VetoBrier(2), Is.EqualTo(((0.4 * 0.4) + (0.2 * 0.2)) / 2).Within(1e-12));
        Assert.That(s.VetoerHitRate, Is.EqualTo(1));
        Assert.That(s.PassedMeanAnyVeto, Is.EqualTo(0.2).Within(1e-12));
        // ECE of fails: bins 7 (0.7 vs 1) and 1 (0.1 vs 0): (0.3 + 0.1) / 2.
        Assert.That(s.FailEce, Is.EqualTo(0.2).Within(1e-12));
    }
}
