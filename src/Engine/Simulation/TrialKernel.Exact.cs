using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Simulation;

// The exact conditional estimator inside the kernel and the pivotal counts behind the swings.
internal sealed partial class TrialKernel
{
    private double ExactProbability(VotePlan plan)
    {
        var vote = plan.Vote;
        int n = plan.Count;
        return vote.Body == Body.SecurityCouncil
            ? ExactAdoption.SecurityCouncil(_pYes.AsSpan(0, n), _pNo.AsSpan(0, n), vote.Permanent, vote.Decision, vote.CouncilRule, _dpA)
            : ExactAdoption.GeneralAssembly(_pYes.AsSpan(0, n), _pNo.AsSpan(0, n), vote.Majority, _dpA, _dpB);
    }

    /// <summary>Runs the exact Council programme for the trials waiting in <paramref name="batch"/> and writes their probabilities.</summary>
    private void FlushCouncilExact(VotePlan plan, CouncilExactBatch batch, VoteTrialColumns columns)
    {
        var vote = plan.Vote;
        Span<double> result = stackalloc double[CouncilExactBatch.Trials];
        // Lanes past Count hold an earlier trial's probabilities (or zeros): computed and ignored.
        ExactAdoption.SingleVetoFourTrials(batch.PYes, batch.PNo, plan.Padded, vote.Permanent, vote.Decision, vote.CouncilRule, _dpFourTrials, result);
        for (int l = 0; l < batch.Count; l++)
        {
            columns.ExactProbability[batch.Rows[l]] = result[l];
        }

        batch.Count = 0;
    }

    /// <summary>Up to four trials' member probabilities of one Council vote, waiting for the four-trial exact programme.</summary>
    private sealed class CouncilExactBatch(int stride)
    {
        public const int Trials = 4;

        /// <summary>P(yes) of lane l's members at <c>l * stride</c>.</summary>
        public double[] PYes { get; } = new double[Trials * stride];

        public double[] PNo { get; } = new double[Trials * stride];

        /// <summary>The block row of each lane.</summary>
        public int[] Rows { get; } = new int[Trials];

        public int Count { get; set; }
    }

    /// <summary>Without shocks or position draws every trial has the same exact probability: computed once.</summary>
    private double StaticExact(VotePlan plan, int variant, int voteIndex)
    {
        var cached = _staticExact[variant][voteIndex];
        if (cached is null)
        {
            for (int i = 0; i < plan.Count; i++)
            {
                double present = 1.0 - plan.Absence[i];
                _pNo[i] = present * plan.StaticNoBelowUniform![i];
                _pYes[i] = present * (1.0 - plan.StaticYesFromUniform![i]);
            }

            cached = [ExactProbability(plan)];
            _staticExact[variant][voteIndex] = cached;
        }

        return cached[0];
    }

    /// <summary>
    /// In the Assembly whether a member is pivotal depends only on its own choice: with the others' votes fixed,
    /// it decides the outcome when yes from it adopts and no from it does not. Three rule evaluations per trial,
    /// then one masked pass over the members, skipped when nobody can be pivotal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountPivotalAssembly(VotePlan plan, long[] counts, int yes, int no)
    {
        var vote = plan.Vote;
        bool Pivotal(int othersYes, int othersNo) =>
            vote.IsAdopted(othersYes + 1, othersNo, PermanentMembers.None) && !vote.IsAdopted(othersYes, othersNo + 1, PermanentMembers.None);
        bool ifYes = yes > 0 && Pivotal(yes - 1, no);
        bool ifNo = no > 0 && Pivotal(yes, no - 1);
        bool ifOther = Pivotal(yes, no);
        if (!ifYes && !ifNo && !ifOther)
        {
            return;
        }

        var yesFlag = Vector256.Create(ifYes ? -1L : 0L);
        var noFlag = Vector256.Create(ifNo ? -1L : 0L);
        var otherFlag = Vector256.Create(ifOther ? -1L : 0L);
        int offset = VoteTrialColumns.PivotalKind * plan.Padded;
        for (int i = 0; i < plan.Padded; i += VotePlan.Lanes)
        {
            var code = Load(_choice, i);
            var isYes = Vector256.Equals(code, Vector256<long>.Zero);
            var isNo = Vector256.Equals(code, Vector256.Create(2L));
            var pivotal = (isYes & yesFlag) | (isNo & noFlag) | (~(isYes | isNo) & otherFlag);
            Store(counts, offset + i, Load(counts, offset + i) - pivotal);
        }
    }

