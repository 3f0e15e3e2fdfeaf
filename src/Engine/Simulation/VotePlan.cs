using System.Runtime.CompilerServices;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// A vote laid out for the vectorised kernel: member arrays padded to a multiple of four lanes, the per-member
/// random keys computed once, fixed votes folded into the thresholds, and the bloc shocks inverted into
/// per-bloc member lists. Built once per run and shared read-only by all workers.
/// </summary>
/// <remarks>
/// Fixed votes become thresholds: yes is Mean 0 with cut-points (-inf, -inf), no is (+inf, +inf), abstain is
/// (-inf, +inf), absent has absence probability 1; the same comparisons then give the fixed choice with no
/// branch. Padding lanes are phantom abstainers, removed from the counts.
/// </remarks>
internal sealed class VotePlan
{
    public const int Lanes = 4;

    // Lays out every per-member array the kernel reads (padded to whole vectors) in one pass over the participants; it
    // runs once per run, and stays one method (over the 60-line guide) until a split is benchmarked with the kernel.
    public VotePlan(VoteModel vote)
    {
        Vote = vote;
        Count = vote.Count;
        Padded = (Count + Lanes - 1) / Lanes * Lanes;
        Mean = new double[Padded];
        Loading = new double[Padded];
        NoBelow = new double[Padded];
        YesFrom = new double[Padded];
        Absence = new double[Padded];
        NoiseKey = new ulong[Padded];
        PositionKey = new ulong[Padded];
        for (int i = 0; i < Padded; i++)
        {
            NoBelow[i] = double.NegativeInfinity;
            YesFrom[i] = double.PositiveInfinity;
        }

        for (int i = 0; i < Count; i++)
        {
            int roster = vote.RosterIndex[i];
            NoiseKey[i] = CounterRandom.MemberKey(RandomPurpose.VoteNoise, vote.Stream, roster);
            PositionKey[i] = CounterRandom.MemberKey(RandomPurpose.Position, 0, roster);
            switch (vote.Fixed[i])
            {
                case (sbyte)VoteChoice.Yes:
                    NoBelow[i] = double.NegativeInfinity;
                    YesFrom[i] = double.NegativeInfinity;
                    break;
                case (sbyte)VoteChoice.No:
                    NoBelow[i] = double.PositiveInfinity;
                    YesFrom[i] = double.PositiveInfinity;
                    break;
                case (sbyte)VoteChoice.Abstain:
                    break;
                case (sbyte)VoteChoice.Absent:
                    Absence[i] = 1.0;
                    break;
                default:
                    Mean[i] = vote.Mean[i];
                    Loading[i] = vote.PositionLoading[i];
                    NoBelow[i] = vote.NoBelow[i];
                    YesFrom[i] = vote.YesFrom[i];
                    Absence[i] = vote.Absence[i];
                    break;
            }
        }

        HasLoading = Loading.Any(l => l != 0);
        DriftYearIndex = vote.DriftYearIndex;
        DriftBeta = vote.DriftBeta;
        FansAdoption = DriftYearIndex >= 0 && vote.Body == Body.GeneralAssembly;
        Roster = new int[Padded];
        Array.Copy(vote.RosterIndex, Roster, Count);
        var sds = vote.Shocks.BlocSds;
        ShockedBlocs = Enumerable.Range(0, sds.Count).Where(b => sds[b] > 0).ToArray();
        // Per participant, its shocked blocs (indices k into ShockedBlocs) in ascending order.
        var memberBlocs = Enumerable.Range(0, Count).Select(_ => new List<int>()).ToArray();
        for (int k = 0; k < ShockedBlocs.Length; k++)
        {
            for (int i = 0; i < Count; i++)
            {
                for (int j = vote.BlocOffsets[i]; j < vote.BlocOffsets[i + 1]; j++)
                {
                    if (vote.BlocIndices[j] == ShockedBlocs[k] && vote.Fixed[i] < 0)
                    {
                        memberBlocs[i].Add(k);
                    }
                }
            }
        }

        MemberBlocOffsets = new int[Count + 1];
        for (int i = 0; i < Count; i++)
        {
            MemberBlocOffsets[i + 1] = MemberBlocOffsets[i] + memberBlocs[i].Count;
        }

        MemberBlocs = memberBlocs.SelectMany(b => b).ToArray();
        HasShocks = vote.Shocks.GlobalSd > 0 || MemberBlocs.Length > 0 || vote.AnalogShift.WideSd > 0 || vote.AnalogShift.IsEmpirical;
        IsStatic = !HasShocks && !HasLoading && DriftYearIndex < 0;
        if (IsStatic)
        {
            StaticNoBelowUniform = new double[Padded];
            StaticYesFromUniform = new double[Padded];
            for (int i = 0; i < Padded; i++)
            {
                StaticNoBelowUniform[i] = StandardNormal.Cdf(NoBelow[i] - Mean[i]);
                StaticYesFromUniform[i] = StandardNormal.Cdf(YesFrom[i] - Mean[i]);
            }
        }

        Permanent = Enumerable.Range(0, Count).Where(i => vote.Permanent[i] != PermanentMembers.None).ToArray();
        DebateDayKey = CounterRandom.MemberKey(RandomPurpose.DebateDay, vote.Stream, 0);
        CouncilQuota = vote.CouncilRule.Quota;
        CouncilBlocking = vote.Decision == CouncilDecision.Procedural ? int.MaxValue : vote.CouncilRule.VetoBlocking;
        // Draw 0: the global shock; 1..B: the blocs'; B + 1: the analog's shift.
        int shockDraws = (ShockedBlocs.Length + 2 + Lanes - 1) / Lanes * Lanes;
        ShockKeys = new ulong[shockDraws];
        ShockSds = new double[shockDraws];
        ShockKeys[0] = CounterRandom.MemberKey(RandomPurpose.GlobalShock, vote.Stream, 0);
        ShockSds[0] = vote.Shocks.GlobalSd;
        for (int k = 0; k < ShockedBlocs.Length; k++)
        {
            ShockKeys[k + 1] = CounterRandom.MemberKey(RandomPurpose.BlocShock, vote.Stream, ShockedBlocs[k]);
            ShockSds[k + 1] = sds[ShockedBlocs[k]];
        }

        ShockKeys[ShockedBlocs.Length + 1] = CounterRandom.MemberKey(RandomPurpose.AnalogShift, vote.Stream, 0);

        // A mixture draws a unit normal here and scales it by the component draw 1 picks (AnalogScale); a normal shift
        // keeps its sd here, so a spread set by hand draws exactly the numbers it always did. An empirical shift keeps
        // its normal part's sd here and adds the offset draw 1 picks (AnalogOffset).
        AnalogShift = vote.AnalogShift;
        ShockSds[ShockedBlocs.Length + 1] = AnalogShift.IsMixture ? 1.0 : AnalogShift.NarrowSd;
        AnalogPickKey = CounterRandom.MemberKey(RandomPurpose.AnalogShift, vote.Stream, 1);
    }

