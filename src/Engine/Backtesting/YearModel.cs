using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// Everything the backtest learns from the training years before one test year: the calibration, each unit's
/// forecast state, and, from the recurring resolutions of the last training years (predicted the way the test year
/// will be), the correlated shock sizes, the residual persistence rho, the smoothed persistence transitions, the
/// base rates and the empirical prior of a roll call's parameters.
/// </summary>
public sealed class YearModel
{
    /// <summary>Training years whose recurring resolutions calibrate shocks, rho and transitions.</summary>
    public const int CalibrationYears = 3;

    /// <summary>
    /// The coverage level the global shock is matched at, and its two-sided normal quantile. Count deviations of
    /// repeats have heavier tails than a normal shock gives (a changed text moves a whole bloc), so the shock is
    /// matched at the 95% level, where intervals fail first; the 80% ranges are then a little wider than nominal.
    /// </summary>
    private const double MatchedLevel = 0.95;

    private const double MatchedZ = 1.95996;

    /// <summary>Training years whose roll calls form the empirical prior of a new roll call's parameters.</summary>
    public const int PriorYears = 5;

    private readonly VoteIndex _votes;
    private readonly ShockBlocs _blocs;

    /// <summary>
    /// Learns from <paramref name="run"/> (the training years) for <paramref name="testYear"/>. When
    /// <paramref name="outOfSample"/> holds enough earlier test years' recurring forecasts (made without those years;
    /// analog alone, then with the repeat mixture), the global shocks are matched on them by simulation
    /// (<see cref="CoverageCase.Match"/>) instead of on the training years' repeats by a normal approximation: those
    /// were fitted on the very votes being forecast, and the approximation ignores that probabilities saturate.
    /// </summary>
    public YearModel(CalibrationRun run, int testYear, VoteIndex votes, ShockBlocs blocs, int[] previous, (IReadOnlyList<CoverageCase> Analog, IReadOnlyList<CoverageCase> Repeat)? outOfSample = null, int threads = 1)
    {
        Run = run;
        TestYear = testYear;
        _votes = votes;
        _blocs = blocs;
        Previous = previous;
        StepVariance = run.Result.PositionStepSd * run.Result.PositionStepSd;
        BaseRates = ComputeBaseRates();
        Prior = ComputePrior();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        var pairs = TrainingPairs(parallel);
        var blocSds = EstimateBlocSds(parallel);
        BlocSds = blocSds;
        bool useHistory = outOfSample is { } h && h.Analog.Count >= MinimumCases && h.Repeat.Count >= MinimumCases;
        GlobalFromOutOfSample = useHistory;
        PlainShocks = [useHistory ? CoverageCase.Match(outOfSample!.Value.Analog, threads) : MatchGlobalShock(Deviations(pairs, null, blocSds)), .. blocSds];
        RepeatProbability = FitRepeat(pairs, PlainShocks);
        RecurringShocks = [useHistory ? CoverageCase.Match(outOfSample!.Value.Repeat, threads) : MatchGlobalShock(Deviations(pairs, RepeatProbability, blocSds)), .. blocSds];
        Transitions = ComputeTransitions(pairs);
    }

    /// <summary>Fewest out-of-sample roll calls used to match the global shocks by simulation.</summary>
    public const int MinimumCases = 30;

    /// <summary>The calibration on the training years.</summary>
    public CalibrationRun Run { get; }

    /// <summary>Bloc shock sizes (<see cref="ShockBlocs.Names"/> order).</summary>
    public double[] BlocSds { get; }

    /// <summary>Whether the global shocks were matched on earlier out-of-sample forecasts.</summary>
    public bool GlobalFromOutOfSample { get; }

    /// <summary>The year forecast (1945 + session), after the training years.</summary>
    public int TestYear { get; }

    /// <summary>Data roll call -> the roll call of the previous session it repeats, or -1.</summary>
    public int[] Previous { get; }

    /// <summary>Variance of a position's yearly random-walk step.</summary>
    public double StepVariance { get; }

    /// <summary>Shares of no, abstain and yes among the votes of the last training year.</summary>
    public double[] BaseRates { get; }