    /// <summary>
    /// In the Council a permanent member's no is a veto, so its pivotal status is its own; an elected member's
    /// depends only on its choice, as in the Assembly: three flags (yes, no, abstained or absent) and one masked
    /// pass over the members, then the permanent members corrected one by one. The rule is integer logic on the
    /// plan's quota and blocking count (<see cref="CouncilPivotal"/>), no calls.
    /// </summary>
    private void CountPivotalCouncil(VotePlan plan, long[] counts, int yes, int no, PermanentMembers permanentNo)
    {
        int quota = plan.CouncilQuota, blocking = plan.CouncilBlocking;
        int offset = VoteTrialColumns.PivotalKind * plan.Padded;
        bool ifYes = CouncilPivotal(quota, blocking, VoteChoice.Yes, PermanentMembers.None, yes, no, permanentNo);
        bool ifNo = CouncilPivotal(quota, blocking, VoteChoice.No, PermanentMembers.None, yes, no, permanentNo);
        bool ifOther = CouncilPivotal(quota, blocking, VoteChoice.Abstain, PermanentMembers.None, yes, no, permanentNo);
        if (ifYes || ifNo || ifOther)
        {
            var yesFlag = Vector256.Create(ifYes ? -1L : 0L);
            var noFlag = Vector256.Create(ifNo ? -1L : 0L);
            var otherFlag = Vector256.Create(ifOther ? -1L : 0L);
            for (int i = 0; i < plan.Padded; i += VotePlan.Lanes)
            {
                var code = Load(_choice, i);
                var isYes = Vector256.Equals(code, Vector256<long>.Zero);
                var isNo = Vector256.Equals(code, Vector256.Create(2L));
                var pivotal = (isYes & yesFlag) | (isNo & noFlag) | (~(isYes | isNo) & otherFlag);
                Store(counts, offset + i, Load(counts, offset + i) - pivotal);
            }
        }

        // Padding lanes are phantom abstainers: whatever they counted is never read.
        var permanent = plan.Vote.Permanent;
        foreach (int i in plan.Permanent)
        {
            var choice = (VoteChoice)_choice[i];
            bool asElected = choice == VoteChoice.Yes ? ifYes : choice == VoteChoice.No ? ifNo : ifOther;
            bool own = CouncilPivotal(quota, blocking, choice, permanent[i], yes, no, permanentNo);
            counts[offset + i] += (own ? 1 : 0) - (asElected ? 1 : 0);
        }
    }

    /// <summary>
    /// Whether a member voting <paramref name="choice"/> decides a Council vote: with the others' votes fixed, yes from it
    /// adopts and no from it does not. Adopted means at least <paramref name="quota"/> yes and fewer than
    /// <paramref name="blocking"/> permanent members voting no (<see cref="int.MaxValue"/> without a veto or for a
    /// procedural decision), as <see cref="SecurityCouncilRules.IsAdopted(int, PermanentMembers, CouncilDecision, CouncilRule)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CouncilPivotal(int quota, int blocking, VoteChoice choice, PermanentMembers own, int yes, int no, PermanentMembers permanentNo)
    {
        if ((choice == VoteChoice.Yes && yes == 0) || (choice == VoteChoice.No && no == 0))
        {
            return false;
        }

        int othersYes = yes - (choice == VoteChoice.Yes ? 1 : 0);
        var othersPermanentNo = choice == VoteChoice.No ? permanentNo & ~own : permanentNo;
        bool adoptedIfYes = othersYes + 1 >= quota && othersPermanentNo.Count() < blocking;
        bool adoptedIfNo = othersYes >= quota && (othersPermanentNo | own).Count() < blocking;
        return adoptedIfYes && !adoptedIfNo;
    }
}