    /// <summary>The analog's shift; a mixture's component is picked per trial by <see cref="AnalogScale"/>.</summary>
    public AnalogShiftDistribution AnalogShift { get; }

    /// <summary>Key of the uniform that picks a mixture's component (draw 1 of <see cref="RandomPurpose.AnalogShift"/>).</summary>
    public ulong AnalogPickKey { get; }

    /// <summary>
    /// The factor of the analog's shift draw (index <see cref="ShockedBlocs"/>.Length + 1) in the trial of
    /// <paramref name="random"/>: 1 for a normal shift (its sd is already in <see cref="ShockSds"/>), else the sd of the
    /// component the trial's uniform picks.
    /// </summary>
    public double AnalogScale(CounterRandom random) =>
        AnalogShift.IsMixture ? AnalogShift.ScaleFor(random.Uniform(AnalogPickKey)) : 1.0;

    /// <summary>
    /// The offset added to the analog's shift draw in the trial of <paramref name="random"/>: for an empirical shift the
    /// one the trial's uniform (draw 1) picks, else 0.
    /// </summary>
    // AggressiveInlining: see VoteModel.IsAdopted.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double AnalogOffset(CounterRandom random) =>
        AnalogShift.IsEmpirical ? AnalogShift.OffsetFor(random.Uniform(AnalogPickKey)) : 0.0;

    /// <summary>
    /// Whether this vote draws exactly the baseline's numbers for the same vote (same members, same keys), so the
    /// kernel draws them once per trial for all such variants. Set by <see cref="TrialKernel.Plan"/>.
    /// </summary>
    public bool SharesDrawsWithBaseline { get; set; }

    /// <summary>
    /// Whether the kernel keeps this vote's draws for another variant: true when this plan shares the baseline's
    /// draws and at least one other variant's plan does too. Otherwise draws are computed inline, without a pass
    /// through memory.
    /// </summary>
    public bool DrawsReused { get; set; }

