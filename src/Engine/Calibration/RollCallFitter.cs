namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Maximum a posteriori (beta, tau_1, tau_2) of one roll call given the members' positions: Newton's method on the
/// ordered-probit log-likelihood (concave in the three parameters) plus a normal prior, with the constraint
/// tau_2 - tau_1 &gt;= a minimum gap.
/// </summary>
/// <remarks>
/// Objective: f(p) = sum_i log P(y_i | beta * x_i, tau_1, tau_2) - sum_c (p_c - m_c)^2 * q_c / 2, p = (beta, tau_1,
/// tau_2), with the derivatives of <see cref="OrderedProbit.Evaluate"/> chained through eta = beta * x. Each step
/// solves (-H) d = g (3 x 3, Cholesky); a step that would close the gap below the minimum is clipped onto the
/// boundary, and on the boundary the step is taken in (beta, centre) with the gap fixed. A backtracking line search
/// keeps f non-decreasing, so the iteration cannot diverge.
/// </remarks>
public static class RollCallFitter
{
    /// <summary>The result of a fit.</summary>
    /// <param name="Parameters">The MAP parameters.</param>
    /// <param name="LogPosterior">f at the MAP.</param>
    /// <param name="LogLikelihood">The vote log-likelihood at the MAP (without the prior).</param>
    /// <param name="Covariance">Laplace covariance (-H)^-1, row-major 3 x 3 in (beta, tau_1, tau_2).</param>
    public sealed record Fit(RollCallParameters Parameters, double LogPosterior, double LogLikelihood, double[] Covariance);

    /// <summary>Fits a roll call.</summary>
    /// <param name="positions">Position x_i of each member who voted.</param>
    /// <param name="votes">The member's vote, aligned with <paramref name="positions"/>.</param>
    /// <param name="prior">Normal prior on the parameters.</param>
    /// <param name="start">Starting point (a previous estimate, or <see cref="Start"/>).</param>
    /// <param name="minimumGap">Smallest tau_2 - tau_1, &gt; 0.</param>
    /// <param name="maxSteps">Most Newton steps.</param>
    /// <param name="withCovariance">Whether to compute <see cref="Fit.Covariance"/> (otherwise empty).</param>
    public static Fit Run(
        ReadOnlySpan<double> positions,
        ReadOnlySpan<OrdinalVote> votes,
        RollCallPrior prior,
        RollCallParameters start,
        double minimumGap,
        int maxSteps = 50,
        bool withCovariance = false)
    {
        if (positions.Length != votes.Length)
        {
            throw new ArgumentException("One position per vote.", nameof(votes));
        }

        var p = Project(start, minimumGap);
        Span<double> g = stackalloc double[3];
        Span<double> h = stackalloc double[9];
        Span<double> d = stackalloc double[3];
        double f = Evaluate(positions, votes, prior, p, g, h, out _);
        for (int step = 0; step < maxSteps; step++)
        {
            if (!NewtonTarget(p, g, h, d, minimumGap, out var target)
                || !LineSearch(positions, votes, prior, p, target, f, out var candidate, out double accepted))
            {
                break;
            }

            double change = Math.Abs(candidate.Beta - p.Beta) + Math.Abs(candidate.Tau1 - p.Tau1) + Math.Abs(candidate.Tau2 - p.Tau2);
            p = candidate;
            f = accepted;
            if (change < 1e-9 || step == maxSteps - 1)
            {
                break;
            }

            f = Evaluate(positions, votes, prior, p, g, h, out _);
        }

        double logLikelihood = f - LogPrior(prior, p);
        double[] covariance = withCovariance ? LaplaceCovariance(positions, votes, prior, p, g, h) : [];
        return new Fit(p, f, logLikelihood, covariance);
    }

