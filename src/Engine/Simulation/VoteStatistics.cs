using System.Runtime.CompilerServices;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// What a run learned about one vote of one variant: exact integer counts and fixed-point sums, so statistics
/// of shards merge into exactly the statistics of the whole run.
/// </summary>
public sealed class VoteStatistics
{
    private readonly long[] _memberCounts;

    public VoteStatistics(string variant, VoteDescription vote)
    {
        Variant = variant;
        Vote = vote;
        int n = vote.Count;
        YesHistogram = new long[n + 1];
        NoHistogram = new long[n + 1];
        AbstainHistogram = new long[n + 1];
        AbsentHistogram = new long[n + 1];
        MarginHistogram = new long[MarginOffset(n) + n + 1];
        AdoptedMarginHistogram = new long[MarginOffset(n) + n + 1];
        VetoCountByMember = new long[5];
        PathCounts = new long[vote.Paths.Count + 1];
        _memberCounts = new long[n * VoteTrialColumns.MemberCountKinds];
    }

    /// <summary>Variant name.</summary>
    public string Variant { get; }

    /// <summary>The vote.</summary>
    public VoteDescription Vote { get; }

    /// <summary>Trials counted.</summary>
    public long Trials { get; private set; }

    /// <summary>Trials in which the vote was held (all trials for a vote that waits for nothing).</summary>
    public long HeldCount { get; private set; }

    /// <summary>
    /// Held trials per path: entry 0 counts unconditional holdings, entry c the trials held through the vote's
    /// condition c (1-based, see <see cref="VoteDescription.Paths"/>).
    /// </summary>
    public long[] PathCounts { get; }

    /// <summary>Trials in which a veto of this Council draft convened the Assembly's debate (A/RES/76/262).</summary>
    public long DebateCount { get; private set; }

    /// <summary>Debates per working day after the veto: entry k for day k (1 to 10).</summary>
    public long[] DebateDayCounts { get; } = new long[TrialKernel.DebateWindow + 1];

    /// <summary>Share of trials in which the vote was held.</summary>
    public double PHeld => Trials == 0 ? double.NaN : (double)HeldCount / Trials;

    /// <summary>P(adopted | held), from the sampled votes (NaN when never held).</summary>
    public double PAdoptedGivenHeld => HeldCount == 0 ? double.NaN : (double)AdoptedCount / HeldCount;

    /// <summary>Trials in which the sampled votes adopted the proposal.</summary>
    public long AdoptedCount { get; private set; }

    /// <summary>Sum of the exact conditional probabilities (only for the exact estimator).</summary>
    public FixedPointSum ExactSum { get; private set; }

    /// <summary>Sum of their squares.</summary>
    public FixedPointSum ExactSumOfSquares { get; private set; }

    /// <summary>
    /// For a what-if variant: the sum over trials of (x_variant - x_baseline)^2, x each one's per-trial estimate of
    /// adoption (the adopted indicator, or the exact conditional probability). With common random numbers the two
    /// are strongly correlated, so the paired difference is far more precise than the difference of two
    /// independent estimates.
    /// </summary>
    public FixedPointSum PairedSquares { get; private set; }

    /// <summary>Sum of the baseline's per-trial estimates over the same trials (for the paired difference).</summary>
    public FixedPointSum PairedBaselineSum { get; private set; }

    /// <summary>Whether <see cref="PairedSquares"/> has been accumulated (what-if variants only).</summary>
    public bool HasPairedDifference { get; private set; }

    /// <summary>P(adopted) of this variant minus the baseline's, over the same trials.</summary>
    public double DifferenceFromBaseline => HasPairedDifference && Trials > 0
        ? PAdopted - (PairedBaselineSum.Value / Trials)
        : double.NaN;

    /// <summary>
    /// Standard error of <see cref="DifferenceFromBaseline"/> using the pairing: sd of the per-trial differences over
    /// sqrt(N), with Var(d) = E[d^2] - (E d)^2.
    /// </summary>
    public double DifferenceStandardErrorPaired
    {
        get
        {
            if (!HasPairedDifference || Trials < 2)
            {
                return double.NaN;
            }

            double mean = DifferenceFromBaseline;
            double variance = Math.Max(0.0, ((PairedSquares.Value / Trials) - (mean * mean)) * Trials / (Trials - 1));
            return Math.Sqrt(variance / Trials);
        }
    }

