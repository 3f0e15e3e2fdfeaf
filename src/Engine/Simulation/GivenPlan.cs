using System.Runtime.Intrinsics;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation.Simd;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// The announced votes of one variant (<see cref="Model.VoteModel.Given"/>), laid out to weigh a trial's shared draws:
/// the likelihood L(S) = prod over announcing members of P(member votes as announced | S), S the draws every member of
/// a vote shares (its global shock, bloc shocks and analog shift), the announcing members' own position draws and the
/// drift path. The kernel accepts a trial's draws with probability L(S) and otherwise redraws them, so accepted draws
/// are exact draws from the posterior given the announcements (rejection sampling; every output stays unweighted).
/// </summary>
/// <remarks>
/// P(yes | S) = Phi(m - tau_2), P(no | S) = Phi(tau_1 - m), P(abstain | S) = Phi(tau_2 - m) - Phi(tau_1 - m), with m the
/// member's latent mean in the trial, as the kernel decides votes. Presence is left out: absence is drawn apart from S,
/// so it is a constant factor, and an announced absence carries no information. Members whose likelihood cannot depend
/// on S (no position uncertainty, no shock of any size reaches them, no drift) are left out too, for the same reason.
/// The acceptance rate over a run is therefore E[L(S)], the model's probability of the informative announcements
/// given that the announcing members attend.
/// </remarks>
internal sealed class GivenPlan
{
    /// <summary>Most draws of the shared quantities per trial before the run gives up on the announcements as nearly impossible.</summary>
    public const int MaxAttempts = 10_000;

    private readonly Vote[] _votes;
    private readonly double[] _shocks;

    private GivenPlan(Vote[] votes)
    {
        _votes = votes;
        _shocks = new double[votes.Length == 0 ? 0 : votes.Max(v => v.Plan.ShockKeys.Length)];
        VoteIds = votes.Select(v => v.Plan.Vote.Id).ToArray();
    }

    /// <summary>The plan of a variant's votes; null when none has announced votes (the trial is then never redrawn).</summary>
    public static GivenPlan? For(VotePlan[] plans)
    {
        if (plans.All(p => p.Vote.Given.Count == 0))
        {
            return null;
        }

        var votes = plans
            .Where(p => p.Vote.Given.Count > 0)
            .Select(p => new Vote(p, p.Vote.Given.Select(g => Member.Of(p, g)).Where(m => m.Informative).ToArray()))
            .ToArray();
        return new GivenPlan(votes);
    }

    /// <summary>Ids of the conditioned votes (for messages).</summary>
    public IReadOnlyList<string> VoteIds { get; }

    /// <summary>
    /// L(S) of the trial drawn by <paramref name="random"/>, in [0, 1].
    /// </summary>
    /// <param name="random">The attempt's random numbers.</param>
    /// <param name="path">The attempt's drift path (null without drift).</param>
    /// <param name="pathMembers">Members per year of the path.</param>
    public double Likelihood(CounterRandom random, double[]? path, int pathMembers)
    {
        var trialKey = Vector256.Create(random.TrialKey);
        double likelihood = 1.0;
        foreach (var vote in _votes)
        {
            var plan = vote.Plan;
            // The same numbers as the kernel's shocks (TrialKernel.DrawShocks) for this attempt.
            for (int k = 0; k < plan.ShockKeys.Length; k += VotePlan.Lanes)
            {
                var normal = SimdMath.InverseNormal(SimdMath.UniformLow(SimdMath.Mix(trialKey + TrialKernel.Load(plan.ShockKeys, k))));
                (normal * TrialKernel.Load(plan.ShockSds, k)).CopyTo(_shocks, k);
            }

            if (plan.AnalogShift.IsMixture)
            {
                _shocks[plan.ShockedBlocs.Length + 1] *= plan.AnalogScale(random);
            }
            else if (plan.AnalogShift.IsEmpirical)
            {
                _shocks[plan.ShockedBlocs.Length + 1] += plan.AnalogOffset(random);
            }

            double common = _shocks[0] + _shocks[plan.ShockedBlocs.Length + 1];
            int pathOffset = plan.DriftYearIndex < 0 || path is null ? -1 : plan.DriftYearIndex * pathMembers;
            foreach (var member in vote.Members)
            {
                double mean = member.Mean + common;
                foreach (int k in member.Blocs)
                {
                    mean += _shocks[k + 1];
                }

                if (member.Loading != 0)
                {
                    // As the kernel's position draw (TrialKernel.Draw).
                    var u = SimdMath.UniformLow(SimdMath.Mix(trialKey + Vector256.Create(member.PositionKey)));
                    mean += member.Loading * SimdMath.InverseNormal(u).GetElement(0);
                }

                if (pathOffset >= 0)
                {
                    mean += plan.DriftBeta * path![pathOffset + member.Roster];
                }

                likelihood *= AnnouncedVoteLikelihood.Of(member.Choice, mean, member.NoBelow, member.YesFrom);
            }
        }

        return likelihood;
    }

    private sealed record Vote(VotePlan Plan, Member[] Members);

    /// <summary>
    /// One announcing member: its roster index and position key, its lean before the announcement (mean, loading,
    /// cut-points), its announced choice, its shocked blocs (as indices k into <see cref="VotePlan.ShockedBlocs"/>), and
    /// whether its likelihood depends on the shared draws at all.
    /// </summary>
    private sealed record Member(int Roster, ulong PositionKey, double Mean, double Loading, double NoBelow, double YesFrom, VoteChoice Choice, int[] Blocs, bool Informative)
    {
        public static Member Of(VotePlan plan, Model.GivenVote given)
        {
            var vote = plan.Vote;
            int i = given.Participant;
            var lean = given.Lean;
            var blocs = new List<int>();
            for (int j = vote.BlocOffsets[i]; j < vote.BlocOffsets[i + 1]; j++)
            {
                int k = Array.IndexOf(plan.ShockedBlocs, vote.BlocIndices[j]);
                if (k >= 0)
                {
                    blocs.Add(k);
                }
            }

            bool shocked = vote.Shocks.GlobalSd > 0 || vote.AnalogShift.WideSd > 0 || vote.AnalogShift.IsEmpirical || blocs.Count > 0;
            bool informative = given.Choice != VoteChoice.Absent && (shocked || lean.PositionLoading != 0 || plan.DriftYearIndex >= 0);
            return new Member(
                vote.RosterIndex[i], plan.PositionKey[i], lean.Mean, lean.PositionLoading, lean.NoBelow, lean.YesFrom, given.Choice, [.. blocs], informative);
        }
    }
}
