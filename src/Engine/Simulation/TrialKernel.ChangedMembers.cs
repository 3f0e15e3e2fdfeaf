using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation.Simd;

namespace StemSimulator.Engine.Simulation;

// A what-if's vote recounted from the recorded baseline: only the members whose plan changed are drawn and decided.
// Every method here runs per trial or per block and is compiled fully optimised from its first call, like the rest of
// the kernel: a server's requests would otherwise run them as tier-0 code for several requests.
internal sealed partial class TrialKernel
{
    /// <summary>
    /// One trial of a vote through its changed members (<see cref="ChangedMembersPlan"/>): their draws and shocks, each
    /// one's vote under the baseline's plan and under the variant's, and the trial's tally as the baseline's recorded one
    /// with the first replaced by the second. Every number is computed as <see cref="SimulateVote"/> computes it for the
    /// same member and trial, so the columns are those of a full simulation; the unchanged members' vote counts are
    /// added after the run. A trial in which a member can be pivotal is decided whole for the swings.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization), WhatIfRecount]
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
        if (plan.HasShocks && delta.Changed.Length > 0)
        {
            DrawShockValues(plan, random, null, 0);
            double common = _shockDraws[0] + _shockDraws[plan.ShockedBlocs.Length + 1];
            MemberShocks(delta.Variant, common, scratch.VariantShock);
            if (!delta.SharedMemberShocks)
            {
                MemberShocks(delta.Baseline, common, scratch.BaselineShock);
            }
        }

