using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Drift;

/// <summary>
/// Members' positions evolving year by year in every trial (docs/design.md, section Drift over years):
/// theta_i(t+1) = theta_i(t) + sum_a kappa_a (c_a(t) - theta_i(t)) + sigma_i eps_i,t + shifts + g_t, over the
/// attractions a acting on i, with c_a(t) the centre of a in the same trial and year, eps ~ N(0, 1) and g_t a
/// global shock. The start is drawn from the calibration: theta_i(from) ~ N(mean_i, sd_i^2).
/// </summary>
/// <remarks>
/// All updates of a year use the positions of the year before (a synchronous step), so the order of attractions
/// and members does not matter. Every draw is keyed by (seed, trial, purpose, year, member): paths are identical
/// for any thread count, and variants that differ only in attraction share their noise.
/// </remarks>
public sealed class DriftModel
{
    /// <summary>Creates a drift model.</summary>
    /// <param name="fromYear">First year of the path (the start).</param>
    /// <param name="initialMean">Per roster member, the mean of the starting position.</param>
    /// <param name="initialSd">Per roster member, its standard deviation (calibration error and the years since the calibration), &gt;= 0.</param>
    /// <param name="volatility">Per roster member, sigma_i, the standard deviation of its yearly step, &gt;= 0.</param>
    /// <param name="years">The steps into years fromYear + 1, fromYear + 2, ...</param>
    /// <param name="centres">Bloc centres to report year by year (may be empty).</param>
    public DriftModel(int fromYear, IReadOnlyList<double> initialMean, IReadOnlyList<double> initialSd, IReadOnlyList<double> volatility, IReadOnlyList<DriftYear> years, IReadOnlyList<TrackedCentre>? centres = null)
    {
        int n = initialMean.Count;
        if (initialSd.Count != n || volatility.Count != n)
        {
            throw new ArgumentException("One starting mean, starting sd and volatility per roster member.", nameof(initialSd));
        }

        if (initialSd.Any(s => !(s >= 0)) || volatility.Any(s => !(s >= 0)))
        {
            throw new ArgumentOutOfRangeException(nameof(volatility), "Standard deviations must be >= 0.");
        }

        foreach (var attraction in years.SelectMany(y => y.Attractions))
        {
            if (!(attraction.Strength >= 0 && attraction.Strength < 1) || attraction.Centre.Count == 0
                || attraction.On.Concat(attraction.Centre).Any(i => i < 0 || i >= n))
            {
                throw new ArgumentException("An attraction needs a strength in [0, 1), a centre and members of the roster.", nameof(years));
            }
        }

        FromYear = fromYear;
        InitialMean = initialMean.ToArray();
        InitialSd = initialSd.ToArray();
        Volatility = volatility.ToArray();
        Years = years.ToArray();
        Centres = centres ?? [];
        if (Centres.Any(c => c.MembersByYear.Count != Years.Count + 1))
        {
            throw new ArgumentException("A tracked centre lists its members for every year.", nameof(centres));
        }
    }

    /// <summary>Bloc centres reported in the outputs.</summary>
    public IReadOnlyList<TrackedCentre> Centres { get; }

    /// <summary>Blocs whose cohesion, and the bloc whose majority members' agreement, is counted in the Assembly votes (null: none).</summary>
    public CohesionModel? Cohesion
    {
        get;
        init
        {
            if (value is not null && (value.Blocs.Any(b => b.MembersByYear.Count != Years.Count + 1 || b.MembersByYear.Any(y => y.Any(i => i < 0 || i >= Members)))
                || value.Reference < -1 || value.Reference >= value.Blocs.Count))
            {
                throw new ArgumentException("A bloc whose cohesion is counted lists roster members for every year; the reference is one of the blocs or -1.", nameof(value));
            }

            field = value;
        }
    }

    /// <summary>First year of the path.</summary>
    public int FromYear { get; }

    /// <summary>Last year of the path.</summary>
    public int ToYear => FromYear + Years.Count;

    /// <summary>Members in the roster (paths are kept for all, voting or not).</summary>
    public int Members => InitialMean.Length;

    /// <summary>The steps, one per year after the first.</summary>
    public IReadOnlyList<DriftYear> Years { get; }

    internal double[] InitialMean { get; }

    internal double[] InitialSd { get; }

    internal double[] Volatility { get; }

    /// <summary>Values per trial: (years + 1) x members.</summary>
    public int PathLength => (Years.Count + 1) * Members;

    /// <summary>
    /// Fills <paramref name="path"/> (year-major: entry y * members + i is member i in year FromYear + y) with one
    /// trial's positions.
    /// </summary>
    public void Simulate(CounterRandom random, Span<double> path)
    {
        int n = Members;
        for (int i = 0; i < n; i++)
        {
            path[i] = InitialMean[i] + (InitialSd[i] == 0 ? 0 : InitialSd[i] * random.Normal(RandomPurpose.Position, 0, i));
        }

        for (int y = 0; y < Years.Count; y++)
        {
            var step = Years[y];
            var before = path.Slice(y * n, n);
            var after = path.Slice((y + 1) * n, n);
            int stream = y + 1;
            double global = step.GlobalShockSd > 0 ? step.GlobalShockSd * random.Normal(RandomPurpose.DriftGlobalShock, stream, 0) : 0;
            for (int i = 0; i < n; i++)
            {
                double noise = Volatility[i] == 0 ? 0 : Volatility[i] * random.Normal(RandomPurpose.DriftStep, stream, i);
                after[i] = before[i] + noise + global;
            }

            foreach (var attraction in step.Attractions)
            {
                double centre = 0;
                foreach (int c in attraction.Centre)
                {
                    centre += before[c];
                }

                centre /= attraction.Centre.Count;
                foreach (int i in attraction.On)
                {
                    after[i] += attraction.Strength * (centre - before[i]);
                }
            }

            foreach (var (member, shift) in step.Shifts)
            {
                after[member] += shift;
            }
        }
    }
}
