using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// A General Assembly vote of a what-if variant that differs from the recorded baseline's only in some members (a bloc
/// shift, a fixed vote, co-sponsors, a different majority): every other member draws the same numbers and meets the
/// same thresholds and shocks, so its vote in each trial is the baseline's. The kernel then draws and decides only the
/// changed members, under the baseline's plan and the variant's, and takes the trial's tally from the baseline's
/// recorded one minus the first plus the second (<see cref="TrialKernel"/>, "SimulateChangedMembers"); the unchanged
/// members' vote counts are the baseline's (<see cref="VoteStatistics.AddUnchangedMemberCounts"/>), and a trial in
/// which a member can be pivotal is decided whole to count the swings. The results equal a full simulation's bit for
/// bit (tests: ChangedMembersPlanTests).
/// </summary>
/// <remarks>
/// Used only when the answer cannot differ: both plans dynamic (shocks or position draws), no conditions, announced
/// votes or drift, no permanent members, the variant's estimator sampled (the exact one needs every member's
/// probabilities), the same members, random keys and shocks (sizes, keys and the analog's shift), and at most half of
/// the members changed (beyond that the full simulation costs about the same). Otherwise the vote is simulated whole.
/// </remarks>
internal sealed class ChangedMembersPlan
{
    private ChangedMembersPlan(VotePlan plan, VotePlan baseline, int[] changed, bool[] unchanged, short[][] tallies, long firstTrial)
    {
        Plan = plan;
        Changed = changed;
        Unchanged = unchanged;
        BaselineYes = tallies[0];
        BaselineNo = tallies[1];
        BaselineAbsent = tallies[2];
        FirstTrial = firstTrial;
        Padded = Math.Max(VotePlan.Lanes, (changed.Length + VotePlan.Lanes - 1) / VotePlan.Lanes * VotePlan.Lanes);
        NoiseKey = Gather(changed, Padded, baseline.NoiseKey, 0UL);
        PositionKey = Gather(changed, Padded, baseline.PositionKey, 0UL);
        Variant = new Members(plan, changed, Padded);
        Baseline = new Members(baseline, changed, Padded);
        SharedMemberShocks = Variant.BlocOffsets.AsSpan().SequenceEqual(Baseline.BlocOffsets) && Variant.Blocs.AsSpan().SequenceEqual(Baseline.Blocs);
    }

    /// <summary>Whether every changed member is in the same shocked blocs in both plans (none fixed its vote), so its shock is computed once.</summary>
    public bool SharedMemberShocks { get; }

    /// <summary>The variant's plan of the vote.</summary>
    public VotePlan Plan { get; }

    /// <summary>Participants (indices into the vote's) whose plan differs from the baseline's, ascending.</summary>
    public int[] Changed { get; }

    /// <summary>Per participant, whether its vote is the baseline's in every trial.</summary>
    public bool[] Unchanged { get; }

    /// <summary><see cref="Changed"/> rounded up to whole vectors (at least one).</summary>
    public int Padded { get; }

    /// <summary>The changed members' vote-noise keys (padding: 0, drawn and ignored).</summary>
    public ulong[] NoiseKey { get; }

    /// <summary>The changed members' position keys.</summary>
    public ulong[] PositionKey { get; }

    /// <summary>The changed members under the variant's plan.</summary>
    public Members Variant { get; }

    /// <summary>The changed members under the baseline's plan.</summary>
    public Members Baseline { get; }

    /// <summary>The baseline's yes count per recorded trial (from <see cref="FirstTrial"/>).</summary>
    public short[] BaselineYes { get; }

    /// <summary>The baseline's no count per recorded trial.</summary>
    public short[] BaselineNo { get; }

    /// <summary>The baseline's absent count per recorded trial.</summary>
    public short[] BaselineAbsent { get; }

    /// <summary>The first recorded trial.</summary>
    public long FirstTrial { get; }

    /// <summary>
    /// Per variant and vote, the plan of the votes a run on <paramref name="record"/> may simulate through their changed
    /// members only; null entries (and row 0, the baseline) are simulated whole.
    /// </summary>
    public static ChangedMembersPlan?[][] ForRun(SimulationModel model, VotePlan[][] plans, BaselineRecord record)
    {
        var result = new ChangedMembersPlan?[plans.Length][];
        result[0] = new ChangedMembersPlan?[plans[0].Length];
        bool baselineConditioned = plans[0].Any(p => p.Vote.Given.Count > 0);
        for (int v = 1; v < plans.Length; v++)
        {
            result[v] = new ChangedMembersPlan?[plans[v].Length];
            bool eligible = !baselineConditioned && model.Variants[v].Drift is null && model.Variants[0].Drift is null && plans[v].All(p => p.Vote.Given.Count == 0);
            for (int j = 0; eligible && j < plans[v].Length; j++)
            {
                result[v][j] = For(plans[0][j], plans[v][j], record.Tallies[j], record.FirstTrial);
            }
        }

        return result;
    }