    /// <summary>Prior of a new roll call's (beta, tau_1, tau_2): a mixture of normal components with weights (<see cref="ComputePrior"/>).</summary>
    public (RollCallPrior Prior, double Weight)[] Prior { get; }

    /// <summary>
    /// Shock sizes (global, then one per <see cref="ShockBlocs.Names"/>) for forecasts from an analog alone: the blocs'
    /// from how far each bloc strays together from the model on a roll call (<see cref="EstimateBlocSds"/>), the
    /// global one matched to the spread of recurring resolutions' counts (<see cref="MatchGlobalShock"/>).
    /// </summary>
    public double[] PlainShocks { get; }

    /// <summary>Shock sizes for repeat forecasts that weigh members' earlier votes (<see cref="RepeatProbability"/>).</summary>
    public double[] RecurringShocks { get; }

    /// <summary>Probability that a member repeats its earlier vote (no, abstain, yes) on a repeat (<see cref="RepeatMixture"/>).</summary>
    public double[] RepeatProbability { get; }

    /// <summary>P(vote now = column | vote on the previous recurrence = row), add-one smoothed, rows no/abstain/yes.</summary>
    public double[,] Transitions { get; }

    /// <summary>A unit's forecast for the test year: state of the last training year, variance widened by the random walk.</summary>
    public (double[] State, double Variance, double Absence) Forecast(int unit) => ForecastFor(unit, TestYear);

    /// <summary>The forecast of a unit for <paramref name="year"/> from its last estimate before it.</summary>
    public (double[] State, double Variance, double Absence) ForecastFor(int unit, int year)
    {
        var result = Run.Result;
        int yearIndex = year - Run.FirstYear - 1;
        var (first, count) = result.YearsOf(unit);
        if (count == 0 || yearIndex < first)
        {
            return (new double[1 + IssueArea.All.Count], 1.0, 0.05);
        }

        int at = Math.Min(yearIndex, first + count - 1);
        var e = result.Estimate(unit, at);
        int ahead = year - Run.YearOf(at);
        return ([e.Theta, .. e.Offsets], (e.ThetaSe * e.ThetaSe) + (ahead * StepVariance), e.AbsenceRate);
    }

    /// <summary>Position of a state on a roll call with the issue areas of <paramref name="mask"/>.</summary>
    public static double PositionOf(double[] state, int mask)
    {
        int count = System.Numerics.BitOperations.PopCount((uint)mask);
        double x = state[0];
        if (count > 0)
        {
            double sum = 0;
            for (int k = 0; k < state.Length - 1; k++)
            {
                if ((mask & (1 << k)) != 0)
                {
                    sum += state[1 + k];
                }
            }

            x += sum / count;
        }

        return x;
    }

    /// <summary>Latent variance of the shocks a unit shares (the global shock plus its blocs').</summary>
    public static double ShockVariance(double[] shocks, int[] blocs)
    {
        double v = shocks[0] * shocks[0];
        foreach (int b in blocs)
        {
            v += shocks[1 + b] * shocks[1 + b];
        }

        return v;
    }

    private double[] ComputeBaseRates()
    {
        var counts = new double[3];
        int trainEnd = Run.LastYear;
        for (int r = 0; r < Run.Data.RollCalls.Count; r++)
        {
            if (Run.Data.RollCalls[r].Year != trainEnd)
            {
                continue;
            }

            foreach (var (_, choice) in _votes.Of(r))
            {
                if (choice != VoteChoice.Absent)
                {
                    counts[(int)VoteIndex.Ordinal(choice)]++;
                }
            }
        }

        double total = counts.Sum();
        return total == 0 ? [0.1, 0.1, 0.8] : counts.Select(c => (c + 1) / (total + 3)).ToArray();
    }

