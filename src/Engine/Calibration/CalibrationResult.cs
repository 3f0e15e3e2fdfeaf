namespace StemSimulator.Engine.Calibration;

/// <summary>
/// What a calibration estimated: per member and year a position theta with its standard error, issue offsets and an
/// absence rate; per roll call (beta, tau_1, tau_2) with standard errors; and how the fit went.
/// </summary>
/// <remarks>
/// A member's years run from the first to the last year in which it has a record (vote or absence); years in
/// between without records are interpolated by the random-walk prior. A member-year's position on a roll call with
/// issue areas K is x = theta + (1 / |K|) * sum over k in K of delta_k (the offsets); positions have mean 0 and
/// standard deviation 1 over the member-years with votes, and the polarity member's latest position is positive.
/// </remarks>
public sealed class CalibrationResult
{
    internal CalibrationResult(int issueCount, int yearCount, int[] firstYear, int[] yearCounts, int[] chainOffset)
    {
        IssueCount = issueCount;
        YearCount = yearCount;
        FirstYears = firstYear;
        YearCounts = yearCounts;
        ChainOffset = chainOffset;
        int total = chainOffset.Length == 0 ? 0 : chainOffset[^1] + yearCounts[^1];
        ThetaValues = new double[total];
        ThetaSe = new double[total];
        Offsets = new double[total * issueCount];
        OffsetSe = new double[total * issueCount];
        AbsenceRates = new double[total];
        VoteCounts = new int[total];
        RecordCounts = new int[total];
    }

    /// <summary>Number of issue areas (offsets per member-year).</summary>
    public int IssueCount { get; }

    /// <summary>Number of year indices of the input.</summary>
    public int YearCount { get; }

    /// <summary>Number of members.</summary>
    public int MemberCount => FirstYears.Length;

    /// <summary>Outer iterations run.</summary>
    public int Iterations { get; internal set; }

    /// <summary>Whether the largest position change fell below the tolerance before the iteration limit.</summary>
    public bool Converged { get; internal set; }

    /// <summary>The random-walk step of positions per year used at the end (estimated or as given), &gt; 0.</summary>
    public double PositionStepSd { get; internal set; }

    /// <summary>Vote log-likelihood (yes/abstain/no, without priors) at the estimate, &lt;= 0.</summary>
    public double LogLikelihood { get; internal set; }

    /// <summary>Vote log-likelihood after each outer iteration.</summary>
    public IReadOnlyList<double> LogLikelihoodTrace { get; internal set; } = [];

    /// <summary>Bernoulli log-likelihood of the absence model at its estimate, &lt;= 0.</summary>
    public double AbsenceLogLikelihood { get; internal set; }

    /// <summary>Number of yes/abstain/no votes fitted.</summary>
    public long Votes { get; internal set; }

    /// <summary>Number of absences fitted.</summary>
    public long Absences { get; internal set; }

    /// <summary>Discrimination per roll call.</summary>
    public IReadOnlyList<RollCallParameters> RollCalls => RollCallValues;

    /// <summary>Standard errors of (beta, tau_1, tau_2) per roll call (Laplace, given the positions); NaN when undefined.</summary>
    public IReadOnlyList<RollCallParameters> RollCallStandardErrors => RollCallSe;

    /// <summary>Number of yes/abstain/no votes per roll call.</summary>
    public IReadOnlyList<int> RollCallVotes => RollCallVoteCounts;

    internal int[] FirstYears { get; }

    internal int[] YearCounts { get; }

    internal int[] ChainOffset { get; }

    internal double[] ThetaValues { get; }

    internal double[] ThetaSe { get; }

    internal double[] Offsets { get; }

    internal double[] OffsetSe { get; }

    internal double[] AbsenceRates { get; }

    internal int[] VoteCounts { get; }

    internal int[] RecordCounts { get; }

    internal RollCallParameters[] RollCallValues { get; set; } = [];

    internal RollCallParameters[] RollCallSe { get; set; } = [];

    internal int[] RollCallVoteCounts { get; set; } = [];

    /// <summary>
    /// Re-expresses the estimates on the scale x' = (x - mean) / sd (every probability unchanged): theta, offsets and
    /// their standard errors; beta' = beta * sd and tau' = tau - beta * mean, with beta's standard error times sd.
    /// </summary>
    internal void Rescale(double mean, double sd)
    {
        for (int at = 0; at < ThetaValues.Length; at++)
        {
            ThetaValues[at] = (ThetaValues[at] - mean) / sd;
            ThetaSe[at] /= sd;
        }

        for (int i = 0; i < Offsets.Length; i++)
        {
            Offsets[i] /= sd;
            OffsetSe[i] /= sd;
        }

        for (int r = 0; r < RollCallValues.Length; r++)
        {
            var p = RollCallValues[r];
            RollCallValues[r] = new RollCallParameters(p.Beta * sd, p.Tau1 - (p.Beta * mean), p.Tau2 - (p.Beta * mean));
            if (r < RollCallSe.Length)
            {
                RollCallSe[r] = RollCallSe[r] with { Beta = RollCallSe[r].Beta * sd };
            }
        }
    }

    /// <summary>The years (indices) for which <paramref name="member"/> has estimates: first and count (0 when none).</summary>
    public (int First, int Count) YearsOf(int member) => (FirstYears[member], YearCounts[member]);

    /// <summary>Whether <paramref name="member"/> has an estimate for year index <paramref name="year"/>.</summary>
    public bool Has(int member, int year) => YearCounts[member] > 0 && year >= FirstYears[member] && year < FirstYears[member] + YearCounts[member];

    /// <summary>The member-year's estimates; throws when <see cref="Has"/> is false.</summary>
    public MemberYearEstimate Estimate(int member, int year)
    {
        if (!Has(member, year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Member {member} has no estimate for year index {year}.");
        }

        int at = ChainOffset[member] + year - FirstYears[member];
        return new MemberYearEstimate(
            ThetaValues[at],
            ThetaSe[at],
            Offsets.AsSpan(at * IssueCount, IssueCount).ToArray(),
            OffsetSe.AsSpan(at * IssueCount, IssueCount).ToArray(),
            AbsenceRates[at],
            VoteCounts[at],
            RecordCounts[at]);
    }
}