    /// <summary>The plan for one vote, or null when it must be simulated whole (see the remarks).</summary>
    internal static ChangedMembersPlan? For(VotePlan baseline, VotePlan plan, short[][] tallies, long firstTrial)
    {
        if (!Comparable(baseline) || !Comparable(plan) || plan.Vote.Estimator != OutcomeEstimator.Sampled
            || baseline.Count != plan.Count || baseline.Padded != plan.Padded || baseline.HasShocks != plan.HasShocks
            || baseline.HasLoading != plan.HasLoading || !SameShocks(baseline, plan)
            || !baseline.Roster.AsSpan().SequenceEqual(plan.Roster) || !baseline.DrawsLike(plan))
        {
            return null;
        }

        var unchanged = new bool[plan.Count];
        var changed = new List<int>();
        for (int i = 0; i < plan.Count; i++)
        {
            unchanged[i] = SameMember(baseline, plan, i);
            if (!unchanged[i])
            {
                changed.Add(i);
            }
        }

        return 2 * changed.Count > plan.Count ? null : new ChangedMembersPlan(plan, baseline, changed.ToArray(), unchanged, tallies, firstTrial);
    }

    /// <summary>A vote the recount can serve: an unconditional, dynamic Assembly vote without drift or vetoes.</summary>
    private static bool Comparable(VotePlan plan) =>
        plan.Vote.Body == Body.GeneralAssembly && plan.Vote.Conditions.Count == 0 && !plan.IsStatic && plan.DriftYearIndex < 0
        && !plan.FansAdoption && plan.Permanent.Length == 0 && !plan.Vote.DebatesVeto && plan.Vote.Given.Count == 0;

    private static bool SameShocks(VotePlan a, VotePlan b) =>
        a.ShockKeys.AsSpan().SequenceEqual(b.ShockKeys) && Bits(a.ShockSds).SequenceEqual(Bits(b.ShockSds))
        && a.ShockedBlocs.AsSpan().SequenceEqual(b.ShockedBlocs) && a.AnalogPickKey == b.AnalogPickKey
        && SameAnalogShift(a.AnalogShift, b.AnalogShift);

    /// <summary>The same analog shift, its offsets compared value by value (each variant's compile makes its own list).</summary>
    private static bool SameAnalogShift(AnalogShiftDistribution a, AnalogShiftDistribution b) =>
        Same(a.NarrowSd, b.NarrowSd) && Same(a.WideSd, b.WideSd) && Same(a.WideProbability, b.WideProbability)
        && a.Offsets.Count == b.Offsets.Count && a.Offsets.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.Offsets.Select(BitConverter.DoubleToInt64Bits));

    /// <summary>Whether participant <paramref name="i"/> meets the same thresholds, mean, loading, absence and shocks in both plans.</summary>
    private static bool SameMember(VotePlan a, VotePlan b, int i) =>
        Same(a.Mean[i], b.Mean[i]) && Same(a.Loading[i], b.Loading[i]) && Same(a.NoBelow[i], b.NoBelow[i])
        && Same(a.YesFrom[i], b.YesFrom[i]) && Same(a.Absence[i], b.Absence[i])
        && a.MemberBlocs.AsSpan(a.MemberBlocOffsets[i], a.MemberBlocOffsets[i + 1] - a.MemberBlocOffsets[i])
            .SequenceEqual(b.MemberBlocs.AsSpan(b.MemberBlocOffsets[i], b.MemberBlocOffsets[i + 1] - b.MemberBlocOffsets[i]));

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static ReadOnlySpan<long> Bits(double[] values) => System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(values.AsSpan());

    private static T[] Gather<T>(int[] indices, int padded, T[] from, T padding)
    {
        var result = new T[padded];
        for (int k = 0; k < padded; k++)
        {
            result[k] = k < indices.Length ? from[indices[k]] : padding;
        }

        return result;
    }

    /// <summary>
    /// The changed members' arrays under one plan, gathered into whole vectors; padding lanes abstain (mean 0,
    /// cut-points -inf and +inf, never absent) and are left out of the counts.
    /// </summary>
    internal sealed class Members
    {
        public Members(VotePlan plan, int[] changed, int padded)
        {
            Mean = Gather(changed, padded, plan.Mean, 0.0);
            Loading = Gather(changed, padded, plan.Loading, 0.0);
            NoBelow = Gather(changed, padded, plan.NoBelow, double.NegativeInfinity);
            YesFrom = Gather(changed, padded, plan.YesFrom, double.PositiveInfinity);
            Absence = Gather(changed, padded, plan.Absence, 0.0);
            BlocOffsets = new int[changed.Length + 1];
            var blocs = new List<int>();
            for (int k = 0; k < changed.Length; k++)
            {
                int i = changed[k];
                blocs.AddRange(plan.MemberBlocs.AsSpan(plan.MemberBlocOffsets[i], plan.MemberBlocOffsets[i + 1] - plan.MemberBlocOffsets[i]).ToArray());
                BlocOffsets[k + 1] = blocs.Count;
            }

            Blocs = blocs.ToArray();
        }

        public double[] Mean { get; }

        public double[] Loading { get; }

        public double[] NoBelow { get; }

        public double[] YesFrom { get; }

        public double[] Absence { get; }

        /// <summary>Changed member k's shocked blocs are <c>Blocs[BlocOffsets[k]..BlocOffsets[k + 1]]</c>, as in <see cref="VotePlan.MemberBlocs"/>.</summary>
        public int[] BlocOffsets { get; }

        public int[] Blocs { get; }
    }
}