    /// <summary>
    /// The empirical prior of a new roll call's parameters, as two components: texts the United States' side supports
    /// (beta &gt; 0) and texts it opposes (beta &lt;= 0), each with the mean and spread (floored at 0.5) of beta, tau_1 and
    /// tau_2 over the recent training roll calls of that kind, and its share of them as weight. A single normal prior
    /// centred between the two kinds would pull every new roll call towards beta = 0.
    /// </summary>
    private (RollCallPrior Prior, double Weight)[] ComputePrior()
    {
        var recent = Enumerable.Range(0, Run.Data.RollCalls.Count)
            .Where(r => Run.RollCallMap[r] >= 0 && Run.Data.RollCalls[r].Year > Run.LastYear - PriorYears)
            .Select(r => Run.Result.RollCalls[Run.RollCallMap[r]])
            .ToArray();
        var fallback = RollCallPrior.Centred(Run.Options.DiscriminationSd, Run.Options.CutpointSd);
        static (double Mean, double Precision) Moments(IEnumerable<double> values)
        {
            var v = values.ToArray();
            double mean = v.Average();
            double variance = v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1);
            return (mean, 1 / Math.Max(variance, 0.25));
        }

        var components = new List<(RollCallPrior, double)>();
        foreach (var kind in new[] { recent.Where(p => p.Beta > 0).ToArray(), recent.Where(p => p.Beta <= 0).ToArray() })
        {
            if (kind.Length < 10)
            {
                continue;
            }

            var beta = Moments(kind.Select(p => p.Beta));
            var tau1 = Moments(kind.Select(p => p.Tau1));
            var tau2 = Moments(kind.Select(p => p.Tau2));
            components.Add((new RollCallPrior(new RollCallParameters(beta.Mean, tau1.Mean, tau2.Mean), new RollCallParameters(beta.Precision, tau1.Precision, tau2.Precision)), (double)kind.Length / recent.Length));
        }

