using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Simulation;

// The vote's route through a chain (paths, debate days) and the blocs whose cohesion a drifted vote counts.
internal sealed partial class TrialKernel
{
    /// <summary>
    /// For an Assembly vote on drifted positions in a variant that counts cohesion: per bloc, the vote's participants
    /// that are its members in the vote's year; null otherwise.
    /// </summary>
    private static int[][]? CohesionParticipants(Drift.DriftModel? drift, VotePlan plan)
    {
        if (drift?.Cohesion is not { } cohesion || !plan.FansAdoption)
        {
            return null;
        }

        var participant = new Dictionary<int, int>();
        for (int i = 0; i < plan.Count; i++)
        {
            participant[plan.Roster[i]] = i;
        }

        return cohesion.Blocs
            .Select(b => b.MembersByYear[plan.DriftYearIndex].Where(participant.ContainsKey).Select(m => participant[m]).ToArray())
            .ToArray();
    }

    private static byte DebateDay(double uniform)
    {
        int day = 1;
        while (day < DebateWindow && uniform >= DebateDayCumulative[day - 1])
        {
            day++;
        }

        return (byte)day;
    }

    /// <summary>
    /// Which condition holds the vote in this trial: the first whose outcome the earlier vote met and whose tabling
    /// draw succeeded (1-based), or -1 when none does and the vote is not held.
    /// </summary>
    private int Path(VoteModel vote, CounterRandom random)
    {
        for (int c = 0; c < vote.Conditions.Count; c++)
        {
            var condition = vote.Conditions[c];
            int earlier = condition.VoteIndex;
            if (!_held[earlier])
            {
                continue;
            }

            var outcome = _outcomes[earlier];
            bool met = condition.Outcome switch
            {
                ConditionOutcome.Vetoed => outcome.Vetoed,
                ConditionOutcome.Adopted => outcome.Adopted,
                ConditionOutcome.Failed => !outcome.Adopted,
                _ => true,
            };
            if (met && (condition.TablingProbability >= 1
                || random.Uniform(RandomPurpose.Tabling, vote.Stream, c) < condition.TablingProbability))
            {
                return c + 1;
            }
        }

        return -1;
    }
}
