namespace StemSimulator.Engine.Calibration;

/// <summary>
/// All working arrays of one fit of <see cref="IdealPointEstimator"/> and its outer loop. The other parts of this
/// class, one concern per file: the layout of votes and chains (IdealPointFit.Layout.cs), the starting values
/// (IdealPointFit.Start.cs), the identification (IdealPointFit.Normalisation.cs), the member Newton step
/// (IdealPointFit.MemberStep.cs), the roll-call step (IdealPointFit.RollCallStep.cs) and the Laplace uncertainty
/// (IdealPointFit.Uncertainty.cs); the absence hurdle is <see cref="AbsenceHurdle"/>, the random-walk prior
/// <see cref="MemberChainPrior"/>.
/// </summary>
internal sealed partial class IdealPointFit : IDisposable
{
    private readonly CalibrationInput _input;
    private readonly CalibrationOptions _options;
    private readonly int _k;
    private readonly int _d;

    // Members: chains of years.
    private readonly int[] _first;
    private readonly int[] _count;
    private readonly int[] _chain;

    // Present votes in member order (member, then year).
    private readonly int[] _memberStart;
    private readonly int[] _voteRollCall;
    private readonly OrdinalVote[] _voteChoice;
    private readonly double[] _votePosition;

    // The same votes grouped by roll call: indices into the member-order arrays.
    private readonly int[] _rollCallStart;
    private readonly int[] _rollCallVotes;

    // Roll calls.
    private readonly double[] _issueWeight;
    private readonly int[] _bridgeStart;
    private readonly int[] _bridgeTarget;
    private readonly RollCallParameters[] _parameters;
    private readonly RollCallParameters[] _previous;
    private readonly double[] _rollCallLogLikelihood;

    // States: per member-year (theta, delta_1..K).
    private readonly double[] _states;

    // Year index of each member-year slot.
    private readonly int[] _slotYear;

    // Absence counts per member-year.
    private readonly int[] _absent;
    private readonly int[] _records;
    private readonly int[] _votesPerYear;

    private readonly ParallelOptions _parallel;
    private double _stepSd;
    private readonly ThreadLocal<IdealPointWorkspace> _workspaces;
    private readonly CalibrationAnchors? _anchors;

