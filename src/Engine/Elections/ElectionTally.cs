namespace StemSimulator.Engine.Elections;

/// <summary>
/// Running counts of one election in one variant over the trials simulated: who was elected when, how many ballots
/// each seat group took, the votes of every ballot, and each member's first-ballot choices. All counts are integers,
/// so tallies add up in any order to the same numbers (results do not depend on the thread count).
/// </summary>
public sealed class ElectionTally
{
    private readonly int _rounds;

    /// <summary>Creates an empty tally for <paramref name="election"/>.</summary>
    public ElectionTally(ElectionModel election)
    {
        ArgumentNullException.ThrowIfNull(election);
        Election = election;
        int c = election.Candidates.Count;
        int g = election.SeatGroups.Count;
        int v = election.Voters.Count;
        _rounds = election.MaxRounds + 1;
        Elected = new long[c];
        ElectedFirstBallot = new long[c];
        ElectedBallotSum = new long[c];
        Withdrew = new long[c];
        RoundsHistogram = new long[g * _rounds];
        Capped = new long[g];
        UnfilledSeats = new long[g];
        BallotsHeld = new long[g * _rounds];
        PresentAndVoting = new long[g * _rounds];
        Abstentions = new long[g * _rounds];
        InvalidBallots = new long[g * _rounds];
        Absent = new long[g * _rounds];
        Votes = new long[c * _rounds];
        OnBallot = new long[c * _rounds];
        FirstBallotVotes = new long[v * c];
        FirstBallotBlank = new long[v * g];
        FirstBallotInvalid = new long[v * g];
        FirstBallotAbsent = new long[v * g];
    }

    /// <summary>The election counted.</summary>
    public ElectionModel Election { get; }

    /// <summary>Trials counted.</summary>
    public long Trials { get; private set; }

    /// <summary>Per candidate: trials in which it was elected.</summary>
    public long[] Elected { get; }

    /// <summary>Per candidate: trials in which it was elected on the first ballot.</summary>
    public long[] ElectedFirstBallot { get; }

    /// <summary>Per candidate: sum over the trials that elected it of the electing ballot's number.</summary>
    public long[] ElectedBallotSum { get; }

    /// <summary>Per candidate: trials in which it withdrew.</summary>
    public long[] Withdrew { get; }

    /// <summary>Per seat group g and number of ballots r (1..MaxRounds): trials that held exactly r ballots, at [g * (MaxRounds + 1) + r].</summary>
    public long[] RoundsHistogram { get; }

    /// <summary>Per seat group: trials stopped by the round cap with seats open.</summary>
    public long[] Capped { get; }

    /// <summary>Per seat group: sum over trials of the seats left open.</summary>
    public long[] UnfilledSeats { get; }

    /// <summary>Per seat group and ballot number, at [g * (MaxRounds + 1) + r]: trials in which that ballot was held.</summary>
    public long[] BallotsHeld { get; }

    /// <summary>Per seat group and ballot: sum of members present and voting.</summary>
    public long[] PresentAndVoting { get; }

    /// <summary>Per seat group and ballot: sum of blank ballots.</summary>
    public long[] Abstentions { get; }

    /// <summary>Per seat group and ballot: sum of invalid ballots.</summary>
    public long[] InvalidBallots { get; }

    /// <summary>Per seat group and ballot: sum of absent members.</summary>
    public long[] Absent { get; }

    /// <summary>Per candidate c and ballot r, at [c * (MaxRounds + 1) + r]: sum of votes.</summary>
    public long[] Votes { get; }

    /// <summary>Per candidate and ballot: trials in which the candidate could receive votes in that ballot.</summary>
    public long[] OnBallot { get; }

    /// <summary>Per member i and candidate c, at [i * candidates + c]: trials in which i voted for c in the first ballot of c's seat group.</summary>
    public long[] FirstBallotVotes { get; }

    /// <summary>Per member i and seat group g, at [i * groups + g]: trials in which i cast a blank first ballot.</summary>
    public long[] FirstBallotBlank { get; }

    /// <summary>Per member and seat group: trials with an invalid first ballot.</summary>
    public long[] FirstBallotInvalid { get; }

    /// <summary>Per member and seat group: trials in which the member missed the first ballot.</summary>
    public long[] FirstBallotAbsent { get; }

    /// <summary>Index of (seat group or candidate <paramref name="index"/>, ballot <paramref name="ballot"/>) in the per-ballot arrays.</summary>
    public int At(int index, int ballot) => (index * _rounds) + ballot;

    internal void AddTrial() => Trials++;

