namespace StemSimulator.Engine.Rules;

/// <summary>The counts of one vote. All counts are non-negative; together they cover every member of the body.</summary>
/// <param name="Yes">Votes in favour.</param>
/// <param name="No">Votes against.</param>
/// <param name="Abstain">Abstentions.</param>
/// <param name="Absent">Members absent or without a vote (Art. 19 arrears count here).</param>
public readonly record struct VoteTally(int Yes, int No, int Abstain, int Absent)
{
    /// <summary>Members present and voting: those who voted yes or no (GA rule 86).</summary>
    public int PresentAndVoting => Yes + No;

    /// <summary>All members of the body covered by the tally.</summary>
    public int Total => Yes + No + Abstain + Absent;

    /// <summary>The tally with one more vote of the given kind.</summary>
    public VoteTally Add(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => this with { Yes = Yes + 1 },
        VoteChoice.No => this with { No = No + 1 },
        VoteChoice.Abstain => this with { Abstain = Abstain + 1 },
        VoteChoice.Absent => this with { Absent = Absent + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown vote choice."),
    };

    /// <inheritdoc />
    public override string ToString() => $"{Yes}-{No}-{Abstain} ({Absent} absent)";
}