        return components.Count > 0 ? components.ToArray() : [(fallback, 1.0)];
    }

    /// <summary>One member's vote on a training repeat, forecast as a test-year repeat would be.</summary>
    private sealed record PairMember(int Unit, double Eta, double PositionVariance, double Beta, int[] Blocs, OrdinalVote Actual, OrdinalVote? PreviousVote);

    private sealed record Pair(RollCallParameters Analog, PairMember[] Members);

    /// <summary>
    /// Recurring pairs (p -> j) with j in the last training years, forecast from p's parameters and the positions of
    /// the year before j, in the order of j (each built on its own, in parallel).
    /// </summary>
    private Pair[] TrainingPairs(ParallelOptions parallel)
    {
        var data = Run.Data;
        var repeats = Enumerable.Range(0, data.RollCalls.Count)
            .Where(j => data.RollCalls[j].Year > Run.LastYear - CalibrationYears && Run.RollCallMap[j] >= 0 && Previous[j] >= 0 && Run.RollCallMap[Previous[j]] >= 0)
            .ToArray();
        var pairs = new Pair[repeats.Length];
        Parallel.For(0, repeats.Length, parallel, i => pairs[i] = TrainingPair(repeats[i]));
        return pairs;
    }

    /// <summary>The training pair of repeat <paramref name="j"/> and its previous occurrence.</summary>
    private Pair TrainingPair(int j)
    {
        var data = Run.Data;
        var rc = data.RollCalls[j];
        int p = Previous[j];
        var analog = Run.Result.RollCalls[Run.RollCallMap[p]];
        var previousVotes = _votes.Of(p).ToDictionary(v => v.Unit, v => v.Choice);
        var members = new List<PairMember>();
        foreach (var (unit, choice) in _votes.Of(j))
        {
            if (choice == VoteChoice.Absent)
            {
                continue;
            }

            var (state, variance, _) = ForecastFor(unit, rc.Year);
            double x = PositionOf(state, rc.Issues);
            OrdinalVote? previousVote = previousVotes.TryGetValue(unit, out var pc) && pc != VoteChoice.Absent ? VoteIndex.Ordinal(pc) : null;
            members.Add(new PairMember(unit, analog.Beta * x, variance, analog.Beta, _blocs.Of(data.Units[unit], rc.Year), VoteIndex.Ordinal(choice), previousVote));
        }

        return new Pair(analog, members.ToArray());
    }

    /// <summary>
    /// Bloc shock sizes as random-effect standard deviations: on every roll call of the last training years, with
    /// the roll call's calibrated (beta, tau_1, tau_2) and the members' calibrated positions, each bloc's shared shift
    /// is fitted (<see cref="SharedShift"/>, blocs with at least three votes); the mean squared shift minus its mean
    /// sampling variance (method of moments, floored at 0) is the variance of the shock the bloc shares on a roll call.
    /// The shifts are fitted in parallel and summed in roll-call order, so the sizes do not depend on the threads.
    /// </summary>
    private double[] EstimateBlocSds(ParallelOptions parallel)
    {
        int blocs = ShockBlocs.Names.Count;
        var data = Run.Data;
        var rollCalls = Enumerable.Range(0, data.RollCalls.Count)
            .Where(r => data.RollCalls[r].Year > Run.LastYear - CalibrationYears && Run.RollCallMap[r] >= 0)
            .ToArray();
        var shifts = new (double Square, double Variance)?[rollCalls.Length * blocs];
        Parallel.For(0, rollCalls.Length, parallel, i => BlocShifts(rollCalls[i], shifts.AsSpan(i * blocs, blocs)));
        var sumSquares = new double[blocs];
        var sumVariance = new double[blocs];
        var count = new int[blocs];
        for (int at = 0; at < shifts.Length; at++)
        {
            if (shifts[at] is { } shift)
            {
                sumSquares[at % blocs] += shift.Square;
                sumVariance[at % blocs] += shift.Variance;
                count[at % blocs]++;
            }
        }

        return Enumerable.Range(0, blocs)
            .Select(b => count[b] == 0 ? 0 : Math.Sqrt(Math.Max(0, (sumSquares[b] - sumVariance[b]) / count[b])))
            .ToArray();
    }

    /// <summary>Each bloc's fitted shared shift on roll call <paramref name="r"/> (squared, with its sampling variance), or null where it has none.</summary>
    private void BlocShifts(int r, Span<(double Square, double Variance)?> shifts)
    {
        var data = Run.Data;
        var rc = data.RollCalls[r];
        var parameters = Run.Result.RollCalls[Run.RollCallMap[r]];
        int yearIndex = rc.Year - Run.FirstYear;
        var members = new List<(double Eta, OrdinalVote Vote, int[] Blocs)>();
        foreach (var (unit, choice) in _votes.Of(r))
        {
            if (choice != VoteChoice.Absent && Run.Result.Has(unit, yearIndex))
            {
                double x = Run.Result.Estimate(unit, yearIndex).PositionFor(rc.Issues);
                members.Add((parameters.Beta * x, VoteIndex.Ordinal(choice), _blocs.Of(data.Units[unit], rc.Year)));
            }
        }

        for (int b = 0; b < shifts.Length; b++)
        {
            var inBloc = members.Where(m => m.Blocs.Contains(b)).ToArray();
            if (inBloc.Length < 3)
            {
                continue;
            }

            var (shift, variance) = SharedShift.Fit(inBloc.Select(m => m.Eta).ToArray(), inBloc.Select(m => m.Vote).ToArray(), parameters.Tau1, parameters.Tau2);
            if (double.IsFinite(variance) && Math.Abs(shift) < SharedShift.Limit)
            {
                shifts[b] = (shift * shift, variance);
            }
        }
    }

    /// <summary>
    /// The global shock size at which 95% of the given yes and no counts fall inside the normal
    /// approximation of their central 95% range: mean sum p_i, variance sum p_i (1 - p_i) + (sum d_i)^2 g^2 +
    /// sum_b (sum_{i in b} d_i)^2 sb^2, where d_i = dp_i / dz is member i's sensitivity to a latent shift z (the normal
    /// density at the cut-point over the latent standard deviation). Matching a quantile, not the variance,
    /// keeps the few repeats whose text changed from inflating the shock for all the others. Found by bisection
    /// (the covered share grows with g).
    /// </summary>
    public static double MatchGlobalShock(IReadOnlyList<CountDeviation> equations)
    {
        if (equations.Count == 0)
        {
            return 0;
        }

        double Covered(double g) => equations.Count(e => e.Inside(MatchedZ, g)) / (double)equations.Count;
        if (Covered(0) >= MatchedLevel)
        {
            return 0;
        }

        double lo = 0, hi = 5;
        for (int k = 0; k < 50; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (Covered(mid) >= MatchedLevel)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }

    /// <summary>The training repeats' count deviations, forecast from the analog alone or with the repeat mixture.</summary>
    private static List<CountDeviation> Deviations(Pair[] pairs, double[]? repeat, double[] blocSds)
    {
        var equations = new List<CountDeviation>();
        foreach (var pair in pairs)
        {
            foreach (bool yesCount in new[] { true, false })
            {
                double mean = 0, variance = 0, global = 0;
                var blocLoading = new double[blocSds.Length];
                int recorded = 0;
                foreach (var m in pair.Members)
                {
                    // Given the shocks, a member repeats its earlier vote with probability lambda, else votes by the model.
                    double sd = Math.Sqrt(1 + (m.Beta * m.Beta * m.PositionVariance));
                    double z = yesCount ? (pair.Analog.Tau2 - m.Eta) / sd : (pair.Analog.Tau1 - m.Eta) / sd;
                    double lambda = repeat is not null && m.PreviousVote is { } before ? repeat[(int)before] : 0;
                    bool repeats = m.PreviousVote == (yesCount ? OrdinalVote.Yes : OrdinalVote.No);
                    double p = (lambda * (repeats ? 1 : 0)) + ((1 - lambda) * (yesCount ? NormalTail.UpperTail(z) : NormalTail.Cdf(z)));
                    double derivative = (1 - lambda) * NormalTail.Density(z) / sd;
                    mean += p;
                    variance += p * (1 - p);
                    global += derivative;
                    foreach (int b in m.Blocs)
                    {
                        blocLoading[b] += derivative;
                    }

                    recorded += m.Actual == (yesCount ? OrdinalVote.Yes : OrdinalVote.No) ? 1 : 0;
                }

                for (int b = 0; b < blocSds.Length; b++)
                {
                    variance += blocLoading[b] * blocLoading[b] * blocSds[b] * blocSds[b];
                }

                equations.Add(new CountDeviation(recorded - mean, variance, global * global));
            }
        }

        return equations;
    }

    /// <summary>
    /// The repeat probabilities by maximum likelihood on the training repeats (<see cref="RepeatMixture.Fit"/>), the
    /// model part being the member's marginal forecast (position uncertainty and shocks integrated).
    /// </summary>
    private static double[] FitRepeat(Pair[] pairs, double[] shocks)
    {
        var observations = new List<RepeatMixture.Observation>();
        foreach (var pair in pairs)
        {
            foreach (var m in pair.Members.Where(m => m.PreviousVote is not null))
            {
                double sd = Math.Sqrt(1 + (m.Beta * m.Beta * m.PositionVariance) + ShockVariance(shocks, m.Blocs));
                double pNo = NormalTail.Cdf((pair.Analog.Tau1 - m.Eta) / sd);
                double pYes = NormalTail.UpperTail((pair.Analog.Tau2 - m.Eta) / sd);
                observations.Add(new RepeatMixture.Observation(pNo, Math.Max(0, 1 - pNo - pYes), pYes, m.PreviousVote!.Value, m.Actual));
            }
        }

        return RepeatMixture.Fit(observations);
    }

    private static double[,] ComputeTransitions(Pair[] pairs)
    {
        var counts = new double[3, 3];
        foreach (var m in pairs.SelectMany(p => p.Members).Where(m => m.PreviousVote is not null))
        {
            counts[(int)m.PreviousVote!.Value, (int)m.Actual]++;
        }

        var transitions = new double[3, 3];
        for (int a = 0; a < 3; a++)
        {
            double total = counts[a, 0] + counts[a, 1] + counts[a, 2] + 3;
            for (int b = 0; b < 3; b++)
            {
                transitions[a, b] = (counts[a, b] + 1) / total;
            }
        }

        return transitions;
    }
}
