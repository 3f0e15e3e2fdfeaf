namespace StemSimulator.Scenarios.Document;

/// <summary>Who may withdraw from a deadlocked seat group, as written in a scenario.</summary>
public enum WithdrawalWho
{
    /// <summary>The candidate with the fewest votes in the last ballot.</summary>
    Trailing,

    /// <summary>Any standing candidate, each independently.</summary>
    Any,

    /// <summary>All declared candidates at once, in favour of the seat group's compromise candidates.</summary>
    All,
}