        var (before, after) = DecideChanged(plan, delta, scratch, delta.SharedMemberShocks ? scratch.VariantShock : scratch.BaselineShock);
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
            CountSwingsOfWholeTrial(plan, scratch, random, columns, tally, trial);
        }
    }

    /// <summary>
    /// Which members decide a trial needs every member's vote: the trial decided whole (its vote counts are not kept,
    /// they are the recount's), its tally checked against the recount, and every member's swing counted.
    /// </summary>
    /// <exception cref="InvalidOperationException">The whole trial's tally is not the recount's (a defect, never expected).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization), WhatIfRecount]
    private void CountSwingsOfWholeTrial(VotePlan plan, ChangedMembersScratch scratch, CounterRandom random, VoteTrialColumns columns, VoteTally tally, long trial)
    {
        int shockOffset = Draw(plan, random, _own, normals: true, positions: plan.HasLoading, shocks: plan.HasShocks);
        if (plan.HasShocks)
        {
            DrawShocks(plan, random, _own.Normal, shockOffset);
        }

        var whole = DecideDynamic(plan, _own, scratch.WholeCounts, false, _pYes, _pNo, 0);
        if (whole.Yes != tally.Yes || whole.No != tally.No || whole.Absent != tally.Absent)
        {
            throw new InvalidOperationException($"Trial {trial}: the recount of the changed members gave {tally.Yes}-{tally.No}-{tally.Absent}, the whole vote {whole.Yes}-{whole.No}-{whole.Absent}.");
        }

        CountPivotalAssembly(plan, columns.MemberCounts, tally.Yes, tally.No);
    }

    /// <summary>Whether any member can decide an Assembly vote of this tally (as <see cref="CountPivotalAssembly"/> decides).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization), WhatIfRecount]
    private static bool MayBePivotal(VoteModel vote, int yes, int no)
    {
        bool Pivotal(int othersYes, int othersNo) =>
            vote.IsAdopted(othersYes + 1, othersNo, PermanentMembers.None) && !vote.IsAdopted(othersYes, othersNo + 1, PermanentMembers.None);
        return (yes > 0 && Pivotal(yes - 1, no)) || (no > 0 && Pivotal(yes, no - 1)) || Pivotal(yes, no);
    }

    /// <summary>Each changed member's shock: the common part plus its blocs' in the blocs' order, as <see cref="DrawShocks"/> sums it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization), WhatIfRecount]
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
    /// The changed members' votes under the baseline's plan and under the variant's, lane by lane as
    /// <see cref="DecideDynamic"/> decides them; the variant's are added to the kernel's counts of the changed members
    /// (<see cref="FlushChangedMemberCounts"/> hands them to the block).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization), WhatIfRecount]
    private static (VoteTally Before, VoteTally After) DecideChanged(VotePlan plan, ChangedMembersPlan delta, ChangedMembersScratch scratch, double[] baselineShock)
    {
        int k = delta.Padded;
        var normal = scratch.Normal;
        var counts = scratch.Counts;
        var before = delta.Baseline;
        var after = delta.Variant;
        int yesBefore = 0, noBefore = 0, absentBefore = 0, yesAfter = 0, noAfter = 0, absentAfter = 0;
        for (int i = 0; i < k; i += VotePlan.Lanes)
        {
            var noise = Load(normal, i);
            var absence = Load(scratch.AbsenceUniform, i);
            var meanBefore = Load(before.Mean, i);
            var meanAfter = Load(after.Mean, i);
            if (plan.HasLoading)
            {
                var position = Load(normal, k + i);
                meanBefore = Vector256.FusedMultiplyAdd(Load(before.Loading, i), position, meanBefore);
                meanAfter = Vector256.FusedMultiplyAdd(Load(after.Loading, i), position, meanAfter);
            }

            if (plan.HasShocks)
            {
                meanBefore += Load(baselineShock, i);
                meanAfter += Load(scratch.VariantShock, i);
            }

            var latent = meanBefore + noise;
            var absentMask = Vector256.LessThan(absence, Load(before.Absence, i)).AsInt64();
            var noMask = Vector256.AndNot(Vector256.LessThan(latent, Load(before.NoBelow, i)).AsInt64(), absentMask);
            var yesMask = Vector256.AndNot(Vector256.GreaterThanOrEqual(latent, Load(before.YesFrom, i)).AsInt64(), absentMask);
            yesBefore += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(yesMask));
            noBefore += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(noMask));
            absentBefore += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(absentMask));

            latent = meanAfter + noise;
            absentMask = Vector256.LessThan(absence, Load(after.Absence, i)).AsInt64();
            noMask = Vector256.AndNot(Vector256.LessThan(latent, Load(after.NoBelow, i)).AsInt64(), absentMask);
            yesMask = Vector256.AndNot(Vector256.GreaterThanOrEqual(latent, Load(after.YesFrom, i)).AsInt64(), absentMask);
            yesAfter += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(yesMask));
            noAfter += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(noMask));
            absentAfter += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(absentMask));

            // Kind-major counts of the changed members (yes, abstain, no, absent), masks -1 where set, as Record keeps them.
            var abstainMask = ~(yesMask | noMask | absentMask);
            Store(counts, i, Load(counts, i) - yesMask);
            Store(counts, k + i, Load(counts, k + i) - abstainMask);
            Store(counts, (2 * k) + i, Load(counts, (2 * k) + i) - noMask);
            Store(counts, (3 * k) + i, Load(counts, (3 * k) + i) - absentMask);
        }

        // Padding lanes abstain: they are in none of the three counts (and their counters are never handed on).
        return (new VoteTally(yesBefore, noBefore, 0, absentBefore), new VoteTally(yesAfter, noAfter, 0, absentAfter));
    }

    /// <summary>
    /// Adds the changed members' counts of the block just simulated to its columns, at their places among the vote's
    /// participants, and clears them for the next block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization), WhatIfRecount]
    private void FlushChangedMemberCounts(TrialBlock block)
    {
        for (int v = 0; v < _changed!.Length; v++)
        {
            for (int j = 0; j < _changed[v].Length; j++)
            {
                if (_changed[v][j] is not { } delta)
                {
                    continue;
                }

                var counts = _changedScratch![v][j]!.Counts;
                var columns = block[v, j];
                int k = delta.Padded;
                for (int kind = 0; kind < 4; kind++)
                {
                    for (int c = 0; c < delta.Changed.Length; c++)
                    {
                        columns.MemberCounts[(kind * columns.Stride) + delta.Changed[c]] += counts[(kind * k) + c];
                    }
                }

                Array.Clear(counts);
            }
        }
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

        /// <summary>The variant's counts of the changed members in the current block, kind-major (yes, abstain, no, absent).</summary>
        public long[] Counts { get; } = new long[4 * delta.Padded];

        /// <summary>The counts of a trial decided whole for its swings (never read).</summary>
        public long[] WholeCounts { get; } = new long[delta.Plan.Padded * VoteTrialColumns.MemberCountKinds];
    }
}
