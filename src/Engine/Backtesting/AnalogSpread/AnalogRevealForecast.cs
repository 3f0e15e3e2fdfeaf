using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// The conditioning backtest of announced votes in a scenario-like setting (<c>stemsim backtest --analog-kinds
/// --reveal</c>): one roll call simulated from its analog as <see cref="AnalogSpreadStudy"/> does (fixed parameters,
/// the shared draws being the global and bloc shocks and the analog's shift), with one member's recorded vote revealed.
/// The other members are forecast three ways from the same trials: <c>given</c> weighs each trial by the revealed
/// member's likelihood P(its vote | the trial's shared draws) (<see cref="AnnouncedVoteLikelihood"/>, the probability
/// with which the engine's <c>given:</c> accepts a trial), <c>fixed</c> sets its vote and leaves the others unchanged
/// (<c>vote:</c>), <c>unknown</c> does not know it.
/// </summary>
/// <remarks>
/// Weighing the trials by L(S) is self-normalised importance sampling of the posterior the engine's rejection sampler
/// draws from: the same conditional distribution, and here on the same trials for all three ways. The member's own
/// position uncertainty is part of its noise sd (integrated out), as in the study; positions are independent across
/// members, so this leaves the others' posterior unchanged. A member's probabilities given a trial are the ordered
/// probit of its latent mean with its sd; the ways' probabilities average them over the trials (weighted for
/// <c>given</c>), which is the exact expectation of the simulated votes given the same shared draws.
/// </remarks>
internal static class AnalogRevealForecast
{
    /// <summary>The three ways' forecasts of one roll call.</summary>
    /// <param name="Weights">Per trial, L(S): the revealed vote's probability given the trial's shared draws.</param>
    /// <param name="UnknownYes">Per trial, the simulated yes count with every member simulated.</param>
    /// <param name="FixedYes">Per trial, the yes count with the revealed member's recorded vote (the others' draws unchanged).</param>
    /// <param name="Unknown">Per member, P(no, abstain, yes | present) not knowing the revealed vote (also the fixed forecast).</param>
    /// <param name="Given">Per member, the same given the revealed vote.</param>
    public sealed record Result(double[] Weights, int[] UnknownYes, int[] FixedYes, (double No, double Abstain, double Yes)[] Unknown, (double No, double Abstain, double Yes)[] Given)
    {
        /// <summary>Mean of <see cref="Weights"/>: the rejection sampler's acceptance rate.</summary>
        public double MeanLikelihood => Weights.Average();

        /// <summary>Effective sample size of <see cref="Weights"/> over the number of trials, (sum w)^2 / sum w^2 / trials, in (0, 1].</summary>
        public double EffectiveShare
        {
            get
            {
                double sum = Weights.Sum(), squares = Weights.Sum(w => w * w);
                return squares > 0 ? sum * sum / squares / Weights.Length : 0;
            }
        }
    }

    /// <summary>
    /// Forecasts one roll call three ways.
    /// </summary>
    /// <param name="members">The members as <see cref="AnalogSpreadStudy"/> forecasts them (no parameter groups, no repeaters, none fixed).</param>
    /// <param name="parameters">beta, tau_1, tau_2 (fixed).</param>
    /// <param name="shape">
    /// The analog's shift: a normal or mixture of normals (its sd combined with the global shock's as one normal
    /// draw, as the study simulates a spread), or empirical (per trial the offset the pick uniform chooses, plus its
    /// jitter sd).
    /// </param>
    /// <param name="globalSd">The global shock's sd.</param>
    /// <param name="blocSds">The bloc shocks' sds.</param>
    /// <param name="pick">Per trial, the uniform that picks the mixture's component or the population's text.</param>
    /// <param name="revealed">The revealed member's index (present in the record).</param>
    /// <param name="choice">Its recorded vote: yes, no or abstain.</param>
    /// <param name="seed">The simulation's seed.</param>
    /// <param name="stream">The roll call's random stream.</param>
    public static Result Forecast(RollCallCountSimulator.Members members, double[] parameters, AnalogShiftDistribution shape, double globalSd, double[] blocSds, double[] pick, int revealed, VoteChoice choice, ulong seed, int stream)
    {
        if (members.GroupIndices.Length > 0 || members.RepeatVote.Any(v => v >= 0) || members.Fixed.Any(v => v >= 0))
        {
            throw new ArgumentException("The reveal forecasts members without parameter groups, repeaters or fixed votes.", nameof(members));
        }

        var (scales, offsets) = Trials(shape, pick);
        var unknownYes = YesCounts(members, parameters, shape, globalSd, blocSds, pick, seed, stream);
        var fixedVotes = Enumerable.Repeat(-1, members.Positions.Length).ToArray();
        fixedVotes[revealed] = (int)VoteIndex.Ordinal(choice);
        var fixedYes = YesCounts(members with { Fixed = fixedVotes }, parameters, shape, globalSd, blocSds, pick, seed, stream);
        var (weights, unknown, given) = Probabilities(members, parameters, globalSd, blocSds, scales, offsets, revealed, choice, seed, stream);
        return new Result(weights, unknownYes, fixedYes, unknown, given);
    }

