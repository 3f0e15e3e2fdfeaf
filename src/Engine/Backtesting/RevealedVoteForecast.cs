using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// The conditioning backtest of announced votes (<c>given:</c>) in the <c>new</c> protocol: one more member's recorded
/// vote is revealed, and the others are forecast three ways from the same draws of the roll call's shared quantities
/// (beta, the cut-points and the shock groups' effects, drawn from the fit's posterior): <c>given</c> weighs each draw by
/// the revealed member's likelihood P(its vote | draw) (conditioning, as <c>given:</c> does), <c>fixed</c> sets that
/// member's vote and leaves the others as they were (intervention, as <c>vote:</c> does), <c>unknown</c> does not know it.
/// For the others' votes <c>fixed</c> and <c>unknown</c> are the same forecast by construction; their counts differ by
/// the revealed member's own vote.
/// </summary>
/// <remarks>
/// Member i's probabilities given a draw theta = (beta, tau_1, tau_2, s_g...) are the ordered probit of
/// beta x_i + sum of its groups' s_g with standard deviation sqrt(1 + beta^2 var_i) (its own position uncertainty
/// integrated out), as <see cref="RollingBacktest"/>'s stemsim forecast. The weighted average over draws is
/// self-normalised importance sampling with the posterior as proposal: the same posterior that rejection sampling
/// draws from, with the weights' effective sample size reported.
/// </remarks>
internal static class RevealedVoteForecast
{
    /// <summary>One way of forecasting: per member probabilities, and the counts' coverage and P(adopted).</summary>
    public sealed record Way((double No, double Abstain, double Yes)[] Probabilities, bool[] Covered80, bool[] Covered95, double PAdopted);

    /// <summary>The three ways, with the mean likelihood of the revealed vote and the weights' effective sample share.</summary>
    public sealed record Result(Way Given, Way Fixed, Way Unknown, double MeanLikelihood, double EffectiveShare);

    /// <summary>A roll call's inputs.</summary>
    /// <param name="Positions">Each member's position x_i on the roll call.</param>
    /// <param name="Variances">Each member's position variance.</param>
    /// <param name="Blocs">Each member's shock groups (indices into the draws' group effects).</param>
    /// <param name="Absence">Each member's absence probability (for the counts).</param>
    /// <param name="Fixed">Each member's revealed ordinal vote (the protocol's 20%), or -1.</param>
    /// <param name="Recorded">Each member's recorded ordinal vote, or -1 when absent.</param>
    /// <param name="Revealed">The member whose vote is revealed now (not among <paramref name="Fixed"/>, present).</param>
    public sealed record Inputs(double[] Positions, double[] Variances, int[][] Blocs, double[] Absence, int[] Fixed, int[] Recorded, int Revealed);

    /// <summary>Forecasts the roll call three ways from <paramref name="draws"/> (each beta, tau_1, tau_2, then the group effects).</summary>
    public static Result Forecast(Inputs inputs, IReadOnlyList<double[]> draws, ulong seed, int stream)
    {
        int n = inputs.Positions.Length;
        int m = draws.Count;
        var perDraw = new (double No, double Abstain, double Yes)[m][];
        var weights = new double[m];
        var ones = Enumerable.Repeat(1.0, m).ToArray();
        for (int j = 0; j < m; j++)
        {
            var theta = draws[j];
            var row = new (double No, double Abstain, double Yes)[n];
            for (int i = 0; i < n; i++)
            {
                double latent = theta[0] * inputs.Positions[i];
                foreach (int g in inputs.Blocs[i])
                {
                    latent += theta[3 + g];
                }

                double sd = Math.Sqrt(1 + (theta[0] * theta[0] * inputs.Variances[i]));
                double no = NormalTail.Cdf((theta[1] - latent) / sd);
                double yes = NormalTail.UpperTail((theta[2] - latent) / sd);
                row[i] = (no, Math.Max(0, 1 - no - yes), yes);
            }

            perDraw[j] = row;
            var r = row[inputs.Revealed];
            weights[j] = inputs.Recorded[inputs.Revealed] switch
            {
                0 => r.No,
                1 => r.Abstain,
                2 => r.Yes,
                _ => throw new ArgumentException("The revealed member must have voted.", nameof(inputs)),
            };
        }

        double sum = weights.Sum(), squares = weights.Sum(w => w * w);
        var counts = SimulateCounts(inputs, perDraw, seed, stream);
        var unknown = Weigh(inputs, perDraw, ones, counts.Free);
        var given = Weigh(inputs, perDraw, weights, counts.WithRevealed);
        var fixedWay = Weigh(inputs, perDraw, ones, counts.WithRevealed) with { Probabilities = unknown.Probabilities };
        return new Result(given, fixedWay, unknown, sum / m, squares > 0 ? sum * sum / squares / m : 0);
    }

