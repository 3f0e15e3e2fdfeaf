using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation.Simd;

namespace StemSimulator.Engine.Simulation;

// A what-if's vote recounted from the recorded baseline: only the members whose plan changed are drawn and decided.
internal sealed partial class TrialKernel
{
    /// <summary>
    /// One trial of a vote through its changed members (<see cref="ChangedMembersPlan"/>): their draws and shocks, each
    /// one's vote under the baseline's plan and under the variant's, and the trial's tally as the baseline's recorded one
    /// with the first replaced by the second. Every number is computed as <see cref="SimulateVote"/> computes it for the
    /// same member and trial, so the columns are those of a full simulation; the unchanged members' vote counts are
    /// added after the run. A trial in which a member can be pivotal is decided whole for the swings.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SimulateChangedMembers(ChangedMembersPlan delta, ChangedMembersScratch scratch, int voteIndex, CounterRandom random, VoteTrialColumns columns, int row, long trial)
    {
        var plan = delta.Plan;
        var vote = plan.Vote;
        int k = delta.Padded;
        var trialKey = Vector256.Create(random.TrialKey);
        for (int i = 0; i < k; i += VotePlan.Lanes)
        {
            var bits = SimdMath.Mix(trialKey + Load(delta.NoiseKey, i));
            Store(scratch.AbsenceUniform, i, SimdMath.UniformHigh(bits));
            Store(scratch.Uniform, i, SimdMath.UniformLow(bits));
            if (plan.HasLoading)
            {
                Store(scratch.Uniform, k + i, SimdMath.UniformLow(SimdMath.Mix(trialKey + Load(delta.PositionKey, i))));
            }
        }

        SimdMath.InverseNormal(scratch.Uniform, scratch.Normal, plan.HasLoading ? 2 * k : k, scratch.TailIndex);
        if (plan.HasShocks)
        {
            DrawShockValues(plan, random, null, 0);
            double common = _shockDraws[0] + _shockDraws[plan.ShockedBlocs.Length + 1];
            MemberShocks(delta.Baseline, common, scratch.BaselineShock);
            MemberShocks(delta.Variant, common, scratch.VariantShock);
        }

        var before = DecideChanged(plan, delta.Baseline, scratch, scratch.BaselineShock, null, null);
        var after = DecideChanged(plan, delta.Variant, scratch, scratch.VariantShock, delta.Changed, columns);
        int at = (int)(trial - delta.FirstTrial);
        int yes = delta.BaselineYes[at] - before.Yes + after.Yes;
        int no = delta.BaselineNo[at] - before.No + after.No;
        int absent = delta.BaselineAbsent[at] - before.Absent + after.Absent;
        var tally = new VoteTally(yes, no, plan.Count - yes - no - absent, absent);
        bool adopted = vote.IsAdopted(yes, no, PermanentMembers.None);
        _held[voteIndex] = true;
        columns.Held[row] = true;
        columns.Path[row] = 0;
        columns.Yes[row] = (short)yes;
        columns.No[row] = (short)no;
        columns.Abstain[row] = (short)tally.Abstain;
        columns.Absent[row] = (short)absent;
        columns.Adopted[row] = adopted;
        columns.VetoedBy[row] = vote.VetoedBy(PermanentMembers.None);
        columns.DebateDay[row] = 0;
        columns.ExactProbability[row] = double.NaN;
        _outcomes[voteIndex] = new VoteOutcome(tally, adopted, columns.VetoedBy[row]);
        if (MayBePivotal(vote, yes, no))
        {
            // Which members decide it needs every member's vote: the trial decided whole (its counts are not kept).
            int shockOffset = Draw(plan, random, _own, normals: true, positions: plan.HasLoading, shocks: plan.HasShocks);
            if (plan.HasShocks)
            {
                DrawShocks(plan, random, _own.Normal, shockOffset);
            }

            var whole = DecideDynamic(plan, _own, scratch.WholeCounts, false, _pYes, _pNo, 0);
            if (whole.Yes != yes || whole.No != no || whole.Absent != absent)
            {
                throw new InvalidOperationException($"Trial {trial}: the recount of the changed members gave {yes}-{no}-{absent}, the whole vote {whole.Yes}-{whole.No}-{whole.Absent}.");
            }

            CountPivotalAssembly(plan, columns.MemberCounts, yes, no);
        }
    }

