using StemSimulator.Engine.Calibration;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// One out-of-sample count forecast kept for matching later years' global shock by simulation: the simulator's
/// members and parameters as forecast, the bloc shock sizes then, and the recorded counts.
/// </summary>
internal sealed record CoverageCase(RollCallCountSimulator.Members Members, double[] Parameters, double[] BlocSds, int Yes, int No, int Abstain, ulong Seed, int Stream)
{
    /// <summary>Trials per case and candidate shock size.</summary>
    public const int Trials = 300;

    /// <summary>How many of the three counts fall in the simulated 80% and 95% ranges with global shock <paramref name="globalSd"/>.</summary>
    public (int Covered80, int Covered95) Covered(double globalSd)
    {
        var result = RollCallCountSimulator.Simulate(Members, Parameters, [], globalSd, BlocSds, Trials, Seed, Stream);
        int[] recorded = [Yes, No, Abstain];
        int[][] samples = [result.Yes, result.No, result.Abstain];
        int c80 = 0, c95 = 0;
        for (int c = 0; c < 3; c++)
        {
            c80 += RollCallCountSimulator.Covers(samples[c], recorded[c], 0.80) ? 1 : 0;
            c95 += RollCallCountSimulator.Covers(samples[c], recorded[c], 0.95) ? 1 : 0;
        }

        return (c80, c95);
    }

    /// <summary>
    /// The global shock size on a grid 0, 0.1, .., 2.5 whose simulated ranges cover the cases' counts best:
    /// minimising |coverage80 - 0.80| + |coverage95 - 0.95| (ties to the smaller shock).
    /// </summary>
    public static double Match(IReadOnlyList<CoverageCase> cases, int threads)
    {
        if (cases.Count == 0)
        {
            return 0;
        }

        double best = 0, bestError = double.PositiveInfinity;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        for (int step = 0; step <= 25; step++)
        {
            double g = step * 0.1;
            var covered = new (int, int)[cases.Count];
            Parallel.For(0, cases.Count, parallel, k => covered[k] = cases[k].Covered(g));
            double c80 = covered.Sum(c => c.Item1) / (3.0 * cases.Count);
            double c95 = covered.Sum(c => c.Item2) / (3.0 * cases.Count);
            double error = Math.Abs(c80 - 0.80) + Math.Abs(c95 - 0.95);
            if (error < bestError - 1e-12)
            {
                (best, bestError) = (g, error);
            }
        }

        return best;
    }
}
