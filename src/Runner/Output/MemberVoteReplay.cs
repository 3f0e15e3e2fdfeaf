using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Output;

/// <summary>
/// Every member's vote in one trial, for <c>member_votes/</c>: the trial is simulated again on its own through
/// <see cref="MonteCarloSimulator"/>, and over a single trial each member's counters (yes, abstain, no, absent) hold
/// exactly one 1, its vote. Every trial is a pure function of the seed and its index, so the votes are those of the
/// run's trial of that index, and their counts are its counts in <c>trials/</c>.
/// </summary>
/// <remarks>
/// The kernel keeps the members' votes only while it decides a vote and hands on counts, so a run that does not ask
/// for member votes pays nothing for them; one that does pays a second, one-trial simulation per trial (planning the
/// votes and starting a worker each time).
/// </remarks>
internal static class MemberVoteReplay
{
    /// <summary>Marks a variant's vote not held in the trial (it has no member votes).</summary>
    public const byte NotHeld = byte.MaxValue;

    /// <summary>
    /// The votes of trial <paramref name="trial"/>: per variant-vote (variant-major, as <c>SimulationResult.Votes</c>),
    /// one <see cref="VoteChoice"/> per participant in the vote's order, or a single <see cref="NotHeld"/> when the
    /// vote was not held.
    /// </summary>
    /// <param name="model">The run's model, estimators resolved.</param>
    /// <param name="trial">Trial index over the whole run, 0 to the model's trials - 1.</param>
    public static byte[][] Of(SimulationModel model, long trial)
    {
        var result = MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 1, BlockSize = 1, FirstTrial = trial, TrialCount = 1 });
        var votes = new byte[result.Votes.Count][];
        for (int s = 0; s < votes.Length; s++)
        {
            var statistics = result.Votes[s];
            votes[s] = statistics.HeldCount == 0 ? [NotHeld] : ChoicesOf(statistics);
        }

        return votes;
    }

    private static byte[] ChoicesOf(VoteStatistics statistics)
    {
        int n = statistics.Vote.Count;
        var counts = statistics.ToState().MemberCounts;
        var choices = new byte[n];
        for (int p = 0; p < n; p++)
        {
            choices[p] = ChoiceOf(counts, n, p);
        }

        return choices;
    }

    private static byte ChoiceOf(long[] counts, int participants, int participant)
    {
        foreach (var choice in (ReadOnlySpan<VoteChoice>)[VoteChoice.Yes, VoteChoice.Abstain, VoteChoice.No, VoteChoice.Absent])
        {
            if (counts[((int)choice * participants) + participant] == 1)
            {
                return (byte)choice;
            }
        }

        throw new InvalidOperationException($"participant {participant} has no vote in a one-trial simulation");
    }
}