    /// <summary>
    /// For a variant conditioned on announced votes (<see cref="VoteDescription.Given"/> of any of its votes): the draws
    /// of the trials' shared quantities made to accept <see cref="Trials"/> of them; 0 for a variant without
    /// announced votes. Every accepted trial is an exact, unweighted draw given the announcements.
    /// </summary>
    public long GivenDraws { get; private set; }

    /// <summary>
    /// Trials over <see cref="GivenDraws"/>: the share of draws accepted, an estimate of the model's probability of the
    /// (informative) announced votes given that the announcing members attend; NaN for a variant without them.
    /// </summary>
    public double GivenAcceptanceRate => GivenDraws == 0 ? double.NaN : (double)Trials / GivenDraws;

    /// <summary>Trials with a veto (Council, substantive).</summary>
    public long VetoCount { get; private set; }

    /// <summary>Trials with a decisive veto (nine or more yes).</summary>
    public long VetoDecisiveCount { get; private set; }

    /// <summary>Trials in which each permanent member vetoed, in the order of <see cref="PermanentMembersExtensions.AllCodes"/>.</summary>
    public long[] VetoCountByMember { get; }

    /// <summary>Histogram of the yes count over the trials in which the vote was held: entry k = trials with k yes votes.</summary>
    public long[] YesHistogram { get; }

    /// <summary>Histogram of the no count.</summary>
    public long[] NoHistogram { get; }

    /// <summary>Histogram of the abstentions.</summary>
    public long[] AbstainHistogram { get; }

    /// <summary>Histogram of absences.</summary>
    public long[] AbsentHistogram { get; }

    /// <summary>
    /// Histogram of the margin over the trials in which the vote was held: entry <c>m + MarginOffset(Count)</c> =
    /// trials whose yes count minus the yes votes that trial needed (<see cref="VoteDescription.YesNeeded"/>) is m,
    /// for m from -MarginOffset(Count) to Count. In the Assembly a trial adopts exactly when its margin is 0 or more.
    /// </summary>
    public long[] MarginHistogram { get; }

    /// <summary>
    /// Index of margin 0 in <see cref="MarginHistogram"/> for a vote of <paramref name="members"/> participants: the
    /// lowest margin is every member voting no, w members short under the rule of the largest no weight w
    /// (<see cref="MajorityRules.LargestNoWeight"/>; 2 n for two-thirds), and the extra entry keeps a simple majority of
    /// all no (n + 1 short) in range.
    /// </summary>
    public static int MarginOffset(int members) => (MajorityRules.LargestNoWeight * members) + 1;

    /// <summary>
    /// The same histogram over the held trials that adopted the proposal: it differs from <see cref="MarginHistogram"/>
    /// at margins of 0 or more only by the Council's vetoed drafts. Its total is <see cref="AdoptedCount"/>.
    /// </summary>
    public long[] AdoptedMarginHistogram { get; }

    /// <summary>Estimated P(adopted): the mean exact conditional probability, or the share of adopting trials.</summary>
    public double PAdopted => Trials == 0 ? double.NaN
        : Vote.Estimator == OutcomeEstimator.ExactConditional ? ExactSum.Value / Trials
        : (double)AdoptedCount / Trials;

    /// <summary>Share of trials in which the sampled votes adopted the proposal.</summary>
    public double PAdoptedSampled => Trials == 0 ? double.NaN : (double)AdoptedCount / Trials;

    /// <summary>Monte Carlo standard error of <see cref="PAdopted"/>: sd / sqrt(N) of the per-trial estimates.</summary>
    public double PAdoptedStandardError
    {
        get
        {
            if (Trials < 2)
            {
                return double.NaN;
            }

            if (Vote.Estimator == OutcomeEstimator.ExactConditional)
            {
                double mean = ExactSum.Value / Trials;
                double variance = Math.Max(0.0, (ExactSumOfSquares.Value - (Trials * mean * mean)) / (Trials - 1));
                return Math.Sqrt(variance / Trials);
            }

            double p = PAdoptedSampled;
            return Math.Sqrt(p * (1 - p) / Trials);
        }
    }

