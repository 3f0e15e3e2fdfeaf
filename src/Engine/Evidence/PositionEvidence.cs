using StemSimulator.Engine.Calibration;

namespace StemSimulator.Engine.Evidence;

/// <summary>
/// Recorded votes that are not in the calibration, read with the calibration's own model: each evidence roll call's
/// discrimination and cut-points are fitted given the members' positions, then each member's position is updated from
/// its votes. This is the one place the mathematics of a scenario's member-vote evidence is written down.
/// </summary>
/// <remarks>
/// <para>Model (as the calibration's, <see cref="IdealPointEstimator"/>): member i votes on roll call j by the ordered
/// probit with eta = beta_j * x_ij, x_ij = theta_i + o_ij (o_ij the mean of i's issue offsets over j's areas, held at
/// the calibration's values), P(no) = Phi(tau_1 - eta), P(yes) = Phi(eta - tau_2).</para>
/// <para>Prior: theta_i ~ N(m_i, s_i^2) with m_i the calibration's position and s_i^2 = se_i^2 + g * step^2, g the years
/// from the position's year to the evidence year (the calibration's random walk; the scenario compiler widens
/// positions the same way).</para>
/// <para>Per evidence year, in ascending order: (1) each roll call of the year is fitted by
/// <see cref="RollCallFitter"/> (MAP of (beta, tau_1, tau_2) under the calibration's roll-call prior and minimum
/// cut-point gap) with the members at their prior means x_ij = m_i + o_ij; (2) each member's log posterior
/// f(theta) = sum_j log P(y_ij | beta_j (theta + o_ij), tau_j) - (theta - m_i)^2 / (2 s_i^2) is maximised by Newton's
/// method, theta &lt;- theta - f'(theta) / f''(theta), with f' = sum_j beta_j dlogP/deta - (theta - m_i) / s_i^2 and
/// f'' = sum_j beta_j^2 d2logP/deta2 - 1 / s_i^2 &lt; 0 (the probit log-likelihood is concave in eta), halving a step
/// that would lower f; (3) the posterior is taken as normal at the mode with sd 1 / sqrt(-f''(mode)) (Laplace), and
/// becomes the prior for the next evidence year. One pass (fit, then update) and no more: fitting the roll call again
/// on the updated positions would count the same votes twice.</para>
/// <para>A member without evidence votes keeps its calibrated position and year (its uncertainty then widens up to a
/// scenario vote by the compiler's drift rule, as before).</para>
/// </remarks>
public static class PositionEvidence
{
    /// <summary>Fits the evidence roll calls and updates the members' positions.</summary>
    /// <param name="members">The members with their calibrated positions; <see cref="EvidenceVote.Member"/> indexes this list.</param>
    /// <param name="rollCalls">The evidence roll calls, any order (processed by year, then as given).</param>
    /// <param name="options">The calibration's settings.</param>
    public static EvidenceUpdate Update(IReadOnlyList<EvidenceMember> members, IReadOnlyList<EvidenceRollCall> rollCalls, EvidenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(rollCalls);
        ArgumentNullException.ThrowIfNull(options);
        int n = members.Count;
        var theta = members.Select(m => m.Theta).ToArray();
        var variance = members.Select(m => m.StandardError * m.StandardError).ToArray();
        var year = members.Select(m => m.SourceYear).ToArray();
        var count = new int[n];
        var fits = new EvidenceFit?[rollCalls.Count];
        foreach (var group in rollCalls.Select((r, k) => (RollCall: r, Index: k)).GroupBy(r => r.RollCall.Year).OrderBy(g => g.Key))
        {
            int evidenceYear = group.Key;
            var prior = new double[n];
            for (int i = 0; i < n; i++)
            {
                int gap = Math.Max(0, evidenceYear - year[i]);
                prior[i] = variance[i] + (gap * options.PositionStepSd * options.PositionStepSd);
            }

            var terms = new List<(int Member, OrdinalVote Vote, double Offset, RollCallParameters P)>();
            foreach (var (rollCall, index) in group)
            {
                var fit = FitRollCall(rollCall, theta, options);
                fits[index] = fit;
                terms.AddRange(rollCall.Votes.Select(v => (v.Member, v.Vote, v.Offset, fit.Parameters)));
            }

            foreach (var byMember in terms.GroupBy(t => t.Member))
            {
                int i = byMember.Key;
                var votes = byMember.Select(t => (t.Vote, t.Offset, t.P)).ToArray();
                var (mode, curvature) = Posterior(theta[i], prior[i], votes, options.NewtonSteps);
                theta[i] = mode;
                variance[i] = -1 / curvature;
                year[i] = evidenceYear;
                count[i] += votes.Length;
            }
        }

        var posteriors = members.Select((m, i) => new MemberPosterior(m.Code, theta[i], Math.Sqrt(variance[i]), year[i], count[i])).ToArray();
        return new EvidenceUpdate(posteriors, fits.Select(f => f!).ToArray());
    }

