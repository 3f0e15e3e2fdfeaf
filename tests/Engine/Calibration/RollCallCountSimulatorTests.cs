using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Calibration;

/// <summary>
/// <see cref="RollCallCountSimulator"/>: the truncated normal draw behind the repeat mixture, repeaters that keep
/// their stance unless a shock moves them, and counts that follow the ordered probit.
/// </summary>
public sealed class RollCallCountSimulatorTests
{
    [TestCase(double.NegativeInfinity, -1.0)]
    [TestCase(-0.5, 0.7)]
    [TestCase(1.0, double.PositiveInfinity)]
    [TestCase(8.0, 9.0)]
    [TestCase(-30.0, -29.0)]
    public void Truncated_normal_inverts_the_conditional_cdf(double a, double b)
    {
        // By inversion the draw x has P(a <= Z <= x | a <= Z <= b) = u; in the upper tail (a > 0) it inverts the
        // survival function instead, P(x <= Z <= b | a <= Z <= b) = u, computed with Q as Phi rounds to 1 there.
        foreach (double u in new[] { 0.001, 0.25, 0.5, 0.999 })
        {
            double x = RollCallCountSimulator.TruncatedNormal(a, b, u);
            Assert.That(x, Is.InRange(a, b), $"u = {u}");
            double share = a > 0
                ? (NormalTail.UpperTail(x) - NormalTail.UpperTail(b)) / (NormalTail.UpperTail(a) - NormalTail.UpperTail(b))
                : (NormalTail.Cdf(x) - NormalTail.Cdf(a)) / (NormalTail.Cdf(b) - NormalTail.Cdf(a));
            Assert.That(share, Is.EqualTo(u).Within(1e-9 + (1e-6 * u)), $"u = {u}");
        }
    }

    [Test]
    public void Truncated_normal_stays_in_an_interval_beyond_the_tails_precision()
    {
        // Q(40) underflows to 0: the draw must still land in the interval, at its edge.
        Assert.That(RollCallCountSimulator.TruncatedNormal(40, double.PositiveInfinity, 0.5), Is.EqualTo(40.0));
        Assert.That(RollCallCountSimulator.TruncatedNormal(double.NegativeInfinity, -40, 0.5), Is.EqualTo(-40.0));
    }

    [Test]
    public void Repeaters_repeat_exactly_without_shocks()
    {
        var members = Members(n: 60, repeatProbability: 1.0);
        var result = RollCallCountSimulator.Simulate(members, [1.2, -0.6, 0.1], [], 0, [], 200, 11, 3);

        // 20 each of no, abstain and yes earlier (RepeatVote = i % 3).
        Assert.That(result.No, Is.All.EqualTo(20));
        Assert.That(result.Abstain, Is.All.EqualTo(20));
        Assert.That(result.Yes, Is.All.EqualTo(20));
    }

    [Test]
    public void A_global_shock_moves_repeaters()
    {
        var members = Members(n: 60, repeatProbability: 1.0);
        var result = RollCallCountSimulator.Simulate(members, [1.2, -0.6, 0.1], [], 2.0, [], 200, 11, 3);

        // A shock of 2 latent units pushes abstainers over a cut-point 0.7 wide in most trials.
        Assert.That(result.Abstain.Count(a => a != 20), Is.GreaterThan(100));
        // Shocks shift everyone the same way: yes and no never both rise.
        Assert.That(Enumerable.Range(0, 200).Count(t => result.Yes[t] > 20 && result.No[t] > 20), Is.Zero);
    }

    [Test]
    public void Without_repeaters_the_mean_counts_follow_the_ordered_probit()
    {
        var members = Members(n: 60, repeatProbability: 0.0);
        const double beta = 1.2, tau1 = -0.6, tau2 = 0.1;
        const int trials = 4000;
        var result = RollCallCountSimulator.Simulate(members, [beta, tau1, tau2], [], 0, [], trials, 11, 3);

        double expectedYes = 0, expectedNo = 0;
        for (int i = 0; i < members.Positions.Length; i++)
        {
            var (no, _, yes) = OrderedProbit.Probabilities(beta * members.Positions[i], 0.0, tau1, tau2);
            expectedYes += yes;
            expectedNo += no;
        }

        // Standard error of a mean count over 4000 trials: at most sqrt(60 / 4) / sqrt(4000) = 0.06.
        Assert.That(result.Yes.Average(), Is.EqualTo(expectedYes).Within(0.25));
        Assert.That(result.No.Average(), Is.EqualTo(expectedNo).Within(0.25));
    }

    /// <summary>n members on a grid of positions in [-2, 2], latent sd 1, present, no groups or blocs; earlier vote i % 3.</summary>
    private static RollCallCountSimulator.Members Members(int n, double repeatProbability)
    {
        var positions = Enumerable.Range(0, n).Select(i => -2.0 + (4.0 * i / (n - 1))).ToArray();
        return new RollCallCountSimulator.Members(
            positions,
            new double[n],
            Enumerable.Repeat(1.0, n).ToArray(),
            new int[n + 1],
            [],
            new double[n],
            Enumerable.Repeat(-1, n).ToArray(),
            new int[n + 1],
            [],
            Enumerable.Range(0, n).Select(i => i % 3).ToArray(),
            Enumerable.Repeat(repeatProbability, n).ToArray());
    }
}
