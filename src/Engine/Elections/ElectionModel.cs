namespace StemSimulator.Engine.Elections;

/// <summary>
/// One election, ready to simulate: who votes, who stands for which seats, how members choose (see
/// <see cref="AffinityWeights"/>), the majority required, the withdrawal model and the round cap.
/// </summary>
public sealed class ElectionModel
{
    /// <summary>Most candidates in one election (each gets a bit in a 64-bit mask).</summary>
    public const int MaxCandidates = 64;

    /// <summary>Most voters (a member's index takes 8 bits of a random-number key).</summary>
    public const int MaxVoters = 256;

    /// <summary>Highest round cap (a ballot's number takes 16 bits of a random-number key).</summary>
    public const int MaxRoundCap = 10_000;

    /// <summary>Identifier, unique within the scenario.</summary>
    public required string Id { get; init; }

    /// <summary>Random stream of the election (0 to 65535): the same election in every variant uses the same stream, so variants share random numbers.</summary>
    public required int Stream { get; init; }

    /// <summary>The body whose seats are filled.</summary>
    public required ElectionBody Body { get; init; }

    /// <summary>The majority required.</summary>
    public ElectionMajority Majority => Body == ElectionBody.SecurityCouncil
        ? ElectionMajority.TwoThirdsOfPresentAndVoting
        : ElectionMajority.AbsoluteMajorityOfMembers;

    /// <summary>Date of the election.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Members of the General Assembly on the date (193 today), the base of the absolute majority; Art. 19 members count.</summary>
    public int Membership => Voters.Count;

    /// <summary>Every member of the Assembly, with or without a vote; at most <see cref="MaxVoters"/>.</summary>
    public required IReadOnlyList<ElectionVoter> Voters { get; init; }

    /// <summary>All candidates of all seat groups; at most <see cref="MaxCandidates"/>.</summary>
    public required IReadOnlyList<ElectionCandidate> Candidates { get; init; }

    /// <summary>The seat groups, each balloted on separately.</summary>
    public required IReadOnlyList<SeatGroupModel> SeatGroups { get; init; }

    /// <summary>Weights of the members' affinity to candidates.</summary>
    public required AffinityWeights Weights { get; init; }

    /// <summary>Correlated shocks per trial.</summary>
    public ElectionShocks Shocks { get; init; } = ElectionShocks.None;

    /// <summary>Pairs (voter, candidate) that get the reciprocity bonus: pledges and vote trades.</summary>
    public IReadOnlyList<(int Voter, int Candidate)> Reciprocal { get; init; } = [];

    /// <summary>Probability that a present member casts a blank ballot for a seat group whatever it thinks of the candidates, 0 to 1.</summary>
    public double Abstention { get; init; }

    /// <summary>Probability that a present member's ballot is invalid, 0 to 1.</summary>
    public double Invalid { get; init; }

    /// <summary>How deadlocks end.</summary>
    public required WithdrawalModel Withdrawal { get; init; }

    /// <summary>Hard cap on the ballots per seat group, 1 to <see cref="MaxRoundCap"/>; seats still open then stay unfilled and the trial is marked capped.</summary>
    public required int MaxRounds { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when the model breaks an invariant.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Id);
        ArgumentOutOfRangeException.ThrowIfNegative(Stream);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Stream, ushort.MaxValue);
        Weights.Validate();
        Withdrawal.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRounds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRounds, MaxRoundCap);
        if (Voters.Count is 0 or > MaxVoters)
        {
            throw new ArgumentException($"An election needs 1 to {MaxVoters} voters.");
        }

        if (Candidates.Count is 0 or > MaxCandidates)
        {
            throw new ArgumentException($"An election needs 1 to {MaxCandidates} candidates.");
        }

        if (SeatGroups.Count == 0 || SeatGroups.Count > 255)
        {
            throw new ArgumentException("An election needs 1 to 255 seat groups.");
        }

        if (!(Abstention is >= 0 and <= 1) || !(Invalid is >= 0 and <= 1) || Voters.Any(v => !(v.Absence is >= 0 and <= 1))
            || Voters.Any(v => v.Absence + Abstention + Invalid > 1 + 1e-12))
        {
            throw new ArgumentException("Absence, abstention and invalid ballots are probabilities that add up to at most 1.");
        }

        ValidateSeatGroups();
        if (Candidates.Any(c => c.Voter < 0 || c.Voter >= Voters.Count || Voters[c.Voter].Code != c.Code))
        {
            throw new ArgumentException("Each candidate's voter index must point at its own member.");
        }

        if (Reciprocal.Any(p => p.Voter < 0 || p.Voter >= Voters.Count || p.Candidate < 0 || p.Candidate >= Candidates.Count))
        {
            throw new ArgumentException("Reciprocal pairs must name a voter and a candidate.");
        }

        if (Voters.Any(v => v.BlocMask >> Shocks.BlocNames.Count != 0 && Shocks.BlocNames.Count < 64))
        {
            throw new ArgumentException("A voter's bloc mask names a bloc without a shock.");
        }
    }

    /// <summary>Each seat group has at least one seat and enough declared candidates; each candidate belongs to exactly the group it names.</summary>
    private void ValidateSeatGroups()
    {
        var seen = new bool[Candidates.Count];
        for (int g = 0; g < SeatGroups.Count; g++)
        {
            var group = SeatGroups[g];
            ArgumentOutOfRangeException.ThrowIfLessThan(group.Seats, 1);
            if (group.Candidates.Count(c => !Candidates[c].IsCompromise) < group.Seats)
            {
                throw new ArgumentException($"Seat group {g} has more seats than declared candidates.");
            }

            foreach (int c in group.Candidates)
            {
                if (c < 0 || c >= Candidates.Count || seen[c] || Candidates[c].SeatGroup != g)
                {
                    throw new ArgumentException($"Candidate {c} must belong to exactly one seat group, the one it names.");
                }

                seen[c] = true;
            }
        }

        if (seen.Any(s => !s))
        {
            throw new ArgumentException("Every candidate belongs to a seat group.");
        }
    }
}
