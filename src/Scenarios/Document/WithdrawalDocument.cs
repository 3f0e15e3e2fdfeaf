namespace StemSimulator.Scenarios.Document;

/// <summary>How deadlocks end: after some inconclusive ballots candidates withdraw with a probability per ballot.</summary>
public sealed class WithdrawalDocument
{
    /// <summary>Inconclusive ballots before anyone may withdraw (1 to 10,000).</summary>
    public required int AfterRounds { get; init; }

    /// <summary>Probability per further ballot (0 to 1).</summary>
    public required double Probability { get; init; }

    /// <summary>Who withdraws: trailing (default), any or all.</summary>
    public WithdrawalWho? Who { get; init; }
}
