namespace StemSimulator.Engine.Calibration;

/// <summary>
/// MAP fit of one roll call with group effects: the ordered probit of <see cref="RollCallFitter"/> where member i,
/// belonging to the groups G(i), has linear predictor eta_i = beta * x_i + sum_{g in G(i)} s_g, and each group effect
/// s_g ~ N(0, sd_g^2) is a shock shared by the group's members on this roll call (the bloc shocks of docs/design.md, section The vote model;
/// groups may overlap, as the EU and a regional group do). Used to forecast a roll call
/// from a few revealed votes: the revealed members of a group inform the group's shock for its other members.
/// </summary>
/// <remarks>
/// Parameters p = (beta, tau_1, tau_2, s_0 .. s_{G-1}); the log-posterior is concave (ordered-probit log-likelihood of
/// linear functions of p plus normal priors), so Newton's method with backtracking converges; the constraint
/// tau_2 - tau_1 &gt;= gap is handled as in <see cref="RollCallFitter"/> (clipping, and steps in (beta, centre, s)
/// on the boundary). The covariance returned is the Laplace approximation (-H)^-1 at the MAP.
/// </remarks>
public static class GroupedRollCallFitter
{
    /// <summary>The result of a fit.</summary>
    /// <param name="Parameters">beta, tau_1, tau_2.</param>
    /// <param name="GroupEffects">MAP group effects s_g.</param>
    /// <param name="Covariance">Laplace covariance of (beta, tau_1, tau_2, s_0..), row-major, (3 + G)^2 values.</param>
    /// <param name="LogPosterior">The log posterior at the MAP (log-likelihood plus log prior, up to the priors' constants).</param>
    public sealed record Fit(RollCallParameters Parameters, double[] GroupEffects, double[] Covariance, double LogPosterior);

    /// <summary>Fits a roll call with group effects.</summary>
    /// <param name="positions">Position x_i of each revealed vote.</param>
    /// <param name="groups">The groups (0 .. G - 1) of each revealed vote's member; empty for none.</param>
    /// <param name="votes">The revealed votes.</param>
    /// <param name="groupSds">Prior standard deviation of each group's effect, &gt; 0 (G values).</param>
    /// <param name="prior">Normal prior on (beta, tau_1, tau_2).</param>
    /// <param name="minimumGap">Smallest tau_2 - tau_1, &gt; 0.</param>
    /// <param name="maxSteps">Most Newton steps.</param>
    public static Fit Run(
        ReadOnlySpan<double> positions,
        IReadOnlyList<int[]> groups,
        ReadOnlySpan<OrdinalVote> votes,
        ReadOnlySpan<double> groupSds,
        RollCallPrior prior,
        double minimumGap,
        int maxSteps = 50)
    {
        int n = 3 + groupSds.Length;
        var p = new double[n];
        var start = RollCallFitter.Start(votes, minimumGap);
        p[1] = start.Tau1;
        p[2] = start.Tau2;
        var (mean, precision) = PriorMoments(prior, groupSds);
        var gradient = new double[n];
        var hessian = new double[n * n];
        var step = new double[n];
        var target = new double[n];
        var candidate = new double[n];
        double f = Evaluate(positions, groups, votes, p, mean, precision, gradient, hessian);
        for (int iteration = 0; iteration < maxSteps; iteration++)
        {
            if (!NewtonTarget(p, gradient, hessian, step, target, minimumGap)
                || !LineSearch(positions, groups, votes, p, target, candidate, f, mean, precision))
            {
                break;
            }

            double change = 0;
            for (int i = 0; i < n; i++)
            {
                change += Math.Abs(candidate[i] - p[i]);
            }

            Array.Copy(candidate, p, n);
            f = Evaluate(positions, groups, votes, p, mean, precision, gradient, hessian);
            if (change < 1e-9)
            {
                break;
            }
        }

        return new Fit(new RollCallParameters(p[0], p[1], p[2]), p[3..], LaplaceCovariance(hessian, n), f);
    }

