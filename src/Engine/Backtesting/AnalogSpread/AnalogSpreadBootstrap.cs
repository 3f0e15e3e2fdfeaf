using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// How well the choosing years pin a kind's spread down: the spread chosen (<see cref="AnalogSpreadEvaluation.Choose"/>)
/// on each of <see cref="Resamples"/> bootstrap resamples of the choosing roll calls (drawn with replacement, as many as
/// there are), and the central <see cref="Level"/> range of those choices. A spread outside that range is one the
/// choosing years would rarely have picked had their roll calls come out otherwise; the range is what a briefing
/// varies the spread over.
/// </summary>
public static class AnalogSpreadBootstrap
{
    /// <summary>Number of bootstrap resamples.</summary>
    public const int Resamples = 2000;

    /// <summary>The central share of the resamples' choices the range holds.</summary>
    public const double Level = 0.9;

    /// <summary>The range of chosen spread indices.</summary>
    /// <param name="Low">The <c>(1 - Level) / 2</c> quantile of the chosen index.</param>
    /// <param name="High">The <c>(1 + Level) / 2</c> quantile of the chosen index.</param>
    /// <param name="Shares">Shares[s]: the share of resamples that chose spread index s.</param>
    public sealed record Result(int Low, int High, double[] Shares);

    /// <summary>Bootstraps the choice over <paramref name="cases"/> (the choosing roll calls of one kind).</summary>
    /// <param name="cases">At least one case.</param>
    /// <param name="spreads">Number of candidate spreads (the cases' range arrays' length).</param>
    /// <param name="seed">The resampling seed; the result is a pure function of it and the cases.</param>
    public static Result Run(IReadOnlyList<AnalogCase> cases, int spreads, ulong seed)
    {
        if (cases.Count == 0)
        {
            throw new ArgumentException("No cases to bootstrap.", nameof(cases));
        }

        // One score per case and spread, computed once: a resample only reweights the cases.
        var scores = new double[cases.Count, spreads];
        for (int c = 0; c < cases.Count; c++)
        {
            for (int s = 0; s < spreads; s++)
            {
                scores[c, s] = AnalogSpreadEvaluation.Score(cases[c], s);
            }
        }

        var chosen = new int[Resamples];
        var totals = new double[spreads];
        for (int r = 0; r < Resamples; r++)
        {
            Array.Clear(totals);
            ulong key = CounterRandom.Mix(seed + ((ulong)(r + 1) * 0x9E3779B97F4A7C15UL));
            for (int i = 0; i < cases.Count; i++)
            {
                int c = (int)((CounterRandom.Mix(key + (ulong)i) >> 11) % (ulong)cases.Count);
                for (int s = 0; s < spreads; s++)
                {
                    totals[s] += scores[c, s];
                }
            }

            int best = 0;
            for (int s = 1; s < spreads; s++)
            {
                // Ties go to the smaller spread, as in AnalogSpreadEvaluation.Choose.
                if (totals[s] < totals[best] - 1e-9)
                {
                    best = s;
                }
            }

            chosen[r] = best;
        }

        Array.Sort(chosen);
        var shares = new double[spreads];
        foreach (int c in chosen)
        {
            shares[c] += 1.0 / Resamples;
        }

        int low = chosen[(int)Math.Floor((1 - Level) / 2 * (Resamples - 1))];
        int high = chosen[(int)Math.Ceiling((1 + Level) / 2 * (Resamples - 1))];
        return new Result(low, high, shares);
    }
}