    /// <summary>Per trial, the sd of the analog's shift and, for an empirical shift, the offset the pick uniform chooses.</summary>
    private static (double[] Scales, double[]? Offsets) Trials(AnalogShiftDistribution shape, double[] pick)
    {
        var scales = new double[pick.Length];
        var offsets = shape.IsEmpirical ? new double[pick.Length] : null;
        for (int t = 0; t < pick.Length; t++)
        {
            scales[t] = shape.IsEmpirical ? shape.NarrowSd : shape.ScaleFor(pick[t]);
            if (offsets is not null)
            {
                offsets[t] = shape.OffsetFor(pick[t]);
            }
        }

        return (scales, offsets);
    }

    /// <summary>
    /// Per trial the simulated yes count with the analog's <paramref name="shape"/>: one simulation per distinct shift
    /// sd (combined with the global shock's), each trial taking the one its pick uniform chose, as the study mixes its
    /// simulations.
    /// </summary>
    internal static int[] YesCounts(RollCallCountSimulator.Members members, double[] parameters, AnalogShiftDistribution shape, double globalSd, double[] blocSds, double[] pick, ulong seed, int stream)
    {
        var (scales, offsets) = Trials(shape, pick);
        var yes = new int[scales.Length];
        foreach (double scale in scales.Distinct())
        {
            double sd = Math.Sqrt((globalSd * globalSd) + (scale * scale));
            var counts = RollCallCountSimulator.Simulate(members, parameters, [], sd, blocSds, scales.Length, seed, stream, offsets).Yes;
            for (int t = 0; t < yes.Length; t++)
            {
                if (scales[t] == scale)
                {
                    yes[t] = counts[t];
                }
            }
        }

        return yes;
    }

    /// <summary>
    /// L(S) per trial, and every member's probabilities averaged over the trials: plainly (unknown) and weighted by L(S) (given).
    /// </summary>
    private static (double[] Weights, (double No, double Abstain, double Yes)[] Unknown, (double No, double Abstain, double Yes)[] Given) Probabilities(
        RollCallCountSimulator.Members members, double[] parameters, double globalSd, double[] blocSds, double[] scales, double[]? offsets, int revealed, VoteChoice choice, ulong seed, int stream)
    {
        int n = members.Positions.Length, trials = scales.Length;
        double beta = parameters[0], tau1 = parameters[1], tau2 = parameters[2];
        var weights = new double[trials];
        var plain = new double[n, 3];
        var weighted = new double[n, 3];
        var bloc = new double[blocSds.Length];
        var mean = new double[n];
        for (int t = 0; t < trials; t++)
        {
            double sd = Math.Sqrt((globalSd * globalSd) + (scales[t] * scales[t]));
            double common = RollCallCountSimulator.DrawShocks(new CounterRandom(seed, t), stream & 0xFFFF, sd, blocSds, offsets, t, bloc);
            for (int i = 0; i < n; i++)
            {
                double m = (beta * members.Positions[i]) + members.Offsets[i] + common;
                for (int k = members.BlocOffsets[i]; k < members.BlocOffsets[i + 1]; k++)
                {
                    m += bloc[members.BlocIndices[k]];
                }

                mean[i] = m;
            }

            double s = members.Sds[revealed];
            double w = AnnouncedVoteLikelihood.Of(choice, mean[revealed] / s, tau1 / s, tau2 / s);
            weights[t] = w;
            for (int i = 0; i < n; i++)
            {
                double si = members.Sds[i];
                double no = AnnouncedVoteLikelihood.Of(VoteChoice.No, mean[i] / si, tau1 / si, tau2 / si);
                double yes = AnnouncedVoteLikelihood.Of(VoteChoice.Yes, mean[i] / si, tau1 / si, tau2 / si);
                double abstain = Math.Max(0, 1 - no - yes);
                plain[i, 0] += no;
                plain[i, 1] += abstain;
                plain[i, 2] += yes;
                weighted[i, 0] += w * no;
                weighted[i, 1] += w * abstain;
                weighted[i, 2] += w * yes;
            }
        }

        double total = weights.Sum();
        if (!(total > 0))
        {
            throw new InvalidOperationException("The revealed vote has probability 0 in every trial.");
        }

        var unknown = new (double, double, double)[n];
        var given = new (double, double, double)[n];
        for (int i = 0; i < n; i++)
        {
            unknown[i] = (plain[i, 0] / trials, plain[i, 1] / trials, plain[i, 2] / trials);
            given[i] = (weighted[i, 0] / total, weighted[i, 1] / total, weighted[i, 2] / total);
        }

        return (weights, unknown, given);
    }

    /// <summary>
    /// The central <paramref name="level"/> range of weighted samples: from the smallest sample whose weighted
    /// distribution function reaches (1 - level) / 2 to the smallest reaching (1 + level) / 2; with equal weights
    /// exactly <see cref="CountInterval.Central"/>. Weights are non-negative with a positive sum.
    /// </summary>
    public static CountInterval WeightedCentral(int[] samples, double[] weights, double level)
    {
        var order = Enumerable.Range(0, samples.Length).OrderBy(j => samples[j]).ToArray();
        double total = weights.Sum();

        // The same tolerance as CountInterval.Quantile's, in units of the mean weight.
        double tolerance = 1e-9 * total / samples.Length;
        return new CountInterval(Quantile((1 - level) / 2), Quantile((1 + level) / 2));

        int Quantile(double q)
        {
            double cumulative = 0;
            foreach (int j in order)
            {
                cumulative += weights[j];
                if (cumulative >= (q * total) - tolerance)
                {
                    return samples[j];
                }
            }

            return samples[order[^1]];
        }
    }
}