    /// <summary>The prior's means and precisions of (beta, tau_1, tau_2, s_0..): the roll-call prior's, then N(0, sd_g^2) per group.</summary>
    private static (double[] Mean, double[] Precision) PriorMoments(RollCallPrior prior, ReadOnlySpan<double> groupSds)
    {
        int n = 3 + groupSds.Length;
        var precision = new double[n];
        var mean = new double[n];
        precision[0] = prior.Precision.Beta;
        precision[1] = prior.Precision.Tau1;
        precision[2] = prior.Precision.Tau2;
        mean[0] = prior.Mean.Beta;
        mean[1] = prior.Mean.Tau1;
        mean[2] = prior.Mean.Tau2;
        for (int k = 0; k < groupSds.Length; k++)
        {
            precision[3 + k] = 1.0 / (groupSds[k] * groupSds[k]);
        }

        return (mean, precision);
    }

    /// <summary>
    /// The full Newton step's end point in <paramref name="target"/>: on the gap boundary with a step that would close
    /// the gap further, the step in the reduced coordinates (beta, centre, s); otherwise the step, projected onto the
    /// constraint. False when the system cannot be solved.
    /// </summary>
    private static bool NewtonTarget(double[] p, double[] gradient, double[] hessian, double[] step, double[] target, double minimumGap)
    {
        int n = p.Length;
        bool onBoundary = p[2] - p[1] <= minimumGap * (1 + 1e-9);
        if (!SolveNewton(hessian, gradient, step, n))
        {
            return false;
        }

        if (onBoundary && step[2] - step[1] < 0)
        {
            return BoundaryTarget(p, gradient, hessian, target);
        }

        for (int i = 0; i < n; i++)
        {
            target[i] = p[i] + step[i];
        }

        Project(target, minimumGap);
        return true;
    }

    /// <summary>The Newton step in reduced coordinates (beta, c, s...) with tau_1 = c - gap / 2, tau_2 = c + gap / 2.</summary>
    private static bool BoundaryTarget(double[] p, double[] gradient, double[] hessian, double[] target)
    {
        int n = p.Length, r = n - 1;
        var rh = new double[r * r];
        var rg = new double[r];
        var rs = new double[r];
        static int Map(int i) => i <= 1 ? i : i - 1;
        for (int i = 0; i < n; i++)
        {
            rg[Map(i)] += gradient[i];
            for (int j = 0; j < n; j++)
            {
                rh[(Map(i) * r) + Map(j)] += hessian[(i * n) + j];
            }
        }

        if (!SolveNewton(rh, rg, rs, r))
        {
            return false;
        }

        for (int i = 0; i < n; i++)
        {
            target[i] = p[i] + rs[Map(i)];
        }

        return true;
    }

    /// <summary>Backtracking from <paramref name="target"/> towards <paramref name="p"/> until the log posterior does not fall; the point in <paramref name="candidate"/>.</summary>
    private static bool LineSearch(ReadOnlySpan<double> positions, IReadOnlyList<int[]> groups, ReadOnlySpan<OrdinalVote> votes, double[] p, double[] target, double[] candidate, double f, double[] mean, double[] precision)
    {
        double alpha = 1.0;
        for (int halving = 0; halving < 30; halving++)
        {
            for (int i = 0; i < p.Length; i++)
            {
                candidate[i] = p[i] + (alpha * (target[i] - p[i]));
            }

            double fc = Objective(positions, groups, votes, candidate, mean, precision);
            if (fc >= f - (1e-12 * Math.Abs(f)))
            {
                return true;
            }

            alpha *= 0.5;
        }

        return false;
    }

    /// <summary>The Laplace covariance (-H)^-1, row-major; NaN throughout when -H is not positive definite.</summary>
    private static double[] LaplaceCovariance(double[] hessian, int n)
    {
        var covariance = new double[n * n];
        for (int k = 0; k < n * n; k++)
        {
            covariance[k] = -hessian[k];
        }

        if (!Invert(covariance, n))
        {
            Array.Fill(covariance, double.NaN);
        }

        return covariance;
    }

    private static double Objective(ReadOnlySpan<double> x, IReadOnlyList<int[]> groups, ReadOnlySpan<OrdinalVote> votes, double[] p, double[] mean, double[] precision)
    {
        double f = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double eta = p[0] * x[i];
            foreach (int g in groups[i])
            {
                eta += p[3 + g];
            }

            f += OrderedProbit.LogProbability(votes[i], eta, p[1], p[2]);
        }