    /// <summary>
    /// A 95% interval for P(adopted): Wilson's score interval for the sampled share (good near 0 and 1), the
    /// normal interval mean +- 1.96 se, clipped to [0, 1], for the exact estimator.
    /// </summary>
    public (double Lower, double Upper) PAdoptedInterval95
    {
        get
        {
            const double z = 1.959963984540054;
            if (Trials == 0)
            {
                return (double.NaN, double.NaN);
            }

            if (Vote.Estimator == OutcomeEstimator.ExactConditional)
            {
                double se = double.IsNaN(PAdoptedStandardError) ? 0 : PAdoptedStandardError;
                return (Math.Max(0, PAdopted - (z * se)), Math.Min(1, PAdopted + (z * se)));
            }

            double n = Trials, p = PAdoptedSampled, z2 = z * z;
            double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
            double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
            return (Math.Max(0, centre - half), Math.Min(1, centre + half));
        }
    }

    /// <summary>Share of trials with a veto.</summary>
    public double PVeto => Trials == 0 ? double.NaN : (double)VetoCount / Trials;

    /// <summary>Share of trials with a decisive veto.</summary>
    public double PVetoDecisive => Trials == 0 ? double.NaN : (double)VetoDecisiveCount / Trials;

    /// <summary>The q-quantile of a count histogram: the smallest k with P(count &lt;= k) &gt;= q, for q in (0, 1].</summary>
    public static int Quantile(IReadOnlyList<long> histogram, double q)
    {
        long total = histogram.Sum();
        if (total == 0)
        {
            return 0;
        }

        double target = q * total;
        long cumulative = 0;
        for (int k = 0; k < histogram.Count; k++)
        {
            cumulative += histogram[k];
            if (cumulative >= target)
            {
                return k;
            }
        }

        return histogram.Count - 1;
    }

    /// <summary>Per participant (in the vote's order), over the trials in which the vote was held: P(yes), P(abstain), P(no), P(absent) and P(pivotal).</summary>
    public MemberVoteStatistics Member(int participant)
    {
        int n = Vote.Count;
        double trials = HeldCount;
        return new MemberVoteStatistics(
            Vote.Codes[participant],
            _memberCounts[((int)VoteChoice.Yes * n) + participant] / trials,
            _memberCounts[((int)VoteChoice.Abstain * n) + participant] / trials,
            _memberCounts[((int)VoteChoice.No * n) + participant] / trials,
            _memberCounts[((int)VoteChoice.Absent * n) + participant] / trials,
            _memberCounts[(VoteTrialColumns.PivotalKind * n) + participant] / trials);
    }

    /// <summary>The statistics as plain data, for storing a shard's partial results.</summary>
    public VoteStatisticsState ToState() => new(
        Variant, Vote, Trials, AdoptedCount, ExactSum.Raw, ExactSumOfSquares.Raw, VetoCount, VetoDecisiveCount,
        (long[])VetoCountByMember.Clone(), (long[])YesHistogram.Clone(), (long[])NoHistogram.Clone(),
        (long[])AbstainHistogram.Clone(), (long[])AbsentHistogram.Clone(), (long[])_memberCounts.Clone())
    {
        HeldCount = HeldCount,
        PathCounts = (long[])PathCounts.Clone(),
        DebateCount = DebateCount,
        DebateDayCounts = (long[])DebateDayCounts.Clone(),
        HasPairedDifference = HasPairedDifference,
        PairedSquares = PairedSquares.Raw,
        PairedBaselineSum = PairedBaselineSum.Raw,
        MarginHistogram = (long[])MarginHistogram.Clone(),
        AdoptedMarginHistogram = (long[])AdoptedMarginHistogram.Clone(),
        GivenDraws = GivenDraws,
    };

