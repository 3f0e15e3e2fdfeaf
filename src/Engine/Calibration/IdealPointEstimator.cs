using System.Numerics;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Calibrates the vote model of docs/design.md, section The vote model, on recorded roll calls: a dynamic ordered probit with issue offsets and
/// a separate absence hurdle, estimated jointly by maximum a posteriori (MAP) in alternating blocks.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> Member i in year t has a position theta_it and offsets delta_itk for the K issue areas. On roll
/// call j (year t, issue areas K_j) its latent support is y* = beta_j * x_ij + e, e ~ N(0, 1), with
/// x_ij = theta_it + (1 / |K_j|) sum_{k in K_j} delta_itk; it votes no below tau_1j, yes from tau_2j, abstains in
/// between (<see cref="OrderedProbit"/>). Priors: theta_i,first ~ N(0, s0^2); theta_it - theta_i,t-1 ~ N(0, s^2)
/// (random walk: positions drift smoothly); delta_itk ~ N(0, L^2) each year and delta_itk - delta_i,t-1,k ~ N(0, sd^2);
/// (beta, tau_1, tau_2) ~ N(0, diag(b^2, c^2, c^2)), and roll calls bridged as the same resolution pulled together,
/// p_j - p_j' ~ N(0, r^2) per component (<see cref="CalibrationOptions"/>).</para>
/// <para><b>Estimation.</b> Repeat until the largest position change is below the tolerance:
/// (a) per member, one Newton step on all its years at once: the log-posterior is concave in the member's states
/// (theta_t, delta_t), its Hessian is block tridiagonal (the random walk couples only neighbouring years), so the
/// step is solved by the block Thomas algorithm (<see cref="BlockTridiagonalSolver"/>) in O(years * (1 + K)^3), with
/// a backtracking line search; (b) per roll call, Newton on (beta, tau_1, tau_2) (<see cref="RollCallFitter"/>),
/// bridged partners' values taken from the previous iteration (Jacobi, so the result does not depend on the order or
/// the number of threads); (c) identification: positions are re-centred and re-scaled to mean 0 and standard
/// deviation 1 over member-years with votes (x' = (x - m) / s, beta' = beta * s, tau' = tau - beta * m, which leaves
/// every probability unchanged) and flipped (x' = -x, beta' = -beta) when the polarity member's latest position is
/// negative.</para>
/// <para><b>Uncertainty.</b> Standard errors are the Laplace approximation: the square roots of the diagonal of the
/// inverse negative Hessian of each member's block (the block-tridiagonal inverse), given the roll-call parameters;
/// roll-call standard errors likewise from their 3 x 3 Hessian given the positions.</para>
/// <para><b>Absence.</b> A separate hurdle, not a vote category: per member a logit a_it with a random walk
/// (a_it - a_i,t-1 ~ N(0, sa^2), first year ~ N(logit of the overall rate, sa0^2)), fitted to the member-year counts of
/// absences by Newton's method on the same tridiagonal structure; the absence rate is logistic(a_it).</para>
/// <para><b>Incremental fits.</b> With <see cref="CalibrationAnchors"/> only the last years are fitted: each member's
/// random walk starts from its state in the year before, fixed by an earlier calibration (<see cref="MemberAnchor"/>),
/// and the normalisation of step (c) maps the years the earlier calibration also had to the mean and spread they had
/// there instead of mean 0 and standard deviation 1 over all years; nothing is flipped.</para>
/// <para>Votes are laid out contiguously twice, by member (and year) for step (a) and by roll call for step (b);
/// members and roll calls are processed in parallel with per-thread workspaces, and every sum is taken in a fixed
/// order, so the result is identical for any thread count.</para>
/// </remarks>
public static class IdealPointEstimator
{
    /// <summary>Fits the model; deterministic for given inputs and options.</summary>
    /// <param name="input">The recorded roll calls.</param>
    /// <param name="options">Priors and stopping rules.</param>
    /// <param name="progress">Told after each outer iteration; may be null.</param>
    /// <param name="start">Starting values (a warm start), or null.</param>
    /// <param name="cancellationToken">Stops between iterations.</param>
    /// <param name="anchors">
    /// States and roll-call parameters fixed by an earlier calibration (an incremental fit of the last years), or null.
    /// With anchors the position step must be given (<see cref="CalibrationOptions.EstimatePositionStep"/> false) and
    /// the positions keep the anchors' scale (no re-centring, re-scaling or flipping).
    /// </param>
    public static CalibrationResult Fit(CalibrationInput input, CalibrationOptions options, IProgress<CalibrationProgress>? progress = null, CalibrationStart? start = null, CalibrationAnchors? anchors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (anchors is not null)
        {
            if (options.EstimatePositionStep)
            {
                throw new ArgumentException("An anchored fit keeps the earlier calibration's position step: EstimatePositionStep must be false.", nameof(options));
            }

            if (anchors.Members.Count != input.MemberCount || anchors.RollCallPartners.Count != input.RollCallCount)
            {
                throw new ArgumentException("One anchor entry per member and one partner list per roll call.", nameof(anchors));
            }

            if (anchors.Members.Any(a => a is not null && (a.YearIndex >= 0 || a.State.Count != 1 + input.IssueCount || !(a.AbsenceRate > 0 && a.AbsenceRate < 1) || !(a.ThetaVariance >= 0))))
            {
                throw new ArgumentException("An anchor must lie before the fitted years, hold theta and one offset per issue area, and an absence rate in (0, 1).", nameof(anchors));
            }
        }

        if (options.PolarityMember >= input.MemberCount)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The polarity member is out of range.");
        }