    /// <summary>
    /// The full Newton step's end point: on the gap boundary with a step that would close the gap further, Newton in
    /// (beta, centre) with the gap fixed; otherwise the step, clipped onto the constraint. False when it cannot be solved.
    /// </summary>
    private static bool NewtonTarget(RollCallParameters p, Span<double> g, Span<double> h, Span<double> d, double minimumGap, out RollCallParameters target)
    {
        target = p;
        bool onBoundary = p.Tau2 - p.Tau1 <= minimumGap * (1 + 1e-9);
        if (!SolveNewton(h, g, d))
        {
            return false;
        }

        if (onBoundary && d[2] - d[1] < 0)
        {
            // Newton in (beta, c) with tau_1 = c - gap / 2, tau_2 = c + gap / 2: dc sums the cut-point rows.
            double gb = g[0], gc = g[1] + g[2];
            double hbb = -h[0], hbc = -(h[1] + h[2]), hcc = -(h[4] + (2 * h[5]) + h[8]);
            double det = (hbb * hcc) - (hbc * hbc);
            if (!(det > 0))
            {
                return false;
            }

            double db = ((hcc * gb) - (hbc * gc)) / det;
            double dc = ((hbb * gc) - (hbc * gb)) / det;
            target = new RollCallParameters(p.Beta + db, p.Tau1 + dc, p.Tau2 + dc);
            return true;
        }

        target = Project(new RollCallParameters(p.Beta + d[0], p.Tau1 + d[1], p.Tau2 + d[2]), minimumGap);
        return true;
    }

    /// <summary>Backtracking along the segment p -> target (feasible: the constraint set is convex) until f does not fall.</summary>
    private static bool LineSearch(ReadOnlySpan<double> positions, ReadOnlySpan<OrdinalVote> votes, RollCallPrior prior, RollCallParameters p, RollCallParameters target, double f, out RollCallParameters candidate, out double accepted)
    {
        double alpha = 1.0;
        candidate = p;
        accepted = f;
        for (int halving = 0; halving < 30; halving++)
        {
            candidate = new RollCallParameters(
                p.Beta + (alpha * (target.Beta - p.Beta)),
                p.Tau1 + (alpha * (target.Tau1 - p.Tau1)),
                p.Tau2 + (alpha * (target.Tau2 - p.Tau2)));
            double fCandidate = Objective(positions, votes, prior, candidate);
            if (fCandidate >= f - (1e-12 * Math.Abs(f)))
            {
                accepted = fCandidate;
                return true;
            }

            alpha *= 0.5;
        }

        return false;
    }

    /// <summary>The Laplace covariance (-H)^-1 at <paramref name="p"/>, row-major 3 x 3; NaN throughout when -H is not positive definite.</summary>
    private static double[] LaplaceCovariance(ReadOnlySpan<double> positions, ReadOnlySpan<OrdinalVote> votes, RollCallPrior prior, RollCallParameters p, Span<double> g, Span<double> h)
    {
        Evaluate(positions, votes, prior, p, g, h, out _);
        var covariance = new double[9];
        for (int k = 0; k < 9; k++)
        {
            covariance[k] = -h[k];
        }

        if (!Invert3(covariance))
        {
            covariance.AsSpan().Fill(double.NaN);
        }

        return covariance;
    }

    /// <summary>
    /// A starting point from the shares of the votes, ignoring positions: beta = 0, tau_1 = Phi^-1(share no),
    /// tau_2 = Phi^-1(share no + share abstain), each share kept inside [1%, 99%] and the gap at least the minimum.
    /// </summary>
    public static RollCallParameters Start(ReadOnlySpan<OrdinalVote> votes, double minimumGap)
    {
        int no = 0, abstain = 0;
        foreach (var v in votes)
        {
            if (v == OrdinalVote.No)
            {
                no++;
            }
            else if (v == OrdinalVote.Abstain)
            {
                abstain++;
            }
        }

        double n = Math.Max(1, votes.Length);
        double t1 = Randomness.StandardNormal.InverseCdf(Math.Clamp(no / n, 0.01, 0.99));
        double t2 = Randomness.StandardNormal.InverseCdf(Math.Clamp((no + abstain) / n, 0.01, 0.99));
        return Project(new RollCallParameters(0, t1, t2), minimumGap);
    }

    /// <summary>The log posterior f(p) (the vote log-likelihood when the prior's precisions are zero).</summary>
    public static double Objective(ReadOnlySpan<double> positions, ReadOnlySpan<OrdinalVote> votes, RollCallPrior prior, RollCallParameters p)
    {
        double f = LogPrior(prior, p);
        for (int i = 0; i < positions.Length; i++)
        {
            f += OrderedProbit.LogProbability(votes[i], p.Beta * positions[i], p.Tau1, p.Tau2);
        }

        return f;
    }