    internal void AddBallot(int group, int ballot, ReadOnlySpan<int> votes, ReadOnlySpan<bool> eligible, BallotCount count)
    {
        int at = At(group, ballot);
        BallotsHeld[at]++;
        PresentAndVoting[at] += count.PresentAndVoting;
        Abstentions[at] += count.Abstentions;
        InvalidBallots[at] += count.Invalid;
        Absent[at] += count.Absent;
        var candidates = Election.SeatGroups[group].Candidates;
        for (int j = 0; j < votes.Length; j++)
        {
            int c = At(candidates[j], ballot);
            Votes[c] += votes[j];
            OnBallot[c] += eligible[j] ? 1 : 0;
        }
    }

    internal void AddContest(int group, ContestOutcome outcome)
    {
        var candidates = Election.SeatGroups[group].Candidates;
        RoundsHistogram[At(group, outcome.Rounds)]++;
        Capped[group] += outcome.Capped ? 1 : 0;
        UnfilledSeats[group] += outcome.Unfilled;
        for (int j = 0; j < candidates.Count; j++)
        {
            int c = candidates[j];
            int ballot = outcome.ElectedBallot[j];
            if (ballot > 0)
            {
                Elected[c]++;
                ElectedFirstBallot[c] += ballot == 1 ? 1 : 0;
                ElectedBallotSum[c] += ballot;
            }

            Withdrew[c] += outcome.Withdrawn[j] ? 1 : 0;
        }
    }

    /// <summary>Adds another tally of the same election (a block of trials counted elsewhere).</summary>
    public void Add(ElectionTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other.Election, Election))
        {
            throw new ArgumentException("Tallies of different elections.", nameof(other));
        }

        Trials += other.Trials;
        foreach (var (mine, theirs) in Arrays().Zip(other.Arrays()))
        {
            for (int k = 0; k < mine.Length; k++)
            {
                mine[k] += theirs[k];
            }
        }
    }

    /// <summary>Names of the count arrays, in the order of <see cref="ElectionTallyState.Counts"/>.</summary>
    public static IReadOnlyList<string> CountNames { get; } =
    [
        nameof(Elected), nameof(ElectedFirstBallot), nameof(ElectedBallotSum), nameof(Withdrew), nameof(RoundsHistogram), nameof(Capped),
        nameof(UnfilledSeats), nameof(BallotsHeld), nameof(PresentAndVoting), nameof(Abstentions), nameof(InvalidBallots), nameof(Absent),
        nameof(Votes), nameof(OnBallot), nameof(FirstBallotVotes), nameof(FirstBallotBlank), nameof(FirstBallotInvalid), nameof(FirstBallotAbsent),
    ];

    /// <summary>The counts as plain data, for <paramref name="variant"/>.</summary>
    public ElectionTallyState ToState(string variant) => new(variant, Election.Id, Trials, Arrays().Select(a => (long[])a.Clone()).ToArray());

    /// <summary>
    /// A tally of <paramref name="election"/> holding the sum of <paramref name="states"/>' counts; throws
    /// <see cref="ArgumentException"/> when a state is of another election or its arrays do not fit the election.
    /// </summary>
    public static ElectionTally FromStates(ElectionModel election, IEnumerable<ElectionTallyState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var tally = new ElectionTally(election);
        var arrays = tally.Arrays().ToArray();
        foreach (var state in states)
        {
            if (state.ElectionId != election.Id || state.Counts.Count != arrays.Length
                || state.Counts.Zip(arrays).Any(p => p.First is null || p.First.Length != p.Second.Length))
            {
                throw new ArgumentException($"the counts of election {state.ElectionId} do not fit election {election.Id} of the scenario", nameof(states));
            }

            tally.Trials += state.Trials;
            for (int a = 0; a < arrays.Length; a++)
            {
                for (int k = 0; k < arrays[a].Length; k++)
                {
                    arrays[a][k] += state.Counts[a][k];
                }
            }
        }

        return tally;
    }

    /// <summary>Sets every count to zero.</summary>
    public void Clear()
    {
        Trials = 0;
        foreach (var array in Arrays())
        {
            Array.Clear(array);
        }
    }

    private IEnumerable<long[]> Arrays() =>
    [
        Elected, ElectedFirstBallot, ElectedBallotSum, Withdrew, RoundsHistogram, Capped, UnfilledSeats, BallotsHeld,
        PresentAndVoting, Abstentions, InvalidBallots, Absent, Votes, OnBallot, FirstBallotVotes, FirstBallotBlank,
        FirstBallotInvalid, FirstBallotAbsent,
    ];
}
