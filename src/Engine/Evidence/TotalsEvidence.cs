using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Evidence;

/// <summary>
/// A recorded vote known only by its totals (yes, no, abstain): the posterior of its shared shifts given the totals,
/// by importance sampling. The positions are not updated: totals cannot say which member moved.
/// </summary>
/// <remarks>
/// <para>Shared draws S = (c, b_1..b_B): c = global shock + analog shift ~ N(0, sd_global^2 + sd_analog^2), b_k ~
/// N(0, sd_k^2) the bloc shocks, as the simulation draws them for one vote. Given S, members vote independently: member
/// i is absent with probability a_i, else with mean mu_i = mean_i + c + sum of its blocs' b_k and position loading L_i
/// it votes no with Phi((tau_1 - mu_i) / sqrt(1 + L_i^2)) and yes with 1 - Phi((tau_2 - mu_i) / sqrt(1 + L_i^2)) (the
/// position draw integrated out); a fixed member votes as fixed.</para>
/// <para>Likelihood of the totals t = (yes, no, abstain) given S: the counts are sums of independent categorical
/// indicators, approximated as normal with their exact mean and covariance (plus 1/12 on the diagonal for the rounding
/// to whole votes): log L(S) = -(t - mean)' C^-1 (t - mean) / 2 - log det C / 2.</para>
/// <para>Posterior: self-normalised importance sampling, w = prior(S) L(S) / q(S). The first round draws from the prior;
/// the two further rounds from a normal q with the previous round's weighted means and 1.5 times its weighted standard
/// deviations (independent components), because the totals pin S down far more tightly than the prior does. Draws are
/// counter-based (a pure function of the seed, round, draw and component), so the result is deterministic.</para>
/// </remarks>
public static class TotalsEvidence
{
    private const int Rounds = 3;

    /// <summary>The posterior of the shared shifts of a vote with the given members, shocks and recorded totals.</summary>
    /// <param name="members">Each member's lean on the vote (its mean, loading, cut-points, absence, or a fixed vote).</param>
    /// <param name="memberBlocs">For each member, the indices of its shocked blocs in <paramref name="blocSds"/>.</param>
    /// <param name="commonSd">Prior sd of c (sqrt(sd_global^2 + sd_analog^2)), &gt;= 0.</param>
    /// <param name="blocSds">Prior sd of each bloc's shock, &gt;= 0.</param>
    /// <param name="yes">Recorded yes votes.</param>
    /// <param name="no">Recorded no votes.</param>
    /// <param name="abstain">Recorded abstentions.</param>
    /// <param name="draws">Draws per round, &gt;= 100.</param>
    /// <param name="seed">Seed of the draws.</param>
    public static TotalsPosterior Condition(
        IReadOnlyList<MemberLean> members, IReadOnlyList<IReadOnlyList<int>> memberBlocs, double commonSd, IReadOnlyList<double> blocSds,
        int yes, int no, int abstain, int draws = 4096, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 100);
        int dims = 1 + blocSds.Count;
        var priorSd = new double[dims];
        priorSd[0] = commonSd;
        for (int k = 0; k < blocSds.Count; k++)
        {
            priorSd[k + 1] = blocSds[k];
        }