        using var state = new FitState(input, options, anchors);
        state.Run(progress, start, cancellationToken);
        return state.Result;
    }

    /// <summary>All working arrays of one fit.</summary>
    private sealed class FitState : IDisposable
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
        private RollCallParameters[] _parameters;
        private RollCallParameters[] _previous;
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
        private readonly ThreadLocal<Workspace> _workspaces;
        private readonly CalibrationAnchors? _anchors;

        public FitState(CalibrationInput input, CalibrationOptions options, CalibrationAnchors? anchors)
        {
            _input = input;
            _options = options;
            _anchors = anchors;
            _k = input.IssueCount;
            _d = 1 + _k;
            int members = input.MemberCount;
            int rollCalls = input.RollCallCount;
            var years = input.Years;

            // Chains: first..last year with any record.
            _first = new int[members];
            _count = new int[members];
            var last = new int[members];
            Array.Fill(_first, int.MaxValue);
            Array.Fill(last, -1);
            for (int r = 0; r < input.Members.Length; r++)
            {
                int m = input.Members[r];
                int y = years[input.RollCalls[r]];
                _first[m] = Math.Min(_first[m], y);
                last[m] = Math.Max(last[m], y);
            }

            _chain = new int[members];
            int total = 0;
            for (int m = 0; m < members; m++)
            {
                if (last[m] < 0)
                {
                    _first[m] = 0;
                    _count[m] = 0;
                }
                else
                {
                    _count[m] = last[m] - _first[m] + 1;
                }

                _chain[m] = total;
                total += _count[m];
            }

            _slotYear = new int[total];
            for (int m = 0; m < members; m++)
            {
                for (int t = 0; t < _count[m]; t++)
                {
                    _slotYear[_chain[m] + t] = _first[m] + t;
                }
            }

            _absent = new int[total];
            _records = new int[total];
            _votesPerYear = new int[total];

            // Present votes sorted by member then year (counting sort by member; stable order by year within).
            var order = Enumerable.Range(0, input.Members.Length)
                .Where(r => input.Choices[r] != VoteChoice.Absent)
                .OrderBy(r => input.Members[r])
                .ThenBy(r => years[input.RollCalls[r]])
                .ThenBy(r => input.RollCalls[r])
                .ToArray();
            _memberStart = new int[members + 1];
            _voteRollCall = new int[order.Length];
            _voteChoice = new OrdinalVote[order.Length];
            _votePosition = new double[order.Length];
            for (int v = 0; v < order.Length; v++)
            {
                int r = order[v];
                _voteRollCall[v] = input.RollCalls[r];
                _voteChoice[v] = input.Choices[r] switch
                {
                    VoteChoice.Yes => OrdinalVote.Yes,
                    VoteChoice.Abstain => OrdinalVote.Abstain,
                    _ => OrdinalVote.No,
                };
                _memberStart[input.Members[r] + 1]++;
            }

            for (int m = 0; m < members; m++)
            {
                _memberStart[m + 1] += _memberStart[m];
            }

            for (int r = 0; r < input.Members.Length; r++)
            {
                int m = input.Members[r];
                int at = _chain[m] + years[input.RollCalls[r]] - _first[m];
                _records[at]++;
                if (input.Choices[r] == VoteChoice.Absent)
                {
                    _absent[at]++;
                }
                else
                {
                    _votesPerYear[at]++;
                }
            }

            // Votes by roll call.
            _rollCallStart = new int[rollCalls + 1];
            foreach (int r in _voteRollCall)
            {
                _rollCallStart[r + 1]++;
            }

            for (int r = 0; r < rollCalls; r++)
            {
                _rollCallStart[r + 1] += _rollCallStart[r];
            }

            _rollCallVotes = new int[_voteRollCall.Length];
            var fill = _rollCallStart[..^1].ToArray();
            for (int v = 0; v < _voteRollCall.Length; v++)
            {
                _rollCallVotes[fill[_voteRollCall[v]]++] = v;
            }

            _issueWeight = input.Issues.Select(b => b == 0 ? 0.0 : 1.0 / BitOperations.PopCount(b)).ToArray();

            // Bridges as adjacency lists (both directions).
            var pairs = input.BridgePairs.SelectMany(b => new[] { (b.First, b.Second), (b.Second, b.First) })
                .Distinct()
                .OrderBy(p => p.Item1).ThenBy(p => p.Item2)
                .ToArray();
            _bridgeStart = new int[rollCalls + 1];
            foreach (var (from, _) in pairs)
            {
                _bridgeStart[from + 1]++;
            }

            for (int r = 0; r < rollCalls; r++)
            {
                _bridgeStart[r + 1] += _bridgeStart[r];
            }

            _bridgeTarget = pairs.Select(p => p.Item2).ToArray();
            _parameters = new RollCallParameters[rollCalls];
            _previous = new RollCallParameters[rollCalls];
            _rollCallLogLikelihood = new double[rollCalls];
            _states = new double[total * _d];
            int longest = Math.Max(1, _count.DefaultIfEmpty(1).Max());
            int widest = Math.Max(1, Enumerable.Range(0, rollCalls).Select(r => _rollCallStart[r + 1] - _rollCallStart[r]).DefaultIfEmpty(1).Max());
            _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads };
            _stepSd = options.PositionStepSd;
            int d = _d;
            _workspaces = new ThreadLocal<Workspace>(() => new Workspace(longest, d, widest));
            Result = new CalibrationResult(_k, input.YearCount, _first, _count, _chain);
        }

        public CalibrationResult Result { get; }

        public void Dispose() => _workspaces.Dispose();

        public void Run(IProgress<CalibrationProgress>? progress, CalibrationStart? warm, CancellationToken cancellationToken)
        {
            FitAbsence();
            InitialisePositions();
            if (warm is not null)
            {
                WarmStart(warm);
            }

            Normalise();
            UpdatePositionsOnVotes();
            for (int r = 0; r < _parameters.Length; r++)
            {
                int start = _rollCallStart[r], end = _rollCallStart[r + 1];
                var votes = new OrdinalVote[end - start];
                for (int k = start; k < end; k++)
                {
                    votes[k - start] = _voteChoice[_rollCallVotes[k]];
                }

                _parameters[r] = warm?.RollCall(r) ?? RollCallFitter.Start(votes, _options.MinimumCutpointGap);
            }

            RollCallStep(10, false);
            var trace = new List<double>();
            int iteration = 0;
            bool converged = false;
            bool stepSettled = !_options.EstimatePositionStep;
            while (iteration < _options.MaxIterations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var before = (double[])_states.Clone();
                MemberStep();
                Normalise();
                double change = 0;
                for (int s = 0; s < _states.Length; s += _d)
                {
                    change = Math.Max(change, Math.Abs(_states[s] - before[s]));
                }

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
                    converged = true;
                    break;
                }
            }

            // Final pass: roll calls to full convergence with standard errors, then position standard errors.
            RollCallStep(50, true);
            StandardErrors();
            Result.Iterations = iteration;
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

        private static double Sum(double[] values)
        {
            double sum = 0;
            foreach (double v in values)
            {
                sum += v;
            }

            return sum;
        }

        /// <summary>
        /// Starting positions: each member-year's agreement with the polarity member (1 same vote, 0.5 one step apart,
        /// 0 opposite) averaged over the roll calls both voted on; the member's mean agreement where they never met.
        /// Without a polarity member, agreement with the member who voted most.
        /// </summary>
        private void InitialisePositions()
        {
            int anchor = _options.PolarityMember;
            if (anchor < 0)
            {
                anchor = Enumerable.Range(0, _input.MemberCount).MaxBy(m => _memberStart[m + 1] - _memberStart[m]);
            }

            var anchorVote = new int[_parameters.Length];
            Array.Fill(anchorVote, -1);
            for (int v = _memberStart[anchor]; v < _memberStart[anchor + 1]; v++)
            {
                anchorVote[_voteRollCall[v]] = (int)_voteChoice[v];
            }

            var years = _input.Years;
            for (int m = 0; m < _input.MemberCount; m++)
            {
                if (_count[m] == 0)
                {
                    continue;
                }

                var sum = new double[_count[m]];
                var n = new int[_count[m]];
                for (int v = _memberStart[m]; v < _memberStart[m + 1]; v++)
                {
                    int a = anchorVote[_voteRollCall[v]];
                    if (a >= 0)
                    {
                        int t = years[_voteRollCall[v]] - _first[m];
                        sum[t] += 1.0 - (Math.Abs(a - (int)_voteChoice[v]) / 2.0);
                        n[t]++;
                    }
                }

                double overall = n.Sum() > 0 ? sum.Sum() / n.Sum() : 0.5;
                for (int t = 0; t < _count[m]; t++)
                {
                    _states[(_chain[m] + t) * _d] = n[t] > 0 ? ((sum[t] + overall) / (n[t] + 1)) : overall;
                }
            }
        }

        /// <summary>
        /// Replaces the starting states by the given ones where known; a year without one continues the previous year
        /// (the random walk's forecast).
        /// </summary>
        private void WarmStart(CalibrationStart start)
        {
            for (int m = 0; m < _input.MemberCount; m++)
            {
                bool any = false;
                for (int t = 0; t < _count[m]; t++)
                {
                    var span = _states.AsSpan((_chain[m] + t) * _d, _d);
                    var known = start.State(m, _first[m] + t);
                    if (known is not null && known.Length == _d)
                    {
                        known.CopyTo(span);
                        any = true;
                    }
                    else if (t == 0 && Anchor(m) is { } anchor)
                    {
                        // The random walk's forecast from the fixed year before.
                        for (int i = 0; i < _d; i++)
                        {
                            span[i] = anchor.State[i];
                        }

                        any = true;
                    }
                    else if (any)
                    {
                        _states.AsSpan((_chain[m] + t - 1) * _d, _d).CopyTo(span);
                    }
                }
            }
        }

        /// <summary>Re-centres and re-scales positions to mean 0, sd 1 over member-years with votes; fixes polarity.</summary>
        private void Normalise()
        {
            if (_anchors is { ScaleYears: 0 })
            {
                // The anchors alone fix location, scale and polarity.
                return;
            }

            double sum = 0, sumSquares = 0;
            long n = 0;
            for (int at = 0; at < _votesPerYear.Length; at++)
            {
                if (_votesPerYear[at] > 0 && InScaleYears(at))
                {
                    double x = _states[at * _d];
                    sum += x;
                    sumSquares += x * x;
                    n++;
                }
            }

            if (n < 2)
            {
                return;
            }

            double mean = sum / n;
            double sd = Math.Sqrt(Math.Max(1e-12, (sumSquares / n) - (mean * mean)));
            if (_anchors is { } anchors)
            {
                // x' = (x - m) / s * S + M = (x - mean') / sd' with mean' = m - M s / S and sd' = s / S.
                sd /= anchors.ScaleSd;
                mean -= anchors.ScaleMean * sd;
            }

            double sign = 1.0;
            int anchor = _options.PolarityMember;
            if (_anchors is null && anchor >= 0 && _count[anchor] > 0)
            {
                int lastYear = _chain[anchor] + _count[anchor] - 1;
                if (_states[lastYear * _d] - mean < 0)
                {
                    sign = -1.0;
                }
            }

            double factor = sign / sd;
            for (int at = 0; at < _votesPerYear.Length; at++)
            {
                int s = at * _d;
                _states[s] = (_states[s] - mean) * factor;
                for (int k = 1; k < _d; k++)
                {
                    _states[s + k] *= factor;
                }
            }

            for (int r = 0; r < _parameters.Length; r++)
            {
                var p = _parameters[r];
                _parameters[r] = new RollCallParameters(p.Beta * sd * sign, p.Tau1 - (p.Beta * mean), p.Tau2 - (p.Beta * mean));
            }
        }

        /// <summary>Whether member-year slot <paramref name="at"/> sets the scale: always in a full fit, in the first ScaleYears years in an anchored one.</summary>
        private bool InScaleYears(int at) => _anchors is null || _slotYear[at] < _anchors.ScaleYears;

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

            return f + AddPrior(m, chain, n, solver);
        }

        /// <summary>Adds the prior's precision to the system and its gradient (-P s) to the right-hand side; returns log prior.</summary>
        private double AddPrior(int m, ReadOnlySpan<double> chain, int n, BlockTridiagonalSolver solver)
        {
            int d = _d;
            double logPrior = 0;
            double q0 = 1 / (_options.InitialPositionSd * _options.InitialPositionSd);
            double qTheta = 1 / (_stepSd * _stepSd);
            double qRidge = 1 / (_options.IssueOffsetSd * _options.IssueOffsetSd);
            double qOffset = 1 / (_options.IssueOffsetStepSd * _options.IssueOffsetStepSd);

            if (Anchor(m) is { } anchor)
            {
                // First year's state ~ N(anchor, g * step^2 (+ the anchor's variance for theta)), g years after the anchor.
                double g = _first[m] - anchor.YearIndex;
                for (int k = 0; k < d; k++)
                {
                    double q = 1 / (k == 0 ? (g * _stepSd * _stepSd) + anchor.ThetaVariance : g * _options.IssueOffsetStepSd * _options.IssueOffsetStepSd);
                    double diff = chain[k] - anchor.State[k];
                    solver.Diagonal(0)[(k * d) + k] += q;
                    solver.RightHandSide(0)[k] -= q * diff;
                    logPrior -= 0.5 * q * diff * diff;
                }
            }
            else
            {
                // First year's theta ~ N(0, s0^2).
                solver.Diagonal(0)[0] += q0;
                solver.RightHandSide(0)[0] -= q0 * chain[0];
                logPrior -= 0.5 * q0 * chain[0] * chain[0];
            }
            for (int t = 0; t < n; t++)
            {
                var block = solver.Diagonal(t);
                var rhs = solver.RightHandSide(t);
                for (int k = 1; k < d; k++)
                {
                    double delta = chain[(t * d) + k];
                    block[(k * d) + k] += qRidge;
                    rhs[k] -= qRidge * delta;
                    logPrior -= 0.5 * qRidge * delta * delta;
                }

                if (t + 1 < n)
                {
                    var next = solver.Diagonal(t + 1);
                    var nextRhs = solver.RightHandSide(t + 1);
                    var coupling = solver.Coupling(t);
                    for (int k = 0; k < d; k++)
                    {
                        double q = k == 0 ? qTheta : qOffset;
                        double diff = chain[((t + 1) * d) + k] - chain[(t * d) + k];
                        block[(k * d) + k] += q;
                        next[(k * d) + k] += q;
                        coupling[(k * d) + k] -= q;
                        rhs[k] += q * diff;
                        nextRhs[k] -= q * diff;
                        logPrior -= 0.5 * q * diff * diff;
                    }
                }
            }

            return logPrior;
        }

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

            double q0 = 1 / (_options.InitialPositionSd * _options.InitialPositionSd);
            double qTheta = 1 / (_stepSd * _stepSd);
            double qRidge = 1 / (_options.IssueOffsetSd * _options.IssueOffsetSd);
            double qOffset = 1 / (_options.IssueOffsetStepSd * _options.IssueOffsetStepSd);
            if (Anchor(m) is { } anchor)
            {
                double g = _first[m] - anchor.YearIndex;
                for (int k = 0; k < d; k++)
                {
                    double q = 1 / (k == 0 ? (g * _stepSd * _stepSd) + anchor.ThetaVariance : g * _options.IssueOffsetStepSd * _options.IssueOffsetStepSd);
                    double diff = chain[k] - anchor.State[k];
                    f -= 0.5 * q * diff * diff;
                }
            }
            else
            {
                f -= 0.5 * q0 * chain[0] * chain[0];
            }

            for (int t = 0; t < n; t++)
            {
                for (int k = 1; k < d; k++)
                {
                    double delta = chain[(t * d) + k];
                    f -= 0.5 * qRidge * delta * delta;
                }

                if (t + 1 < n)
                {
                    for (int k = 0; k < d; k++)
                    {
                        double diff = chain[((t + 1) * d) + k] - chain[(t * d) + k];
                        f -= 0.5 * (k == 0 ? qTheta : qOffset) * diff * diff;
                    }
                }
            }

            return f;
        }

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

        /// <summary>
        /// The absence hurdle: per member, Newton's method to convergence on
        /// sum_t [a_t * alpha_t - n_t * log(1 + exp(alpha_t))] plus the random-walk prior, a tridiagonal system.
        /// </summary>
        private void FitAbsence()
        {
            long totalAbsent = _absent.Sum(a => (long)a), totalRecords = _records.Sum(r => (long)r);
            double rate = Math.Clamp((totalAbsent + 0.5) / (totalRecords + 1.0), 1e-6, 1 - 1e-6);
            double mu = Math.Log(rate / (1 - rate));
            double q0 = 1 / (_options.InitialAbsenceSd * _options.InitialAbsenceSd);
            double q = 1 / (_options.AbsenceStepSd * _options.AbsenceStepSd);
            var logLikelihood = new double[_input.MemberCount];
            Parallel.For(0, _input.MemberCount, _parallel, m =>
            {
                int n = _count[m];
                if (n == 0)
                {
                    return;
                }

                var solver = new BlockTridiagonalSolver(n, 1);
                var alpha = new double[n];
                var anchor = Anchor(m);
                double centre = anchor is null ? mu : Math.Log(anchor.AbsenceRate / (1 - anchor.AbsenceRate));
                double qFirst = anchor is null ? q0 : 1 / ((_first[m] - anchor.YearIndex) * _options.AbsenceStepSd * _options.AbsenceStepSd);
                Array.Fill(alpha, centre);
                var step = new double[n];
                for (int iteration = 0; iteration < 100; iteration++)
                {
                    solver.Reset(n);
                    for (int t = 0; t < n; t++)
                    {
                        int at = _chain[m] + t;
                        double p = Logistic(alpha[t]);
                        solver.RightHandSide(t)[0] = _absent[at] - (_records[at] * p);
                        solver.Diagonal(t)[0] = _records[at] * p * (1 - p);
                    }

                    solver.Diagonal(0)[0] += qFirst;
                    solver.RightHandSide(0)[0] -= qFirst * (alpha[0] - centre);
                    for (int t = 0; t + 1 < n; t++)
                    {
                        double diff = alpha[t + 1] - alpha[t];
                        solver.Diagonal(t)[0] += q;
                        solver.Diagonal(t + 1)[0] += q;
                        solver.Coupling(t)[0] = -q;
                        solver.RightHandSide(t)[0] += q * diff;
                        solver.RightHandSide(t + 1)[0] -= q * diff;
                    }

                    if (!solver.Solve(step))
                    {
                        break;
                    }

                    double largest = 0;
                    for (int t = 0; t < n; t++)
                    {
                        // Damped: a logit step larger than 2 is cut, which keeps Newton stable on sparse years.
                        double s = Math.Clamp(step[t], -2, 2);
                        alpha[t] += s;
                        largest = Math.Max(largest, Math.Abs(s));
                    }

                    if (largest < 1e-10)
                    {
                        break;
                    }
                }

                double ll = 0;
                for (int t = 0; t < n; t++)
                {
                    int at = _chain[m] + t;
                    Result.AbsenceRates[at] = Logistic(alpha[t]);
                    ll += (_absent[at] * alpha[t]) - (_records[at] * Softplus(alpha[t]));
                }

                logLikelihood[m] = ll;
            });

            Result.AbsenceLogLikelihood = Sum(logLikelihood);
        }

        /// <summary>The member's anchor from an earlier calibration, or null (no anchors, or a member it did not have).</summary>
        private MemberAnchor? Anchor(int m) => _anchors?.Members[m];

        private static double Logistic(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

        private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));
    }

    /// <summary>Per-thread scratch space.</summary>
    private sealed class Workspace(int longestChain, int dimension, int widestRollCall)
    {
        public BlockTridiagonalSolver Solver { get; } = new(longestChain, dimension);

        public double[] Step { get; } = new double[longestChain * dimension];

        public double[] Trial { get; } = new double[longestChain * dimension];

        public double[] Variance { get; } = new double[longestChain * dimension * dimension];

        public double[] Covariance { get; } = new double[longestChain * dimension * dimension];

        public double[] Positions { get; } = new double[widestRollCall];

        public OrdinalVote[] Votes { get; } = new OrdinalVote[widestRollCall];
    }
}
