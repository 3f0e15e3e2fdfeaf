using StemSimulator.Engine.Backtesting;
using StemSimulator.Engine.Calibration;

namespace StemSimulator.Tests.Engine.Backtesting;

/// <summary>
/// <see cref="CoverageCase.Match"/> on roll calls whose recorded counts were drawn from the simulator with a known
/// global shock.
/// </summary>
public sealed class CoverageCaseTests
{
    [Test]
    public void Match_grows_with_the_shock_that_made_the_counts_and_hits_the_nominal_coverage()
    {
        var calm = Cases(0.0, count: 60);
        var shocked = Cases(0.8, count: 60);

        double matchedCalm = CoverageCase.Match(calm, threads: 2);
        double matchedShocked = CoverageCase.Match(shocked, threads: 2);

        Assert.That(matchedCalm, Is.LessThanOrEqualTo(0.3));
        Assert.That(matchedShocked, Is.GreaterThan(matchedCalm + 0.2));

        // The ranges are integer and include their ends, so at the true shock they cover more than promised (about
        // 0.88 for 80% with 40 members): matching the coverage understates the generating shock, never overstates it.
        Assert.That(matchedShocked, Is.LessThanOrEqualTo(0.8));

        // At the matched shock the 80% ranges cover about 80% of the counts.
        double covered80 = shocked.Sum(c => c.Covered(matchedShocked).Covered80) / (3.0 * shocked.Count);
        Assert.That(covered80, Is.EqualTo(0.80).Within(0.05));
    }

    [Test]
    public void A_larger_shock_widens_the_ranges()
    {
        var cases = Cases(0.8, count: 20);
        int narrow = cases.Sum(c => c.Covered(0.0).Covered80);
        int wide = cases.Sum(c => c.Covered(1.5).Covered80);

        Assert.That(wide, Is.GreaterThan(narrow));
    }

    /// <summary>
    /// count roll calls of 40 members (positions on a grid, latent sd 1, no absences, blocs or repeaters), cut-points
    /// varying by roll call, recorded counts = one simulated trial with global shock <paramref name="shock"/>.
    /// </summary>
    private static List<CoverageCase> Cases(double shock, int count)
    {
        const int n = 40;
        var members = new RollCallCountSimulator.Members(
            Enumerable.Range(0, n).Select(i => -2.0 + (4.0 * i / (n - 1))).ToArray(),
            new double[n],
            Enumerable.Repeat(1.0, n).ToArray(),
            new int[n + 1],
            [],
            new double[n],
            Enumerable.Repeat(-1, n).ToArray(),
            new int[n + 1],
            [],
            Enumerable.Repeat(-1, n).ToArray(),
            new double[n]);
        var cases = new List<CoverageCase>();
        for (int k = 0; k < count; k++)
        {
            double[] parameters = [1.0, -1.2 + (0.02 * k), -0.4 + (0.02 * k)];
            var recorded = RollCallCountSimulator.Simulate(members, parameters, [], shock, [], 1, 777, k);
            cases.Add(new CoverageCase(members, parameters, [], recorded.Yes[0], recorded.No[0], recorded.Abstain[0], 4242, k));
        }

        return cases;
    }
}