        var mean = new double[dims];
        var sd = (double[])priorSd.Clone();
        var logW = new double[draws];
        var samples = new double[draws * dims];
        for (int round = 0; round < Rounds; round++)
        {
            for (int d = 0; d < draws; d++)
            {
                logW[d] = Propose(seed, round, d, mean, sd, priorSd, samples.AsSpan(d * dims, dims)) + LogLikelihood(members, memberBlocs, samples.AsSpan(d * dims, dims), yes, no, abstain);
            }

            var (sumW, second, effective) = WeightedMoments(logW, samples, mean);
            for (int k = 0; k < dims; k++)
            {
                mean[k] /= sumW;
                double variance = Math.Max(0, (second[k] / sumW) - (mean[k] * mean[k]));
                sd[k] = priorSd[k] > 0 ? Math.Max(1.5 * Math.Sqrt(variance), 1e-3 * priorSd[k]) : 0;
            }

            if (round == Rounds - 1)
            {
                return new TotalsPosterior(mean[0], Math.Sqrt(Math.Max(0, (second[0] / sumW) - (mean[0] * mean[0]))), mean[1..], effective);
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// Draw <paramref name="d"/> of a round from the proposal N(mean, sd^2) into <paramref name="s"/> (0 where the prior
    /// sd is 0); returns log prior - log proposal density.
    /// </summary>
    private static double Propose(ulong seed, int round, int d, double[] mean, double[] sd, double[] priorSd, Span<double> s)
    {
        int dims = mean.Length;
        double logQ = 0, logPrior = 0;
        for (int k = 0; k < dims; k++)
        {
            ulong bits = CounterRandom.Mix(CounterRandom.Mix(seed + ((ulong)round * 0x9E3779B97F4A7C15UL)) + (((ulong)d * (ulong)dims) + (ulong)k) * 0x9E3779B97F4A7C15UL);
            double z = StandardNormal.InverseCdf(CounterRandom.UniformLow(bits));
            s[k] = mean[k] + (sd[k] * z);
            if (priorSd[k] > 0)
            {
                logQ += -0.5 * z * z - Math.Log(sd[k]);
                double u = s[k] / priorSd[k];
                logPrior += -0.5 * u * u - Math.Log(priorSd[k]);
            }
            else
            {
                s[k] = 0;
            }
        }

        return logPrior - logQ;
    }

    /// <summary>
    /// The importance weights' sums: <paramref name="mean"/> overwritten with sum w x, and the returned sum of w, sum w x^2
    /// per dimension and the effective sample size (sum w)^2 / sum w^2 (weights relative to the largest).
    /// </summary>
    private static (double SumW, double[] Second, double Effective) WeightedMoments(double[] logW, double[] samples, double[] mean)
    {
        int dims = mean.Length;
        double max = logW.Max();
        double sumW = 0, sumW2 = 0;
        Array.Clear(mean);
        var second = new double[dims];
        for (int d = 0; d < logW.Length; d++)
        {
            double w = Math.Exp(logW[d] - max);
            sumW += w;
            sumW2 += w * w;
            for (int k = 0; k < dims; k++)
            {
                double x = samples[(d * dims) + k];
                mean[k] += w * x;
                second[k] += w * x * x;
            }
        }

        return (sumW, second, sumW * sumW / sumW2);
    }

    /// <summary>log L(S) of the totals under the normal approximation (see the remarks).</summary>
    public static double LogLikelihood(IReadOnlyList<MemberLean> members, IReadOnlyList<IReadOnlyList<int>> memberBlocs, ReadOnlySpan<double> shifts, int yes, int no, int abstain)
    {
        // Mean and covariance of (yes, no, abstain).
        double my = 0, mn = 0, ma = 0, cyy = 1.0 / 12, cnn = 1.0 / 12, caa = 1.0 / 12, cyn = 0, cya = 0, cna = 0;
        for (int i = 0; i < members.Count; i++)
        {
            var lean = members[i];
            double py, pn, pa;
            if (lean.Fixed is { } fixedVote)
            {
                (py, pn, pa) = fixedVote switch
                {
                    VoteChoice.Yes => (1.0, 0.0, 0.0),
                    VoteChoice.No => (0.0, 1.0, 0.0),
                    VoteChoice.Abstain => (0.0, 0.0, 1.0),
                    VoteChoice.Absent => (0.0, 0.0, 0.0),
                    _ => throw new ArgumentOutOfRangeException(nameof(members), fixedVote, "unknown vote choice"),
                };
            }
            else
            {
                double mu = lean.Mean + shifts[0];
                foreach (int b in memberBlocs[i])
                {
                    mu += shifts[b + 1];
                }

                double scale = 1 / Math.Sqrt(1 + (lean.PositionLoading * lean.PositionLoading));
                double present = 1 - lean.AbsenceProbability;
                pn = present * NormalTail.Cdf((lean.NoBelow - mu) * scale);
                py = present * NormalTail.UpperTail((lean.YesFrom - mu) * scale);
                pa = Math.Max(0, present - pn - py);
            }

            my += py;
            mn += pn;
            ma += pa;
            cyy += py * (1 - py);
            cnn += pn * (1 - pn);
            caa += pa * (1 - pa);
            cyn -= py * pn;
            cya -= py * pa;
            cna -= pn * pa;
        }

        double ry = yes - my, rn = no - mn, ra = abstain - ma;
        // Inverse of the symmetric 3 x 3 covariance by cofactors.
        double c00 = (cnn * caa) - (cna * cna), c01 = (cna * cya) - (cyn * caa), c02 = (cyn * cna) - (cnn * cya);
        double c11 = (cyy * caa) - (cya * cya), c12 = (cyn * cya) - (cyy * cna), c22 = (cyy * cnn) - (cyn * cyn);
        double det = (cyy * c00) + (cyn * c01) + (cya * c02);
        double quadratic = ((ry * ry * c00) + (rn * rn * c11) + (ra * ra * c22) + (2 * ((ry * rn * c01) + (ry * ra * c02) + (rn * ra * c12)))) / det;
        return (-0.5 * quadratic) - (0.5 * Math.Log(det));
    }
}