    /// <summary>
    /// The statistics of several shards of the same variant and vote, added exactly: the result equals the
    /// statistics of a single run over all their trials, bit for bit.
    /// </summary>
    /// <exception cref="ArgumentException">The states are of different variants, votes or member lists.</exception>
    public static VoteStatistics Merge(IReadOnlyList<VoteStatisticsState> states)
    {
        if (states.Count == 0)
        {
            throw new ArgumentException("Nothing to merge.", nameof(states));
        }

        var first = states[0];
        var merged = new VoteStatistics(first.Variant, first.Vote);
        foreach (var state in states)
        {
            if (state.Variant != first.Variant || state.Vote.Id != first.Vote.Id || !state.Vote.Codes.SequenceEqual(first.Vote.Codes)
                || state.Vote.Estimator != first.Vote.Estimator || state.Vote.RuleName != first.Vote.RuleName)
            {
                throw new ArgumentException($"Cannot merge statistics of '{state.Variant}/{state.Vote.Id}' with '{first.Variant}/{first.Vote.Id}': they are not the same vote.", nameof(states));
            }

            merged.Trials += state.Trials;
            merged.HeldCount += state.HeldCount;
            merged.GivenDraws += state.GivenDraws;
            AddInto(merged.PathCounts, state.PathCounts);
            merged.DebateCount += state.DebateCount;
            AddInto(merged.DebateDayCounts, state.DebateDayCounts);
            merged.HasPairedDifference = state.HasPairedDifference;
            var pairedSquares = merged.PairedSquares;
            pairedSquares.Add(FixedPointSum.FromRaw(state.PairedSquares));
            merged.PairedSquares = pairedSquares;
            var pairedBaseline = merged.PairedBaselineSum;
            pairedBaseline.Add(FixedPointSum.FromRaw(state.PairedBaselineSum));
            merged.PairedBaselineSum = pairedBaseline;
            merged.AdoptedCount += state.AdoptedCount;
            var sum = merged.ExactSum;
            sum.Add(FixedPointSum.FromRaw(state.ExactSum));
            merged.ExactSum = sum;
            var squares = merged.ExactSumOfSquares;
            squares.Add(FixedPointSum.FromRaw(state.ExactSumOfSquares));
            merged.ExactSumOfSquares = squares;
            merged.VetoCount += state.VetoCount;
            merged.VetoDecisiveCount += state.VetoDecisiveCount;
            AddInto(merged.VetoCountByMember, state.VetoCountByMember);
            AddInto(merged.YesHistogram, state.YesHistogram);
            AddInto(merged.NoHistogram, state.NoHistogram);
            AddInto(merged.AbstainHistogram, state.AbstainHistogram);
            AddInto(merged.AbsentHistogram, state.AbsentHistogram);
            AddInto(merged.MarginHistogram, state.MarginHistogram);
            AddInto(merged.AdoptedMarginHistogram, state.AdoptedMarginHistogram);
            AddInto(merged._memberCounts, state.MemberCounts);
        }

        return merged;
    }

    private static void AddInto(long[] total, long[] part)
    {
        if (total.Length != part.Length)
        {
            throw new ArgumentException($"Counts of different lengths ({total.Length} and {part.Length}) cannot be merged.", nameof(part));
        }

        for (int i = 0; i < total.Length; i++)
        {
            total[i] += part[i];
        }
    }

    /// <summary>
    /// Adds a block's paired differences against the baseline's results for the same vote and trials. Must be
    /// called with blocks in trial order, like <see cref="Add"/>.
    /// </summary>
    internal void AddPaired(VoteTrialColumns variant, VoteTrialColumns baseline, int count, OutcomeEstimator baselineEstimator)
    {
        HasPairedDifference = true;
        bool exact = Vote.Estimator == OutcomeEstimator.ExactConditional;
        bool baselineExact = baselineEstimator == OutcomeEstimator.ExactConditional;
        var squares = PairedSquares;
        var baselineSum = PairedBaselineSum;
        for (int r = 0; r < count; r++)
        {
            double x = exact ? variant.ExactProbability[r] : (variant.Adopted[r] ? 1.0 : 0.0);
            double y = baselineExact ? baseline.ExactProbability[r] : (baseline.Adopted[r] ? 1.0 : 0.0);
            double d = x - y;
            squares.Add(d * d);
            baselineSum.Add(y);
        }

        PairedSquares = squares;
        PairedBaselineSum = baselineSum;
    }

