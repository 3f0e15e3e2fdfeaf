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
    private double Assemble(int m, ReadOnlySpan<double> chain, BlockTridiagonalSolver solver)
    {
        int d = _d, n = _count[m];
        solver.Reset(n);
        Span<double> a = stackalloc double[d];
        double f = 0;
        var years = _input.Years;
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
            a.Clear();
            a[0] = 1;
            int mask = _input.Issues[r];
            double w = _issueWeight[r];
            for (int k = 0; k < _k; k++)
            {
                if ((mask & (1 << k)) != 0)
                {
                    a[1 + k] = w;
                }
            }

            var rhs = solver.RightHandSide(t);
            var block = solver.Diagonal(t);
            for (int i = 0; i < d; i++)
            {
                if (a[i] == 0)
                {
                    continue;
                }

                rhs[i] += gb * a[i];
                for (int j = 0; j < d; j++)
                {
                    block[(i * d) + j] += hb * a[i] * a[j];
                }
            }
        }

        return f + Prior(m).Accumulate(0, chain, n, d, solver);
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
