namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The roll-call step of one fit: per roll call, Newton on (beta, tau_1, tau_2) given the positions, bridged partners'
/// values taken from the previous iteration (Jacobi, so the result does not depend on the order or the thread count).
/// </summary>
internal sealed partial class IdealPointFit
{
    private void RollCallStep(int newtonSteps, bool withCovariance)
    {
        Array.Copy(_parameters, _previous, _parameters.Length);
        var basePrior = RollCallPrior.Centred(_options.DiscriminationSd, _options.CutpointSd);
        var standardErrors = withCovariance ? new RollCallParameters[_parameters.Length] : null;
        Parallel.For(0, _parameters.Length, _parallel, r =>
        {
            var work = _workspaces.Value!;
            int start = _rollCallStart[r], end = _rollCallStart[r + 1];
            int n = end - start;
            for (int k = 0; k < n; k++)
            {
                int v = _rollCallVotes[start + k];
                work.Positions[k] = _votePosition[v];
                work.Votes[k] = _voteChoice[v];
            }

            var prior = basePrior;
            for (int b = _bridgeStart[r]; b < _bridgeStart[r + 1]; b++)
            {
                prior = prior.PullTowards(_previous[_bridgeTarget[b]], _options.BridgeSd);
            }

            if (_anchors is not null)
            {
                foreach (var partner in _anchors.RollCallPartners[r])
                {
                    prior = prior.PullTowards(partner, _options.BridgeSd);
                }
            }

            var fit = RollCallFitter.Run(work.Positions.AsSpan(0, n), work.Votes.AsSpan(0, n), prior, _previous[r], _options.MinimumCutpointGap, newtonSteps, withCovariance);
            _parameters[r] = fit.Parameters;
            _rollCallLogLikelihood[r] = fit.LogLikelihood;
            if (standardErrors is not null)
            {
                var c = fit.Covariance;
                standardErrors[r] = new RollCallParameters(Math.Sqrt(c[0]), Math.Sqrt(c[4]), Math.Sqrt(c[8]));
            }
        });

        if (standardErrors is not null)
        {
            Result.RollCallSe = standardErrors;
        }
    }
}
