namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The Laplace uncertainty of one fit: the random-walk step's EM update and the positions' standard errors, both
/// from the inverse of each member's block-tridiagonal negative Hessian.
/// </summary>
internal sealed partial class IdealPointFit
{
    /// <summary>
    /// The Laplace-EM update of the position step: the expected squared yearly change of theta under the current
    /// Laplace posterior of every member's chain, averaged over all links (kept within [0.01, 1]).
    /// </summary>
    private double EstimateStepSd()
    {
        var sums = new double[_input.MemberCount];
        var links = new int[_input.MemberCount];
        Parallel.For(0, _input.MemberCount, _parallel, m =>
        {
            int n = _count[m], d = _d;
            if (n < 2)
            {
                return;
            }

            var work = _workspaces.Value!;
            var chain = _states.AsSpan(_chain[m] * d, n * d);
            Assemble(m, chain, work.Solver);
            if (!work.Solver.Solve(work.Step.AsSpan(0, n * d)))
            {
                return;
            }

            var variance = work.Variance.AsSpan(0, n * d * d);
            var covariance = work.Covariance.AsSpan(0, (n - 1) * d * d);
            work.Solver.Inverse(variance, covariance);
            double sum = 0;
            for (int t = 0; t + 1 < n; t++)
            {
                double diff = chain[(t + 1) * d] - chain[t * d];
                sum += (diff * diff) + variance[t * d * d] + variance[(t + 1) * d * d] - (2 * covariance[t * d * d]);
            }

            sums[m] = sum;
            links[m] = n - 1;
        });

        long total = links.Sum(l => (long)l);
        return total == 0 ? _stepSd : Math.Clamp(Math.Sqrt(Sum(sums) / total), 0.01, 1.0);
    }

    private void StandardErrors()
    {
        Parallel.For(0, _input.MemberCount, _parallel, m =>
        {
            if (_count[m] == 0)
            {
                return;
            }

            var work = _workspaces.Value!;
            int n = _count[m], d = _d;
            var chain = _states.AsSpan(_chain[m] * d, n * d);
            Assemble(m, chain, work.Solver);
            var step = work.Step.AsSpan(0, n * d);
            var variance = work.Variance.AsSpan(0, n * d * d);
            if (!work.Solver.Solve(step))
            {
                return;
            }

            work.Solver.Inverse(variance, []);
            for (int t = 0; t < n; t++)
            {
                int at = _chain[m] + t;
                var block = variance.Slice(t * d * d, d * d);
                Result.ThetaSe[at] = Math.Sqrt(block[0]);
                for (int k = 0; k < _k; k++)
                {
                    Result.OffsetSe[(at * _k) + k] = Math.Sqrt(block[((1 + k) * d) + 1 + k]);
                }
            }
        });
    }
}
