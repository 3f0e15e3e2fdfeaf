namespace StemSimulator.Engine.Elections;

/// <summary>
/// How deadlocks end: after <see cref="AfterRounds"/> inconclusive ballots in a seat group, before each further
/// ballot, candidates withdraw with probability <see cref="Probability"/> (who, by <see cref="Mode"/>). A first
/// withdrawal brings the seat group's compromise candidates into the race. With p &gt; 0 and at least one more
/// candidate than open seats, a deadlock ends with probability one; the expected number of extra ballots of a
/// two-candidate deadlock under <see cref="WithdrawalMode.Trailing"/> is 1/p.
/// </summary>
/// <param name="AfterRounds">Inconclusive ballots before anyone may withdraw, 1 to 10,000.</param>
/// <param name="Probability">Probability per ballot, 0 to 1 (0: nobody ever withdraws).</param>
/// <param name="Mode">Who may withdraw.</param>
public sealed record WithdrawalModel(int AfterRounds, double Probability, WithdrawalMode Mode)
{
    /// <summary>Nobody withdraws; only the round cap ends a deadlock.</summary>
    public static WithdrawalModel Never { get; } = new(1, 0, WithdrawalMode.Trailing);

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(AfterRounds, 1, nameof(AfterRounds));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AfterRounds, 10_000, nameof(AfterRounds));
        if (!(Probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Probability), Probability, "A probability between 0 and 1.");
        }
    }
}
