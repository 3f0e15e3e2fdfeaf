using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Drift;

/// <summary>
/// Many trials of a <see cref="DriftModel"/> kept whole: for every year and member the positions of all trials, so
/// that forecasts can be scored against realized positions (<see cref="PositionForecast"/>). Trial t draws from
/// <c>CounterRandom(seed, t)</c>, so the ensemble is identical for any thread count and models that differ only in
/// attraction or volatility share their noise (common random numbers).
/// </summary>
public sealed class DriftEnsemble
{
    private readonly double[] _samples;

    private DriftEnsemble(DriftModel model, int trials, double[] samples)
    {
        FromYear = model.FromYear;
        Years = model.Years.Count + 1;
        Members = model.Members;
        Trials = trials;
        _samples = samples;
    }

    /// <summary>First year (the start).</summary>
    public int FromYear { get; }

    /// <summary>Years held, the start included.</summary>
    public int Years { get; }

    /// <summary>Roster members.</summary>
    public int Members { get; }

    /// <summary>Trials simulated.</summary>
    public int Trials { get; }

    /// <summary>Simulates <paramref name="trials"/> trials of <paramref name="model"/> on <paramref name="threads"/> threads.</summary>
    public static DriftEnsemble Simulate(DriftModel model, ulong seed, int trials, int threads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        int length = model.PathLength;
        var samples = new double[(long)length * trials];
        int chunks = Math.Min(trials, threads * 4);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, chunk =>
        {
            var path = new double[length];
            int first = (int)((long)trials * chunk / chunks), last = (int)((long)trials * (chunk + 1) / chunks);
            for (int t = first; t < last; t++)
            {
                model.Simulate(new CounterRandom(seed, t), path);
                for (int k = 0; k < length; k++)
                {
                    samples[((long)k * trials) + t] = path[k];
                }
            }
        });
        return new DriftEnsemble(model, trials, samples);
    }

    /// <summary>The positions of member <paramref name="member"/> in year <paramref name="year"/> over all trials (in trial order).</summary>
    public ReadOnlySpan<double> Samples(int year, int member)
    {
        if (year < FromYear || year >= FromYear + Years)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The ensemble covers {FromYear}-{FromYear + Years - 1}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(member);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(member, Members);
        long k = ((long)(year - FromYear) * Members) + member;
        return _samples.AsSpan((int)(k * Trials), Trials);
    }
}
