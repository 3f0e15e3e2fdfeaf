namespace StemSimulator.Scenarios.Document;

/// <summary>An election to come: seats of the Security Council or the Human Rights Council, filled ballot by ballot.</summary>
public sealed class ElectionDocument
{
    /// <summary>Identifier, unique among the scenario's votes and elections: lower-case letters, digits and hyphens.</summary>
    public required string Id { get; init; }

    /// <summary>What is elected, in a few words.</summary>
    public string? Title { get; init; }

    /// <summary>sc (Security Council) or hrc (Human Rights Council).</summary>
    public required ElectionBodyName Body { get; init; }

    /// <summary>Date of the election (on or after <c>as_of</c>); defaults to <c>as_of</c>.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The seat groups, at most one per region.</summary>
    public required SeatGroupDocument[] SeatGroups { get; init; }

    /// <summary>
    /// Sitting members of the body and the consecutive terms each will have served when its term ends (1 or 2).
    /// Council: a sitting member cannot be re-elected at once (the reference data adds the elected members of the
    /// election's year where known). Human Rights Council: after two consecutive terms a member cannot stand.
    /// </summary>
    public Dictionary<string, int>? SittingMembers { get; init; }

    /// <summary>Campaign strength per candidate (-20 to 20, default 0): utility every member adds for it.</summary>
    public Dictionary<string, double>? Campaign { get; init; }

    /// <summary>Per candidate: members that pledged their vote to it (they get the reciprocity bonus for it).</summary>
    public Dictionary<string, string[]>? Pledges { get; init; }

    /// <summary>Pairs of members that trade votes: each gets the reciprocity bonus for the other where the other is a candidate.</summary>
    public string[][]? VoteTrading { get; init; }

    /// <summary>How members weigh candidates.</summary>
    public AffinityDocument? Affinity { get; init; }

    /// <summary>Correlated shocks per trial.</summary>
    public ElectionShocksDocument? Shocks { get; init; }

    /// <summary>Probability that a member misses a ballot (0 to 1, default 0.005).</summary>
    public double? Absence { get; init; }

    /// <summary>Probability that a member casts a blank ballot whatever the candidates (0 to 1, default 0).</summary>
    public double? Abstention { get; init; }

    /// <summary>Probability that a ballot is invalid (0 to 1, default 0.002).</summary>
    public double? Invalid { get; init; }

    /// <summary>How deadlocks end (default: after 20 ballots the trailing candidate withdraws with probability 0.1 per ballot).</summary>
    public WithdrawalDocument? Withdrawal { get; init; }

    /// <summary>Hard cap on the ballots per seat group (1 to 10,000, default 200); seats still open then stay unfilled.</summary>
    public int? MaxRounds { get; init; }
}