    /// <summary>Whether any member can decide an Assembly vote of this tally (as <see cref="CountPivotalAssembly"/> decides).</summary>
    private static bool MayBePivotal(VoteModel vote, int yes, int no)
    {
        bool Pivotal(int othersYes, int othersNo) =>
            vote.IsAdopted(othersYes + 1, othersNo, PermanentMembers.None) && !vote.IsAdopted(othersYes, othersNo + 1, PermanentMembers.None);
        return (yes > 0 && Pivotal(yes - 1, no)) || (no > 0 && Pivotal(yes, no - 1)) || Pivotal(yes, no);
    }

    /// <summary>Each changed member's shock: the common part plus its blocs' in the blocs' order, as <see cref="DrawShocks"/> sums it.</summary>
    private void MemberShocks(ChangedMembersPlan.Members members, double common, double[] shocks)
    {
        var offsets = members.BlocOffsets;
        var blocs = members.Blocs;
        for (int k = 0; k < offsets.Length - 1; k++)
        {
            double shock = common;
            for (int b = offsets[k]; b < offsets[k + 1]; b++)
            {
                shock += _shockDraws[blocs[b] + 1];
            }

            shocks[k] = shock;
        }
    }

    /// <summary>
    /// The changed members' votes under one plan, lane by lane as <see cref="DecideDynamic"/> decides them; with
    /// <paramref name="participants"/>, each vote is also counted for its member in <paramref name="columns"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static VoteTally DecideChanged(VotePlan plan, ChangedMembersPlan.Members members, ChangedMembersScratch scratch, double[] shock, int[]? participants, VoteTrialColumns? columns)
    {
        int k = scratch.AbsenceUniform.Length;
        var normal = scratch.Normal;
        int yes = 0, no = 0, absent = 0;
        for (int i = 0; i < k; i += VotePlan.Lanes)
        {
            var mean = Load(members.Mean, i);
            if (plan.HasLoading)
            {
                mean = Vector256.FusedMultiplyAdd(Load(members.Loading, i), Load(normal, k + i), mean);
            }

            if (plan.HasShocks)
            {
                mean += Load(shock, i);
            }

            var latent = mean + Load(normal, i);
            var absentMask = Vector256.LessThan(Load(scratch.AbsenceUniform, i), Load(members.Absence, i));
            var noMask = Vector256.AndNot(Vector256.LessThan(latent, Load(members.NoBelow, i)), absentMask);
            var yesMask = Vector256.AndNot(Vector256.GreaterThanOrEqual(latent, Load(members.YesFrom, i)), absentMask);
            yes += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(yesMask.AsInt64()));
            no += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(noMask.AsInt64()));
            absent += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(absentMask.AsInt64()));
            if (participants is not null)
            {
                // Codes: yes 0, abstain 1, no 2, absent 3, as Record stores them.
                var code = Vector256.Create(1L) + yesMask.AsInt64() - noMask.AsInt64();
                Store(scratch.Code, i, Vector256.ConditionalSelect(absentMask.AsInt64(), Vector256.Create(3L), code));
            }
        }

        if (participants is not null)
        {
            var counts = columns!.MemberCounts;
            int stride = columns.Stride;
            for (int c = 0; c < participants.Length; c++)
            {
                counts[((int)scratch.Code[c] * stride) + participants[c]]++;
            }
        }

        // Padding lanes abstain: they are in none of the three counts.
        return new VoteTally(yes, no, 0, absent);
    }

    /// <summary>One kernel's buffers for a vote simulated through its changed members.</summary>
    private sealed class ChangedMembersScratch(ChangedMembersPlan delta)
    {
        public double[] AbsenceUniform { get; } = new double[delta.Padded];

        /// <summary>Vote-noise uniforms at [0, k), position uniforms at [k, 2k).</summary>
        public double[] Uniform { get; } = new double[2 * delta.Padded];

        public double[] Normal { get; } = new double[2 * delta.Padded];

        public int[] TailIndex { get; } = new int[(2 * delta.Padded) + 4];

        public double[] BaselineShock { get; } = new double[delta.Padded];

        public double[] VariantShock { get; } = new double[delta.Padded];

        public long[] Code { get; } = new long[delta.Padded];

        /// <summary>The counts of a trial decided whole for its swings (never read).</summary>
        public long[] WholeCounts { get; } = new long[delta.Plan.Padded * VoteTrialColumns.MemberCountKinds];
    }
}