    private static double LogPrior(RollCallPrior prior, RollCallParameters p)
    {
        double db = p.Beta - prior.Mean.Beta, d1 = p.Tau1 - prior.Mean.Tau1, d2 = p.Tau2 - prior.Mean.Tau2;
        return -0.5 * ((db * db * prior.Precision.Beta) + (d1 * d1 * prior.Precision.Tau1) + (d2 * d2 * prior.Precision.Tau2));
    }

    private static double Evaluate(ReadOnlySpan<double> positions, ReadOnlySpan<OrdinalVote> votes, RollCallPrior prior, RollCallParameters p, Span<double> g, Span<double> h, out double logLikelihood)
    {
        // Each sum in its own local (kept in registers, not stored through the spans every vote), in vote order.
        double sum = 0, g0 = 0, g1 = 0, g2 = 0, h0 = 0, h1 = 0, h2 = 0, h4 = 0, h5 = 0, h8 = 0;
        for (int i = 0; i < positions.Length; i++)
        {
            double x = positions[i];
            var t = OrderedProbit.Evaluate(votes[i], p.Beta * x, p.Tau1, p.Tau2);
            sum += t.LogP;
            g0 += t.DEta * x;
            g1 += t.DTau1;
            g2 += t.DTau2;
            h0 += t.HEtaEta * x * x;
            h1 += t.HEtaTau1 * x;
            h2 += t.HEtaTau2 * x;
            h4 += t.HTau1Tau1;
            h5 += t.HTau1Tau2;
            h8 += t.HTau2Tau2;
        }

        logLikelihood = sum;
        g[0] = g0 - ((p.Beta - prior.Mean.Beta) * prior.Precision.Beta);
        g[1] = g1 - ((p.Tau1 - prior.Mean.Tau1) * prior.Precision.Tau1);
        g[2] = g2 - ((p.Tau2 - prior.Mean.Tau2) * prior.Precision.Tau2);
        h[0] = h0 - prior.Precision.Beta;
        h[1] = h1;
        h[2] = h2;
        h[4] = h4 - prior.Precision.Tau1;
        h[5] = h5;
        h[8] = h8 - prior.Precision.Tau2;
        h[3] = h[1];
        h[6] = h[2];
        h[7] = h[5];
        return logLikelihood + LogPrior(prior, p);
    }

    /// <summary>Solves (-H) d = g by Cholesky; false when -H is not positive definite.</summary>
    private static bool SolveNewton(ReadOnlySpan<double> h, ReadOnlySpan<double> g, Span<double> d)
    {
        Span<double> m = stackalloc double[9];
        for (int k = 0; k < 9; k++)
        {
            m[k] = -h[k];
        }

        if (!BlockTridiagonalSolver.Cholesky(m, 3))
        {
            return false;
        }

        g.CopyTo(d);
        BlockTridiagonalSolver.SolveVector(m, d, 3);
        return double.IsFinite(d[0]) && double.IsFinite(d[1]) && double.IsFinite(d[2]);
    }

    private static RollCallParameters Project(RollCallParameters p, double minimumGap)
    {
        if (p.Tau2 - p.Tau1 >= minimumGap)
        {
            return p;
        }

        double centre = 0.5 * (p.Tau1 + p.Tau2);
        return p with { Tau1 = centre - (0.5 * minimumGap), Tau2 = centre + (0.5 * minimumGap) };
    }

    private static bool Invert3(double[] m)
    {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double co0 = (e * i) - (f * h), co1 = -((d * i) - (f * g)), co2 = (d * h) - (e * g);
        double det = (a * co0) + (b * co1) + (c * co2);
        if (!(Math.Abs(det) > 0) || !double.IsFinite(det))
        {
            return false;
        }

        double inv = 1 / det;
        m[0] = co0 * inv;
        m[1] = -((b * i) - (c * h)) * inv;
        m[2] = ((b * f) - (c * e)) * inv;
        m[3] = co1 * inv;
        m[4] = ((a * i) - (c * g)) * inv;
        m[5] = -((a * f) - (c * d)) * inv;
        m[6] = co2 * inv;
        m[7] = -((a * h) - (b * g)) * inv;
        m[8] = ((a * e) - (b * d)) * inv;
        return true;
    }
}
