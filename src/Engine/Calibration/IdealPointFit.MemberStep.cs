namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The member step of one fit: per member, one Newton step on all its years at once (the Hessian is block tridiagonal,
/// solved by <see cref="BlockTridiagonalSolver"/>) with a backtracking line search on the log-posterior.
/// </summary>
internal sealed partial class IdealPointFit
{
    /// <summary>x for every vote (member order) from the current states.</summary>
    private void UpdatePositionsOnVotes()
    {
        Parallel.For(0, _input.MemberCount, _parallel, m =>
        {
            for (int v = _memberStart[m]; v < _memberStart[m + 1]; v++)
            {
                _votePosition[v] = Position(m, _voteRollCall[v], _states.AsSpan(_chain[m] * _d, _count[m] * _d));
            }
        });
    }

    private double Position(int m, int rollCall, ReadOnlySpan<double> chain)
    {
        int s = (_input.Years[rollCall] - _first[m]) * _d;
        double x = chain[s];
        int mask = _input.Issues[rollCall];
        if (mask != 0)
        {
            double w = _issueWeight[rollCall];
            for (int k = 0; k < _k; k++)
            {
                if ((mask & (1 << k)) != 0)
                {
                    x += w * chain[s + 1 + k];
                }
            }
        }

        return x;
    }

    private void MemberStep()
    {
        Parallel.For(0, _input.MemberCount, _parallel, m =>
        {
            if (_count[m] == 0)
            {
                return;
            }

            var work = _workspaces.Value!;
            var chain = _states.AsSpan(_chain[m] * _d, _count[m] * _d);
            double f = Assemble(m, chain, work.Solver);
            var step = work.Step.AsSpan(0, chain.Length);
            if (!work.Solver.Solve(step))
            {
                return;
            }

            var trial = work.Trial.AsSpan(0, chain.Length);
            double alpha = 1.0;
            for (int halving = 0; halving < 20; halving++)
            {
                for (int i = 0; i < chain.Length; i++)
                {
                    trial[i] = chain[i] + (alpha * step[i]);
                }

                double fTrial = Objective(m, trial);
                if (fTrial >= f - (1e-12 * Math.Abs(f)))
                {
                    trial.CopyTo(chain);
                    return;
                }

                alpha *= 0.5;
            }
        });
    }

    /// <summary>
    /// Fills the solver with the member's Newton system: M = -(Hessian of the log-posterior), right-hand side the
    /// gradient. Returns the log-posterior at <paramref name="chain"/>.
    /// </summary>
    /// <remarks>
    /// A vote's position is x = a . s with a = (1, w on its issue areas, 0 elsewhere), so it adds g beta a to the
    /// right-hand side and -h beta^2 a a^T to its year's block. Only the entries where a is not zero are touched: the
    /// others would add a zero to a sum that is never -0, which leaves every bit as it is, and a non-finite term also
    /// reaches entry (0, 0), where the Cholesky factorisation stops either way.
    /// </remarks>
    private double Assemble(int m, ReadOnlySpan<double> chain, BlockTridiagonalSolver solver)
    {
        int d = _d, n = _count[m];
        solver.Reset(n);
        double f = 0;
        var years = _input.Years;
        var issues = _input.Issues;
        for (int v = _memberStart[m]; v < _memberStart[m + 1]; v++)
        {
            int r = _voteRollCall[v];
            int t = years[r] - _first[m];
            double x = Position(m, r, chain);
            var p = _parameters[r];
            var (logP, g, h) = OrderedProbit.EvaluateEta(_voteChoice[v], p.Beta * x, p.Tau1, p.Tau2);
            f += logP;
            double gb = g * p.Beta;
            double hb = -h * p.Beta * p.Beta;
            var rhs = solver.RightHandSide(t);
            var block = solver.Diagonal(t);

            // a_0 = 1: gb * 1 and (hb * 1) * 1 are gb and hb.
            rhs[0] += gb;
            block[0] += hb;
            int mask = issues[r];
            if (mask != 0)
            {
                AddIssueTerms(rhs, block, d, mask, _issueWeight[r], gb, hb);
            }
        }

        return f + Prior(m).Accumulate(0, chain, n, d, solver);
    }

    /// <summary>
    /// The terms of a vote on the issue areas <paramref name="mask"/> (weight <paramref name="w"/> each) beyond entry
    /// (0, 0): gb w on the right-hand side, (hb w) in row and column 0, (hb w) w between two of its areas.
    /// </summary>
    private static void AddIssueTerms(Span<double> rhs, Span<double> block, int d, int mask, double w, double gb, double hb)
    {
        double gw = gb * w;
        double hw = hb * w;
        double hww = hw * w;
        for (int k = 1; k < d; k++)
        {
            if ((mask & (1 << (k - 1))) == 0)
            {
                continue;
            }

            rhs[k] += gw;
            block[k] += hw;
            int row = k * d;
            block[row] += hw;
            for (int j = 1; j < d; j++)
            {
                if ((mask & (1 << (j - 1))) != 0)
                {
                    block[row + j] += hww;
                }
            }
        }
    }

    /// <summary>The log-posterior of member <paramref name="m"/>'s chain at <paramref name="chain"/> (votes and prior).</summary>
    private double Objective(int m, ReadOnlySpan<double> chain)
    {
        int d = _d, n = _count[m];
        double f = 0;
        for (int v = _memberStart[m]; v < _memberStart[m + 1]; v++)
        {
            int r = _voteRollCall[v];
            var p = _parameters[r];
            f += OrderedProbit.LogProbability(_voteChoice[v], p.Beta * Position(m, r, chain), p.Tau1, p.Tau2);
        }

        return Prior(m).Accumulate(f, chain, n, d, null);
    }
}