    /// <summary>Per draw the yes, no and abstain counts: with the revealed member simulated (Free) and with its recorded vote (WithRevealed).</summary>
    private static (int[][] Free, int[][] WithRevealed) SimulateCounts(Inputs inputs, (double No, double Abstain, double Yes)[][] perDraw, ulong seed, int stream)
    {
        int n = inputs.Positions.Length, m = perDraw.Length;
        var free = new int[3][];
        var withRevealed = new int[3][];
        for (int c = 0; c < 3; c++)
        {
            free[c] = new int[m];
            withRevealed[c] = new int[m];
        }

        for (int j = 0; j < m; j++)
        {
            var random = new CounterRandom(seed, j);
            int[] tally = new int[3];
            int revealedChoice = -1;
            for (int i = 0; i < n; i++)
            {
                int choice = inputs.Fixed[i];
                if (choice < 0)
                {
                    if (random.Uniform(RandomPurpose.Absence, stream, i) < inputs.Absence[i])
                    {
                        continue;
                    }

                    var p = perDraw[j][i];
                    double u = random.Uniform(RandomPurpose.VoteNoise, stream, i) * (p.No + p.Abstain + p.Yes);
                    choice = u < p.No ? 0 : u < p.No + p.Abstain ? 1 : 2;
                }

                if (i == inputs.Revealed)
                {
                    revealedChoice = choice;
                    continue;
                }

                tally[choice]++;
            }

            // Counts in the order yes, no, abstain (ordinal 2, 0, 1).
            int[] order = [2, 0, 1];
            for (int c = 0; c < 3; c++)
            {
                free[c][j] = tally[order[c]] + (revealedChoice == order[c] ? 1 : 0);
                withRevealed[c][j] = tally[order[c]] + (inputs.Recorded[inputs.Revealed] == order[c] ? 1 : 0);
            }
        }

        return (free, withRevealed);
    }

    private static Way Weigh(Inputs inputs, (double No, double Abstain, double Yes)[][] perDraw, double[] weights, int[][] counts)
    {
        int n = inputs.Positions.Length;
        double total = weights.Sum();
        var probabilities = new (double No, double Abstain, double Yes)[n];
        for (int i = 0; i < n; i++)
        {
            double no = 0, abstain = 0, yes = 0;
            for (int j = 0; j < perDraw.Length; j++)
            {
                var p = perDraw[j][i];
                no += weights[j] * p.No;
                abstain += weights[j] * p.Abstain;
                yes += weights[j] * p.Yes;
            }

            probabilities[i] = (no / total, abstain / total, yes / total);
        }

        int[] recorded = [inputs.Recorded.Count(v => v == 2), inputs.Recorded.Count(v => v == 0), inputs.Recorded.Count(v => v == 1)];
        var covered80 = new bool[3];
        var covered95 = new bool[3];
        for (int c = 0; c < 3; c++)
        {
            covered80[c] = Covers(counts[c], weights, recorded[c], 0.80);
            covered95[c] = Covers(counts[c], weights, recorded[c], 0.95);
        }

        double adopted = 0;
        for (int j = 0; j < perDraw.Length; j++)
        {
            adopted += counts[0][j] > counts[1][j] ? weights[j] : 0;
        }

        return new Way(probabilities, covered80, covered95, adopted / total);
    }

    /// <summary>
    /// Whether <paramref name="value"/> lies in the central <paramref name="level"/> range of the weighted samples: from
    /// the smallest sample whose weighted CDF reaches (1 - level) / 2 to the smallest reaching (1 + level) / 2 (with equal
    /// weights, <see cref="RollCallCountSimulator.Covers"/>).
    /// </summary>
    internal static bool Covers(int[] samples, double[] weights, int value, double level)
    {
        var order = Enumerable.Range(0, samples.Length).OrderBy(j => samples[j]).ToArray();
        double total = weights.Sum();
        double lowerTarget = (1 - level) / 2 * total, upperTarget = (1 + level) / 2 * total;
        double cumulative = 0;
        int? lower = null, upper = null;
        foreach (int j in order)
        {
            cumulative += weights[j];
            if (lower is null && cumulative >= lowerTarget - (1e-9 * total))
            {
                lower = samples[j];
            }

            if (cumulative >= upperTarget - (1e-9 * total))
            {
                upper = samples[j];
                break;
            }
        }

        upper ??= samples[order[^1]];
        return value >= lower && value <= upper;
    }
}