        for (int k = 0; k < p.Length; k++)
        {
            double d = p[k] - mean[k];
            f -= 0.5 * precision[k] * d * d;
        }

        return f;
    }

    private static double Evaluate(ReadOnlySpan<double> x, IReadOnlyList<int[]> groups, ReadOnlySpan<OrdinalVote> votes, double[] p, double[] mean, double[] precision, double[] g, double[] h)
    {
        int n = p.Length;
        Array.Clear(g);
        Array.Clear(h);
        double f = 0;
        for (int i = 0; i < x.Length; i++)
        {
            var member = groups[i];
            double eta = p[0] * x[i];
            foreach (int k in member)
            {
                eta += p[3 + k];
            }

            var t = OrderedProbit.Evaluate(votes[i], eta, p[1], p[2]);
            f += t.LogP;
            AddVoteTerms(g, h, n, member, x[i], t);
        }

        // Symmetrise the upper triangle filled above.
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                h[(j * n) + i] = h[(i * n) + j];
            }
        }

        for (int k = 0; k < n; k++)
        {
            double d = p[k] - mean[k];
            f -= 0.5 * precision[k] * d * d;
            g[k] -= precision[k] * d;
            h[(k * n) + k] -= precision[k];
        }

        return f;
    }

    /// <summary>Adds one vote's gradient and (upper-triangle) Hessian terms for a member of the groups <paramref name="member"/> at position <paramref name="xi"/>.</summary>
    private static void AddVoteTerms(double[] g, double[] h, int n, int[] member, double xi, VoteTerms t)
    {
        g[0] += t.DEta * xi;
        g[1] += t.DTau1;
        g[2] += t.DTau2;
        h[0] += t.HEtaEta * xi * xi;
        h[1] += t.HEtaTau1 * xi;
        h[2] += t.HEtaTau2 * xi;
        h[(1 * n) + 1] += t.HTau1Tau1;
        h[(1 * n) + 2] += t.HTau1Tau2;
        h[(2 * n) + 2] += t.HTau2Tau2;
        foreach (int k in member)
        {
            int s = 3 + k;
            g[s] += t.DEta;
            h[s] += t.HEtaEta * xi;
            h[(1 * n) + s] += t.HEtaTau1;
            h[(2 * n) + s] += t.HEtaTau2;
            foreach (int k2 in member)
            {
                // Upper triangle only; the caller mirrors it.
                if (k2 >= k)
                {
                    h[(s * n) + 3 + k2] += t.HEtaEta;
                }
            }
        }
    }

    private static bool SolveNewton(double[] h, double[] g, double[] d, int n)
    {
        var m = new double[n * n];
        for (int k = 0; k < n * n; k++)
        {
            m[k] = -h[k];
        }

        if (!BlockTridiagonalSolver.Cholesky(m, n))
        {
            return false;
        }

        Array.Copy(g, d, n);
        BlockTridiagonalSolver.SolveVector(m, d, n);
        return d.All(double.IsFinite);
    }

    private static void Project(double[] p, double minimumGap)
    {
        if (p[2] - p[1] < minimumGap)
        {
            double centre = 0.5 * (p[1] + p[2]);
            p[1] = centre - (0.5 * minimumGap);
            p[2] = centre + (0.5 * minimumGap);
        }
    }

    /// <summary>In-place inverse of a symmetric positive definite n x n matrix (Cholesky, column by column).</summary>
    private static bool Invert(double[] m, int n)
    {
        var factor = (double[])m.Clone();
        if (!BlockTridiagonalSolver.Cholesky(factor, n))
        {
            return false;
        }

        var column = new double[n];
        for (int j = 0; j < n; j++)
        {
            Array.Clear(column);
            column[j] = 1;
            BlockTridiagonalSolver.SolveVector(factor, column, n);
            for (int i = 0; i < n; i++)
            {
                m[(i * n) + j] = column[i];
            }
        }

        return true;
    }
}
