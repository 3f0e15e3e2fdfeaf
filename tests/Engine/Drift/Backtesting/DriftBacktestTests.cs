using StemSimulator.Engine.Drift.Backtesting;
using StemSimulator.Engine.Drift;
using StemSimulator.Engine.Randomness;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.Engine.Drift.Backtesting;

/// <summary>
/// The drift backtest on synthetic histories whose truth is known: a calibration up to 2009 on another scale (the
/// truth mapped by x = (theta - 0.2) / 1.3, with noise of its stated standard error) and the true positions as the
/// realized ones.
/// </summary>
public sealed class DriftBacktestTests
{
    private const double Sigma = 0.1;
    private const double CalibrationSe = 0.02;
    private const double Intercept = 0.2;
    private const double Slope = 1.3;

    private static readonly ReferenceCatalog Catalog = ReferenceCatalog.Embedded;
    private static readonly string[] States = Catalog.States.Where(s => !s.IsObserver).Select(s => s.Code).ToArray();

    private static DriftBacktestSettings Settings => new()
    {
        From = 2009,
        To = 2019,
        FitFrom = 2000,
        AlignFrom = 2000,
        VolatilityFrom = 2000,
        Trials = 400,
        Seed = 5,
        Threads = 2,
        Strengths = [0.1, 0.2],
    };

    [Test]
    public void When_positions_follow_a_random_walk_its_intervals_have_nominal_coverage()
    {
        double c80 = 0, c95 = 0;
        const int histories = 6;
        for (int h = 0; h < histories; h++)
        {
            var backtest = Synthetic((ulong)(100 + h), []);
            var walk = backtest.OutOfSample(DriftBacktestResult.RandomWalk, new double[DriftBacktest.Components.Count], 1).Overall;
            c80 += walk.Coverage80 / histories;
            c95 += walk.Coverage95 / histories;
            Assert.That(backtest.Alignment.Slope, Is.EqualTo(Slope).Within(0.01), "the scales are aligned on the training years");
            Assert.That(backtest.Alignment.Intercept, Is.EqualTo(Intercept).Within(0.01));
        }

        Assert.That(c80, Is.EqualTo(0.80).Within(0.04));
        Assert.That(c95, Is.EqualTo(0.95).Within(0.025));
    }

    [Test]
    public void When_positions_follow_a_random_walk_attraction_gains_nothing_significant()
    {
        var backtest = Synthetic(7, []);
        var none = new double[DriftBacktest.Components.Count];
        var walk = backtest.OutOfSample(DriftBacktestResult.RandomWalk, none, 1);
        var pulled = backtest.OutOfSample("pulled", Enumerable.Repeat(0.2, DriftBacktest.Components.Count).ToArray(), 1);

        var (difference, se) = pulled.LogScoreDifference(walk);
        Assert.That(difference, Is.LessThan(2 * se), "a pull that is not there does not improve the log score");
        Assert.That(pulled.Overall.Coverage80, Is.LessThan(walk.Overall.Coverage80), "a pull that is not there narrows the intervals too much");
    }

    [Test]
    public void When_blocs_attract_their_members_the_backtest_finds_and_keeps_the_attraction()
    {
        var backtest = Synthetic(8, [("BRICS", "BRICS", 0.2), ("EU", "EU", 0.2)]);

        var result = DriftBacktestResult.Run(backtest, null, CancellationToken.None);

        int brics = Index("brics_cohesion"), eu = Index("eu_cohesion");
        Assert.That(result.Fitted[eu], Is.GreaterThan(0), "EU cohesion fitted in sample");
        Assert.That(result.Fitted[brics], Is.GreaterThan(0), "BRICS cohesion fitted in sample");
        Assert.That(result.Kept[eu], Is.GreaterThan(0), "and kept out of sample");
        Assert.That(result.Recommended, Is.EqualTo("attraction_kept"));
        var walk = result.Find(DriftBacktestResult.RandomWalk);
        var fitted = result.Find("attraction_fitted");
        Assert.That(DriftBacktestResult.ImprovesOn(fitted, walk), Is.True);
        var (difference, se) = fitted.LogScoreDifference(walk);
        Assert.That(difference, Is.GreaterThan(2 * se), "clearly better out of sample");
    }

    private static int Index(string component) => DriftBacktest.Components.Select(c => c.Name).ToList().IndexOf(component);

    /// <summary>
    /// A backtest on one synthetic history: every UN member starts in 1990 at a position drawn from N(0, 1) and drifts
    /// with volatility <see cref="Sigma"/> and the given pulls (members of bloc On towards the centre of bloc Toward,
    /// memberships as of each year) to 2019.
    /// </summary>
    private static DriftBacktest Synthetic(ulong seed, IReadOnlyList<(string On, string Toward, double Strength)> pulls)
    {
        const int first = 1990, last = 2019;
        int n = States.Length;
        var index = States.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var random = new CounterRandom(seed, 0);
        var start = Enumerable.Range(0, n).Select(i => random.Normal(RandomPurpose.Position, 1, i)).ToArray();
        var years = new List<DriftYear>();
        for (int year = first; year < last; year++)
        {
            var attractions = pulls.Select(p => new Attraction(
                p.Strength,
                DriftBacktest.MembersOf(Catalog, p.On, year).Where(index.ContainsKey).Select(c => index[c]).ToArray(),
                DriftBacktest.MembersOf(Catalog, p.Toward, year).Where(index.ContainsKey).Select(c => index[c]).ToArray())).ToArray();
            years.Add(new DriftYear(attractions, [], 0));
        }

        var truth = new DriftModel(first, start, new double[n], Enumerable.Repeat(Sigma, n).ToArray(), years);
        var path = new double[truth.PathLength];
        truth.Simulate(random, path);
        double Truth(int member, int year) => path[((year - first) * n) + member];

        var noise = new CounterRandom(seed, 1);
        PositionLookup calibrated = (code, year) => year is >= first and <= 2009 && index.TryGetValue(code, out int i)
            ? ((Truth(i, year) + (CalibrationSe * noise.Normal(RandomPurpose.DriftStep, year, i)) - Intercept) / Slope, CalibrationSe / Slope)
            : null;
        PositionLookup realized = (code, year) => year is >= first and <= last && index.TryGetValue(code, out int i) ? (Truth(i, year), 0.0) : null;
        return new DriftBacktest(Catalog, calibrated, Sigma / Slope, realized, States, Settings);
    }
}
