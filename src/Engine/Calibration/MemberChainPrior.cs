namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The prior of one member's chain of states (theta_t, delta_t1..K) in <see cref="IdealPointEstimator"/>: the first
/// year's theta ~ N(0, s0^2), or, after an anchor from an earlier calibration g years before, the first state ~
/// N(anchor, g step^2 (plus the anchor's variance for theta)); every offset ~ N(0, L^2) each year; yearly changes
/// ~ N(0, s^2) for theta and N(0, sd^2) for the offsets (<see cref="CalibrationOptions"/>).
/// </summary>
internal readonly struct MemberChainPrior
{
    private readonly MemberAnchor? _anchor;
    private readonly double _stepSd;
    private readonly double _offsetStepSd;
    private readonly double _yearsAfterAnchor;
    private readonly double _q0;
    private readonly double _qTheta;
    private readonly double _qRidge;
    private readonly double _qOffset;

    /// <summary>The prior at position step <paramref name="stepSd"/> (&gt; 0) of a member whose chain starts in <paramref name="firstYear"/>.</summary>
    public MemberChainPrior(CalibrationOptions options, double stepSd, MemberAnchor? anchor, int firstYear)
    {
        _anchor = anchor;
        _stepSd = stepSd;
        _offsetStepSd = options.IssueOffsetStepSd;
        _yearsAfterAnchor = anchor is null ? 0 : firstYear - anchor.YearIndex;
        _q0 = 1 / (options.InitialPositionSd * options.InitialPositionSd);
        _qTheta = 1 / (stepSd * stepSd);
        _qRidge = 1 / (options.IssueOffsetSd * options.IssueOffsetSd);
        _qOffset = 1 / (options.IssueOffsetStepSd * options.IssueOffsetStepSd);
    }

    /// <summary>
    /// <paramref name="logDensity"/> plus the log prior (up to a constant) of the <paramref name="n"/> states of
    /// dimension <paramref name="d"/> in <paramref name="chain"/>, each term subtracted in a fixed order; with a
    /// <paramref name="solver"/>, also adds the prior's precision P to its system and its gradient (-P s) to the
    /// right-hand side.
    /// </summary>
    public double Accumulate(double logDensity, ReadOnlySpan<double> chain, int n, int d, BlockTridiagonalSolver? solver)
    {
        logDensity = AccumulateStart(logDensity, chain, d, solver);
        for (int t = 0; t < n; t++)
        {
            logDensity = AccumulateYear(logDensity, chain, t, n, d, solver);
        }

        return logDensity;
    }

    /// <summary>The first year's term: around the anchor, or theta around 0.</summary>
    private double AccumulateStart(double logDensity, ReadOnlySpan<double> chain, int d, BlockTridiagonalSolver? solver)
    {
        if (_anchor is { } anchor)
        {
            double g = _yearsAfterAnchor;
            for (int k = 0; k < d; k++)
            {
                double q = 1 / (k == 0 ? (g * _stepSd * _stepSd) + anchor.ThetaVariance : g * _offsetStepSd * _offsetStepSd);
                double diff = chain[k] - anchor.State[k];
                if (solver is not null)
                {
                    solver.Diagonal(0)[(k * d) + k] += q;
                    solver.RightHandSide(0)[k] -= q * diff;
                }

                logDensity -= 0.5 * q * diff * diff;
            }

            return logDensity;
        }

        if (solver is not null)
        {
            solver.Diagonal(0)[0] += _q0;
            solver.RightHandSide(0)[0] -= _q0 * chain[0];
        }

        return logDensity - (0.5 * _q0 * chain[0] * chain[0]);
    }

    /// <summary>Year <paramref name="t"/>'s terms: its offsets around 0, then its change to the next year.</summary>
    private double AccumulateYear(double logDensity, ReadOnlySpan<double> chain, int t, int n, int d, BlockTridiagonalSolver? solver)
    {
        for (int k = 1; k < d; k++)
        {
            double delta = chain[(t * d) + k];
            if (solver is not null)
            {
                solver.Diagonal(t)[(k * d) + k] += _qRidge;
                solver.RightHandSide(t)[k] -= _qRidge * delta;
            }

            logDensity -= 0.5 * _qRidge * delta * delta;
        }

        if (t + 1 < n)
        {
            for (int k = 0; k < d; k++)
            {
                double q = k == 0 ? _qTheta : _qOffset;
                double diff = chain[((t + 1) * d) + k] - chain[(t * d) + k];
                if (solver is not null)
                {
                    solver.Diagonal(t)[(k * d) + k] += q;
                    solver.Diagonal(t + 1)[(k * d) + k] += q;
                    solver.Coupling(t)[(k * d) + k] -= q;
                    solver.RightHandSide(t)[k] += q * diff;
                    solver.RightHandSide(t + 1)[k] -= q * diff;
                }

                logDensity -= 0.5 * q * diff * diff;
            }
        }

        return logDensity;
    }
}