    public IdealPointFit(CalibrationInput input, CalibrationOptions options, CalibrationAnchors? anchors)
    {
        _input = input;
        _options = options;
        _anchors = anchors;
        _k = input.IssueCount;
        _d = 1 + _k;
        int rollCalls = input.RollCallCount;
        (_first, _count, _chain, int total) = Chains(input);
        _slotYear = SlotYears(_first, _count, _chain, total);
        (_records, _absent, _votesPerYear) = RecordCounts(input, _first, _chain, total);
        (_memberStart, _voteRollCall, _voteChoice) = VotesByMember(input);
        _votePosition = new double[_voteRollCall.Length];
        (_rollCallStart, _rollCallVotes) = VotesByRollCall(_voteRollCall, rollCalls);
        _issueWeight = IssueWeights(input);
        (_bridgeStart, _bridgeTarget) = Bridges(input, rollCalls);
        _parameters = new RollCallParameters[rollCalls];
        _previous = new RollCallParameters[rollCalls];
        _rollCallLogLikelihood = new double[rollCalls];
        _states = new double[total * _d];
        int longest = Math.Max(1, _count.DefaultIfEmpty(1).Max());
        int widest = Math.Max(1, Enumerable.Range(0, rollCalls).Select(r => _rollCallStart[r + 1] - _rollCallStart[r]).DefaultIfEmpty(1).Max());
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads };
        _stepSd = options.PositionStepSd;
        int d = _d;
        _workspaces = new ThreadLocal<IdealPointWorkspace>(() => new IdealPointWorkspace(longest, d, widest));
        Result = new CalibrationResult(_k, input.YearCount, _first, _count, _chain);
    }

    public CalibrationResult Result { get; }

    public void Dispose() => _workspaces.Dispose();

    public void Run(IProgress<CalibrationProgress>? progress, CalibrationStart? warm, CancellationToken cancellationToken)
    {
        Result.AbsenceLogLikelihood = new AbsenceHurdle(_first, _count, _chain, _absent, _records, _options, _anchors).Fit(_parallel, Result.AbsenceRates);
        InitialisePositions();
        if (warm is not null)
        {
            WarmStart(warm);
        }

        Normalise();
        UpdatePositionsOnVotes();
        StartRollCalls(warm);
        RollCallStep(10, false);
        var (iterations, converged, trace) = Iterate(progress, cancellationToken);

        // Final pass: roll calls to full convergence with standard errors, then position standard errors.
        RollCallStep(50, true);
        StandardErrors();
        RecordResult(iterations, converged, trace);
    }

    /// <summary>
    /// The alternating blocks until the largest position change is below the tolerance and the position step (when
    /// estimated, every fifth iteration) has settled, or the iteration limit.
    /// </summary>
    private (int Iterations, bool Converged, List<double> Trace) Iterate(IProgress<CalibrationProgress>? progress, CancellationToken cancellationToken)
    {
        var trace = new List<double>();
        int iteration = 0;
        bool stepSettled = !_options.EstimatePositionStep;
        while (iteration < _options.MaxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = (double[])_states.Clone();
            MemberStep();
            Normalise();
            double change = LargestPositionChange(before);
            if (_options.EstimatePositionStep && iteration % 5 == 4)
            {
                double updated = EstimateStepSd();
                stepSettled = Math.Abs(updated - _stepSd) < 0.005 * _stepSd;
                _stepSd = updated;
            }

            UpdatePositionsOnVotes();
            RollCallStep(1, false);
            double logLikelihood = Sum(_rollCallLogLikelihood);
            trace.Add(logLikelihood);
            iteration++;
            progress?.Report(new CalibrationProgress(iteration, logLikelihood, change));
            if (change < _options.PositionTolerance && stepSettled)
            {
                return (iteration, true, trace);
            }
        }

        return (iteration, false, trace);
    }

    /// <summary>The largest absolute change of any theta since <paramref name="before"/>.</summary>
    private double LargestPositionChange(double[] before)
    {
        double change = 0;
        for (int s = 0; s < _states.Length; s += _d)
        {
            change = Math.Max(change, Math.Abs(_states[s] - before[s]));
        }

        return change;
    }

    /// <summary>Copies the fitted states, roll calls, counts and fit statistics into <see cref="Result"/>.</summary>
    private void RecordResult(int iterations, bool converged, List<double> trace)
    {
        Result.Iterations = iterations;
        Result.PositionStepSd = _stepSd;
        Result.Converged = converged;
        Result.LogLikelihood = Sum(_rollCallLogLikelihood);
        Result.LogLikelihoodTrace = trace;
        Result.Votes = _voteChoice.Length;
        Result.Absences = _absent.Sum(a => (long)a);
        Array.Copy(_votesPerYear, Result.VoteCounts, _votesPerYear.Length);
        Array.Copy(_records, Result.RecordCounts, _records.Length);
        Result.RollCallValues = _parameters;
        Result.RollCallVoteCounts = Enumerable.Range(0, _parameters.Length).Select(r => _rollCallStart[r + 1] - _rollCallStart[r]).ToArray();
        for (int at = 0; at < Result.ThetaValues.Length; at++)
        {
            Result.ThetaValues[at] = _states[at * _d];
            for (int k = 0; k < _k; k++)
            {
                Result.Offsets[(at * _k) + k] = _states[(at * _d) + 1 + k];
            }
        }
    }

    /// <summary>The sum in index order (a fixed order, so the result does not depend on the thread count).</summary>
    internal static double Sum(double[] values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum;
    }

    /// <summary>The member's anchor from an earlier calibration, or null (no anchors, or a member it did not have).</summary>
    private MemberAnchor? Anchor(int m) => _anchors?.Members[m];

    /// <summary>The random-walk prior of member <paramref name="m"/>'s chain at the current position step.</summary>
    private MemberChainPrior Prior(int m) => new(_options, _stepSd, Anchor(m), _first[m]);
}
