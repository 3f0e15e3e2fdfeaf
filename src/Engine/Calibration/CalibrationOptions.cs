namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Priors and stopping rules of the calibration (joint MAP estimation, see <see cref="IdealPointEstimator"/>).
/// Positions are on a scale with mean 0 and standard deviation 1 over all member-years, so the standard
/// deviations below are in those units; the ordered probit's noise has standard deviation 1.
/// </summary>
public sealed record CalibrationOptions
{
    /// <summary>
    /// Random-walk step of a member's position per year: theta_t - theta_{t-1} ~ N(0, s^2); &gt; 0. The starting value
    /// when <see cref="EstimatePositionStep"/> is set.
    /// </summary>
    public double PositionStepSd { get; init; } = 0.15;

    /// <summary>
    /// Whether to estimate the position step from the data (Laplace-EM: s^2 = the mean over member-year links of the
    /// expected squared step, E[(theta_t+1 - theta_t)^2] = (difference of the estimates)^2 + Var_t + Var_t+1 - 2 Cov),
    /// updated every five iterations; the fit stops only once it changes by less than 0.5%.
    /// </summary>
    public bool EstimatePositionStep { get; init; } = true;

    /// <summary>Prior standard deviation of a member's position in its first year (mean 0); &gt; 0.</summary>
    public double InitialPositionSd { get; init; } = 1.0;

    /// <summary>Ridge prior of each issue offset in every year: delta ~ N(0, s^2); &gt; 0.</summary>
    public double IssueOffsetSd { get; init; } = 0.5;

    /// <summary>Random-walk step of an issue offset per year; &gt; 0.</summary>
    public double IssueOffsetStepSd { get; init; } = 0.05;

    /// <summary>Prior standard deviation of a roll call's discrimination beta (mean 0); &gt; 0.</summary>
    public double DiscriminationSd { get; init; } = 2.5;

    /// <summary>Prior standard deviation of each cut-point (mean 0); &gt; 0.</summary>
    public double CutpointSd { get; init; } = 4.0;

    /// <summary>
    /// Smallest distance tau_2 - tau_1 (&gt; 0): without it a roll call with no abstention would close the abstain
    /// interval entirely and a later abstention would have probability 0.
    /// </summary>
    public double MinimumCutpointGap { get; init; } = 0.05;

    /// <summary>
    /// Standard deviation of the difference between the parameters (beta, tau_1, tau_2) of two roll calls bridged as
    /// the same resolution; smaller pulls them closer. &gt; 0.
    /// </summary>
    public double BridgeSd { get; init; } = 0.3;

    /// <summary>Random-walk step of a member's absence log-odds per year; &gt; 0.</summary>
    public double AbsenceStepSd { get; init; } = 0.5;

    /// <summary>Prior standard deviation of a member's absence log-odds in its first year, around the overall rate; &gt; 0.</summary>
    public double InitialAbsenceSd { get; init; } = 1.5;

    /// <summary>Member whose position is positive (polarity; the United States in the shipped calibration), or -1 for none.</summary>
    public int PolarityMember { get; init; } = -1;

    /// <summary>Most outer iterations (member step, roll-call step, normalisation), &gt;= 1.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Stop when the largest change of any position in an iteration is below this, &gt; 0.</summary>
    public double PositionTolerance { get; init; } = 1e-3;

    /// <summary>Worker threads, &gt;= 1; results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(PositionStepSd), PositionStepSd), (nameof(InitialPositionSd), InitialPositionSd),
            (nameof(IssueOffsetSd), IssueOffsetSd), (nameof(IssueOffsetStepSd), IssueOffsetStepSd),
            (nameof(DiscriminationSd), DiscriminationSd), (nameof(CutpointSd), CutpointSd),
            (nameof(MinimumCutpointGap), MinimumCutpointGap), (nameof(BridgeSd), BridgeSd),
            (nameof(AbsenceStepSd), AbsenceStepSd), (nameof(InitialAbsenceSd), InitialAbsenceSd),
            (nameof(PositionTolerance), PositionTolerance),
        })
        {
            if (!(value > 0) || !double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(name, value, "Must be a finite number > 0.");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1, nameof(MaxIterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(PolarityMember, -1, nameof(PolarityMember));
    }
}