    /// <summary>
    /// Adds a block's paired differences against the baseline's recorded per-trial estimates for the same trials
    /// (<see cref="BaselineRecord"/>): the same sums as <see cref="AddPaired(VoteTrialColumns, VoteTrialColumns, int, OutcomeEstimator)"/>.
    /// </summary>
    internal void AddPaired(VoteTrialColumns variant, ReadOnlySpan<double> baseline, int count)
    {
        HasPairedDifference = true;
        bool exact = Vote.Estimator == OutcomeEstimator.ExactConditional;
        var squares = PairedSquares;
        var baselineSum = PairedBaselineSum;
        for (int r = 0; r < count; r++)
        {
            double x = exact ? variant.ExactProbability[r] : (variant.Adopted[r] ? 1.0 : 0.0);
            double y = baseline[r];
            double d = x - y;
            squares.Add(d * d);
            baselineSum.Add(y);
        }

        PairedSquares = squares;
        PairedBaselineSum = baselineSum;
    }

    /// <summary>Adds the draws a block of a conditioned variant made (<see cref="TrialBlock.GivenDraws"/>).</summary>
    internal void AddGivenDraws(long draws) => GivenDraws += draws;

    /// <summary>
    /// Adds <paramref name="baseline"/>'s yes, abstain, no and absent counts of the participants marked in
    /// <paramref name="unchanged"/> (not their swings): for a what-if vote recounted through its changed members
    /// (<see cref="ChangedMembersPlan"/>), over the same trials.
    /// </summary>
    internal void AddUnchangedMemberCounts(VoteStatistics baseline, bool[] unchanged)
    {
        int n = Vote.Count;
        for (int kind = 0; kind < VoteTrialColumns.PivotalKind; kind++)
        {
            for (int p = 0; p < n; p++)
            {
                if (unchanged[p])
                {
                    _memberCounts[(kind * n) + p] += baseline._memberCounts[(kind * n) + p];
                }
            }
        }
    }

    // Runs once per block on the consumer thread, over every trial: one pass that reads each column once. It stays one
    // method (over the 60-line guide) until a split is benchmarked before and after (bench/EndToEndBenchmarks).
    // AggressiveOptimization: compiled fully optimised once, on the preloading thread (KernelWarmUp), instead of
    // running the run's blocks through its precompiled, then instrumented, then re-compiled code.
    /// <summary>Adds a block's results for this vote; blocks must come in trial order for the sums to be reproducible.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Add(VoteTrialColumns columns, int count)
    {
        Trials += count;
        var exactSum = ExactSum;
        var exactSquares = ExactSumOfSquares;
        bool exact = Vote.Estimator == OutcomeEstimator.ExactConditional;
        for (int r = 0; r < count; r++)
        {
            if (!columns.Held[r])
            {
                if (exact)
                {
                    exactSum.Add(0.0);
                }

                continue;
            }

            HeldCount++;
            PathCounts[columns.Path[r]]++;
            if (columns.DebateDay[r] > 0)
            {
                DebateCount++;
                DebateDayCounts[columns.DebateDay[r]]++;
            }

            YesHistogram[columns.Yes[r]]++;
            NoHistogram[columns.No[r]]++;
            AbstainHistogram[columns.Abstain[r]]++;
            AbsentHistogram[columns.Absent[r]]++;
            int margin = columns.Yes[r] - Vote.YesNeeded(columns.No[r]) + MarginOffset(Vote.Count);
            MarginHistogram[margin]++;
            if (columns.Adopted[r])
            {
                AdoptedCount++;
                AdoptedMarginHistogram[margin]++;
            }

            var vetoedBy = columns.VetoedBy[r];
            if (vetoedBy != PermanentMembers.None)
            {
                VetoCount++;
                if (columns.Yes[r] >= Vote.Quota)
                {
                    VetoDecisiveCount++;
                }

                for (int p = 0; p < 5; p++)
                {
                    if (((int)vetoedBy & (1 << p)) != 0)
                    {
                        VetoCountByMember[p]++;
                    }
                }
            }

            if (exact)
            {
                double x = columns.ExactProbability[r];
                exactSum.Add(x);
                exactSquares.Add(x * x);
            }
        }

        ExactSum = exactSum;
        ExactSumOfSquares = exactSquares;
        int n = Vote.Count;
        for (int kind = 0; kind < VoteTrialColumns.MemberCountKinds; kind++)
        {
            for (int p = 0; p < n; p++)
            {
                _memberCounts[(kind * n) + p] += columns.MemberCounts[(kind * columns.Stride) + p];
            }
        }
    }
}