    /// <summary>Step (1): the roll call's MAP (beta, tau_1, tau_2) with the members at <paramref name="theta"/> plus their offsets.</summary>
    public static EvidenceFit FitRollCall(EvidenceRollCall rollCall, IReadOnlyList<double> theta, EvidenceOptions options)
    {
        var positions = rollCall.Votes.Select(v => theta[v.Member] + v.Offset).ToArray();
        var votes = rollCall.Votes.Select(v => v.Vote).ToArray();
        var start = rollCall.Start ?? RollCallFitter.Start(votes, options.MinimumGap);
        var fit = RollCallFitter.Run(positions, votes, options.Prior, start, options.MinimumGap, maxSteps: 100, withCovariance: true);
        return new EvidenceFit(rollCall.Id, fit.Parameters, fit.Covariance, votes.Length);
    }

    /// <summary>
    /// Steps (2)-(3) for one member: the mode of f(theta) (see the remarks) from the prior mean, and f'' there.
    /// </summary>
    /// <param name="priorMean">m.</param>
    /// <param name="priorVariance">s^2, &gt; 0.</param>
    /// <param name="votes">The member's votes with its offset on each roll call and the roll call's parameters.</param>
    /// <param name="steps">Most Newton steps.</param>
    public static (double Mode, double Curvature) Posterior(double priorMean, double priorVariance, IReadOnlyList<(OrdinalVote Vote, double Offset, RollCallParameters P)> votes, int steps)
    {
        double precision = 1 / priorVariance;
        double theta = priorMean;
        var (f, g, h) = Evaluate(theta, priorMean, precision, votes);
        for (int step = 0; step < steps && h < 0; step++)
        {
            double delta = -g / h;
            double alpha = 1;
            bool moved = false;
            for (int halving = 0; halving < 40; halving++)
            {
                double candidate = theta + (alpha * delta);
                var (fc, gc, hc) = Evaluate(candidate, priorMean, precision, votes);
                if (fc >= f - (1e-13 * Math.Abs(f)))
                {
                    moved = candidate != theta;
                    theta = candidate;
                    (f, g, h) = (fc, gc, hc);
                    break;
                }

                alpha *= 0.5;
            }

            if (!moved || Math.Abs(alpha * delta) < 1e-10)
            {
                break;
            }
        }

        return (theta, h);
    }

    private static (double F, double G, double H) Evaluate(double theta, double priorMean, double precision, IReadOnlyList<(OrdinalVote Vote, double Offset, RollCallParameters P)> votes)
    {
        double d = theta - priorMean;
        double f = -0.5 * d * d * precision, g = -d * precision, h = -precision;
        foreach (var (vote, offset, p) in votes)
        {
            var (logP, dEta, dEta2) = OrderedProbit.EvaluateEta(vote, p.Beta * (theta + offset), p.Tau1, p.Tau2);
            f += logP;
            g += p.Beta * dEta;
            h += p.Beta * p.Beta * dEta2;
        }

        return (f, g, h);
    }
}