    /// <summary>
    /// Whether the normal quantiles of the draws are needed: set on every variant's plan of a vote when any of them
    /// is dynamic, so shared draws always carry them.
    /// </summary>
    public bool NeedsNormalDraws { get; set; }

    /// <summary>Keys of the shocks: the global shock first, then each shocked bloc's, then the analog's shift; padded to whole vectors.</summary>
    public ulong[] ShockKeys { get; }

    /// <summary>Standard deviations aligned with <see cref="ShockKeys"/> (zero in the padding).</summary>
    public double[] ShockSds { get; }

    /// <summary>Whether two plans draw the same per-member numbers.</summary>
    public bool DrawsLike(VotePlan other) =>
        NoiseKey.AsSpan().SequenceEqual(other.NoiseKey) && PositionKey.AsSpan().SequenceEqual(other.PositionKey);

    public VoteModel Vote { get; }

    /// <summary>Real participants.</summary>
    public int Count { get; }

    /// <summary>Participants rounded up to whole vectors.</summary>
    public int Padded { get; }

    public double[] Mean { get; }

    public double[] Loading { get; }

    public double[] NoBelow { get; }

    public double[] YesFrom { get; }

    public double[] Absence { get; }

    /// <summary><see cref="CounterRandom.MemberKey"/> of each participant's vote noise (high 32 bits: absence; low: latent noise).</summary>
    public ulong[] NoiseKey { get; }

    /// <summary><see cref="CounterRandom.MemberKey"/> of each participant's position draw (shared by every vote of a trial).</summary>
    public ulong[] PositionKey { get; }

    public bool HasLoading { get; }

    /// <summary>Index of the vote's year in the drift path, or -1 when positions do not drift.</summary>
    public int DriftYearIndex { get; }

    /// <summary>Discrimination multiplying the drifted position.</summary>
    public double DriftBeta { get; }

    /// <summary>
    /// An Assembly vote on drifted positions: each trial's conditional probability of adoption is computed (for the
    /// fan chart) and the blocs' cohesion counted.
    /// </summary>
    public bool FansAdoption { get; }

    /// <summary>Roster index per participant, padded (phantom lanes read member 0 and are discarded).</summary>
    public int[] Roster { get; }

    public bool HasShocks { get; }

    /// <summary>No shocks and no position uncertainty: thresholds can be compared in uniform space, with no normal draws.</summary>
    public bool IsStatic { get; }

    /// <summary>For a static vote, Phi(NoBelow - Mean): the uniform below which the member votes no.</summary>
    public double[]? StaticNoBelowUniform { get; }

    /// <summary>For a static vote, Phi(YesFrom - Mean): the uniform from which the member votes yes.</summary>
    public double[]? StaticYesFromUniform { get; }

    /// <summary>Indices (into the shock model's blocs) of blocs with a shock.</summary>
    public int[] ShockedBlocs { get; }

    /// <summary>
    /// Participant i's shocked blocs, as indices k into <see cref="ShockedBlocs"/> in ascending order, are
    /// <c>MemberBlocs[MemberBlocOffsets[i]..MemberBlocOffsets[i + 1]]</c>: a participant's shock adds them in the
    /// blocs' order.
    /// </summary>
    public int[] MemberBlocOffsets { get; }

    public int[] MemberBlocs { get; }

    /// <summary>Participant indices of the permanent members (Council only).</summary>
    public int[] Permanent { get; }

    /// <summary>
    /// A Council vote with the exact estimator, not static, under a single veto (or none): its exact programme runs
    /// four trials at a time (<see cref="ExactAdoption.SingleVetoFourTrials"/>).
    /// </summary>
    public bool BatchesCouncilExact => Vote.Body == Body.SecurityCouncil && Vote.Estimator == OutcomeEstimator.ExactConditional
        && !IsStatic && ExactAdoption.IsSingleVeto(Vote.Decision, Vote.CouncilRule);

    /// <summary><see cref="CounterRandom.MemberKey"/> of the draw of the debate's working day after a veto.</summary>
    public ulong DebateDayKey { get; }

    /// <summary>Council: affirmative votes needed.</summary>
    public int CouncilQuota { get; }

    /// <summary>
    /// Council: how many permanent members voting no block the draft; <see cref="int.MaxValue"/> (never) for a
    /// procedural decision or a Council without the veto.
    /// </summary>
    public int CouncilBlocking { get; }
}
